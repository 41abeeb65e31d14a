/** The settlements of one policy, folded from its events: each closed period and what was settled for it. */
import type { BonusTerms, Money } from '../policy/terms';
import { assertNever } from '../shared/types';
import type { PeriodAdjustment, PeriodClosed, SettlementEvent } from './events';

export interface ClosedPeriod {
  period: string;
  termsVersion: number;
  /** The plan the period was settled against (an amendment after the close does not move it). */
  plan: Money;
  /** The tiers it was settled with: an adjustment re-prices the period with them, not with later terms. */
  bonusTerms: BonusTerms;
  /** The actual settled so far: at the close, then as adjusted by later closes. */
  settledActual: Money;
  /** The bonus settled so far: at the close plus every later bonusDelta. */
  settledBonus: Money;
  closedAt: string;
}

export interface SettlementState {
  closed: Readonly<Record<string, ClosedPeriod>>;
  /** The sales position the latest close counted up to (0: nothing closed yet). */
  salesUpToPosition: number;
}

export const initialSettlementState = (): SettlementState => ({ closed: {}, salesUpToPosition: 0 });

export function evolveSettlement(state: SettlementState, event: SettlementEvent): SettlementState {
  switch (event.type) {
    case 'PeriodClosed':
      return periodClosed(state, event);
    default:
      return assertNever(event.type);
  }
}

function periodClosed(state: SettlementState, e: PeriodClosed): SettlementState {
  const closed: Record<string, ClosedPeriod> = { ...state.closed, [e.data.period]: closedPeriodOf(e) };
  for (const a of e.data.adjustments) {
    // An adjustment of a period never closed would mean a corrupt stream: it is skipped, not invented.
    const p = closed[a.period];
    if (p) closed[a.period] = adjusted(p, a);
  }
  return { closed, salesUpToPosition: Math.max(state.salesUpToPosition, e.data.salesUpToPosition) };
}

function closedPeriodOf({ data }: PeriodClosed): ClosedPeriod {
  const { period, termsVersion, plan, bonusTerms, actual, bonus, closedAt } = data;
  return { period, termsVersion, plan, bonusTerms, settledActual: actual, settledBonus: bonus, closedAt };
}

function adjusted(p: ClosedPeriod, a: PeriodAdjustment): ClosedPeriod {
  const settledBonus = { minor: p.settledBonus.minor + a.bonusDelta.minor, currency: p.settledBonus.currency };
  return { ...p, settledActual: a.actualNow, settledBonus };
}

/** The closed periods in calendar order ('2026-01' < '2026-02', '2026-Q1' < '2026-Q2'). */
export const closedPeriods = (state: SettlementState): ClosedPeriod[] =>
  Object.values(state.closed).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
