/**
 * Closing a period: the company settles the distributor's bonus for a plan period that has ended.
 * The actuals count every sale booked up to `salesUpToPosition`, so a sale dated in a period closed
 * earlier but booked since shows up here as a changed actual for that period: the close records the
 * difference as an adjustment and pays (or claws back) the bonus difference with this settlement.
 * `payable` may therefore be NEGATIVE — the adjustments took back more than this period earned — and
 * it is recorded as such: the money owed back is carried by the record, never silently dropped.
 */
import { money } from '../policy/money';
import type { BonusTerms, Money } from '../policy/terms';
import type { ClosePeriod } from './commands';
import { SettlementErrors } from './errors';
import type { PeriodAdjustment, SettlementEvent } from './events';
import { attainmentAndBonus, periodEnd, planFor } from './periods';
import { closedPeriods, type ClosedPeriod, type SettlementState } from './state';
import { requireValidClose } from './validate';

const DAY_MS = 86_400_000;

export function closePeriod(cmd: ClosePeriod, state: SettlementState): SettlementEvent[] {
  const { actor, now } = cmd.context;
  if (actor.party !== 'company') throw SettlementErrors.companyOnly(actor.party);
  requireValidClose(cmd.data, state);
  const { policyId, period, terms, actuals, salesUpToPosition } = cmd.data;
  const already = state.closed[period];
  if (already) throw SettlementErrors.periodAlreadyClosed(period, already.closedAt);
  const endsAt = periodEnd(period);
  if (now.getTime() < Date.parse(endsAt)) throw SettlementErrors.periodNotEnded(period, endsAt);
  if (salesUpToPosition < state.salesUpToPosition) throw SettlementErrors.staleActuals(salesUpToPosition, state.salesUpToPosition);

  const plan = planFor(terms, period) as Money; // requireValidClose checked it is there
  const actual = actualOf(actuals, period, terms.currency);
  const earned = attainmentAndBonus(terms.bonus, plan, actual);
  const adjustments = closedPeriods(state).flatMap((p) => adjustmentOf(p, actualOf(actuals, p.period, terms.currency)));
  const payable = adjustments.reduce((sum, a) => sum + BigInt(a.bonusDelta.minor), BigInt(earned.bonus.minor));
  const closedAt = now.toISOString();
  return [
    {
      type: 'PeriodClosed',
      data: {
        policyId,
        period,
        termsVersion: terms.termsVersion,
        plan,
        actual,
        bonusMode: terms.bonus.mode,
        bonusTerms: terms.bonus,
        ...earned,
        adjustments,
        payable: money(payable, terms.currency),
        paymentTermsDays: terms.paymentTermsDays,
        paymentDue: new Date(now.getTime() + terms.paymentTermsDays * DAY_MS).toISOString(),
        salesUpToPosition,
        closedAt,
      },
    },
  ];
}

/** A period with no sales has no entry: its actual is zero. */
const actualOf = (actuals: Record<string, Money>, period: string, currency: string): Money =>
  Object.hasOwn(actuals, period) ? { ...actuals[period] } : { minor: 0, currency };

/**
 * A closed period whose actual moved since it was settled. Its bonus is recomputed against the plan
 * and the tiers it was settled with (an amendment since does not re-price a settled period). The
 * delta is the recomputed bonus minus everything settled for the period so far.
 */
function adjustmentOf(p: ClosedPeriod, actualNow: Money): PeriodAdjustment[] {
  if (actualNow.minor === p.settledActual.minor) return [];
  const now = attainmentAndBonus(p.bonusTerms, p.plan, actualNow);
  return [
    {
      period: p.period,
      settledActual: p.settledActual,
      actualNow,
      actualDelta: money(BigInt(actualNow.minor) - BigInt(p.settledActual.minor), actualNow.currency),
      bonusDelta: money(BigInt(now.bonus.minor) - BigInt(p.settledBonus.minor), actualNow.currency),
      attainmentBpNow: now.attainmentBp,
    },
  ];
}
