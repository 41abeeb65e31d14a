/**
 * Upcasters of the sales events: pure functions from one stored version's data to the next. They
 * see only the event's own data, so a field they add must follow from what was stored. (They name
 * the fields they read rather than import events.ts, which imports them.)
 */
import type { Money } from '../policy/terms';
import { lineAmount, toMoney } from './amounts';

interface RefusedV1Amounts {
  currency: string;
  lines: Array<{ quantity: number; unitPrice: Money }>;
}

/** SaleRefused v1 → v2: adds `total`, the lines tried summed exactly as the decider now records it. */
export function upcastSaleRefusedV1(data: Record<string, unknown>): Record<string, unknown> {
  const { currency, lines } = data as unknown as RefusedV1Amounts;
  const minor = lines.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitPrice), 0n);
  return { ...data, total: toMoney(minor, currency) };
}
