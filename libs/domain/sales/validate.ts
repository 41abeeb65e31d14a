/**
 * Field checks for sale and special-price commands. Each appends `{ field, message }` instead of
 * throwing, so one refusal names every problem, and takes `unknown` because commands arrive from
 * outside. Values come back rebuilt, so nothing else the caller sent ends up in an event.
 */
import { isIsoDate } from '../policy/calendar';
import { at, each, int, isCurrency, obj, text, type Errors } from '../policy/field-checks';
import type { Money } from '../policy/terms';
import { isSafeAmount, lineAmount } from './amounts';
import type { SaleLineInput } from './events';

export const SALES_LIMITS = { sku: 64, lines: 500, reason: 1000 } as const;

const SAFE = `${Number.MAX_SAFE_INTEGER} minor units`;

/** The day of an instant, in UTC: the calendar every party shares. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** A real date (YYYY-MM-DD) not after `today`. */
export function pastDate(out: Errors, field: string, v: unknown, today: string): v is string {
  if (isIsoDate(v) && v <= today) return true;
  out.push({ field, message: `must be a date (YYYY-MM-DD) not after ${today}` });
  return false;
}

export function date(out: Errors, field: string, v: unknown): v is string {
  if (isIsoDate(v)) return true;
  out.push({ field, message: 'must be a date (YYYY-MM-DD)' });
  return false;
}

export function currencyCode(out: Errors, field: string, v: unknown): v is string {
  if (isCurrency(v)) return true;
  out.push({ field, message: 'must be an ISO 4217 currency code (three upper-case letters)' });
  return false;
}

/** Matched exactly against the floors and special prices: padding would slip past both, so it is refused. */
export function sku(out: Errors, field: string, v: unknown): v is string {
  if (!text(out, field, v, SALES_LIMITS.sku)) return false;
  if (v === v.trim()) return true;
  out.push({ field, message: 'must not start or end with spaces' });
  return false;
}

export const reason = (out: Errors, v: unknown, field = 'reason'): v is string => text(out, field, v, SALES_LIMITS.reason);

/** Non-negative minor units in a valid currency — the sale's when `currency` is given. */
export function unitPrice(out: Errors, field: string, v: unknown, currency?: string): Money | undefined {
  if (!obj(out, field, v)) return undefined;
  const okMinor = int(out, at(field, 'minor'), v.minor, 0);
  let okCurrency = currencyCode(out, at(field, 'currency'), v.currency);
  if (okCurrency && currency !== undefined && v.currency !== currency) {
    out.push({ field: at(field, 'currency'), message: `must be the sale currency ${currency}` });
    okCurrency = false;
  }
  return okMinor && okCurrency ? { minor: v.minor as number, currency: v.currency as string } : undefined;
}

/**
 * 1 to 500 lines, each a SKU, a positive quantity and a unit price in the sale's currency (when that
 * is valid; otherwise its format only). Every line total and the total must be safe integers.
 */
export function saleLines(out: Errors, v: unknown, currency: string | undefined): SaleLineInput[] | undefined {
  const lines: SaleLineInput[] = [];
  const before = out.length;
  const isList = each(
    out,
    'lines',
    v,
    (item, path) => {
      const line = saleLine(out, path, item, currency);
      if (line) lines.push(line);
    },
    SALES_LIMITS.lines,
  );
  if (isList && (v as unknown[]).length === 0) out.push({ field: 'lines', message: 'must have at least one line' });
  if (out.length > before) return undefined;
  const total = lines.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitPrice), 0n);
  if (isSafeAmount(total)) return lines;
  out.push({ field: 'lines', message: `the sale's total must not exceed ${SAFE}` });
  return undefined;
}

function saleLine(out: Errors, path: string, item: unknown, currency: string | undefined): SaleLineInput | undefined {
  if (!obj(out, path, item)) return undefined;
  const okSku = sku(out, at(path, 'sku'), item.sku);
  const okQuantity = int(out, at(path, 'quantity'), item.quantity, 1);
  const price = unitPrice(out, at(path, 'unitPrice'), item.unitPrice, currency);
  if (!okSku || !okQuantity || !price) return undefined;
  const line: SaleLineInput = { sku: item.sku as string, quantity: item.quantity as number, unitPrice: price };
  if (isSafeAmount(lineAmount(line.quantity, price))) return line;
  out.push({ field: path, message: `quantity × unitPrice must not exceed ${SAFE}` });
  return undefined;
}
