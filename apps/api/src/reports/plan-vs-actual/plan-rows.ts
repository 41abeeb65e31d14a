/**
 * Plan vs actual of one policy, from its read models: the plan from the terms that governed at the
 * end of each period (as a close takes it), the actual from `sales_totals`, the bonus the tiers give
 * it, and the settlement if the period was closed. The domain's own functions answer every question
 * (termsInForceOn, planFor, attainmentAndBonus); nothing here re-derives a rule.
 */
import { periodsOf, termsInForceOn, type BonusTerms, type Granularity, type Money, type Policy } from '@cl/domain/policy';
import { attainmentAndBonus, periodEnd, planFor } from '@cl/domain/settlement/periods';
import { byCodeUnits } from './plan-totals';
import type { PolicyDoc } from '@cl/projections/policies/policies.projection';
import { policyStateOf } from '@cl/projections/policies/policy-state';
import type { PolicyPeriodTotalDoc } from '@cl/projections/sales/sales-totals.projection';
import type { SettlementDoc } from '@cl/projections/settlements/settlements.projection';
import { attainmentBpOf, percentOf } from '../percent';
import type { PlanVsActualRow, SettlementView } from './plan-vs-actual.dto';

export interface PolicyReadings {
  policy: PolicyDoc;
  totals: readonly PolicyPeriodTotalDoc[];
  settlements: readonly SettlementDoc[];
}

/** The rows of one policy, in period order; only `period` when given. */
export function planRowsOf({ policy, totals, settlements }: PolicyReadings, period?: string): PlanVsActualRow[] {
  const state = policyStateOf(policy);
  const totalOf = new Map(totals.map((t) => [t.period, t]));
  const settlementOf = new Map(settlements.map((s) => [s.period, s]));
  const periods = candidatePeriods(state, [...totalOf.keys(), ...settlementOf.keys()]).filter((p) => !period || p === period);
  return periods.flatMap((p) => {
    const row = rowOf(state, p, totalOf.get(p), settlementOf.get(p));
    return row ? [row] : [];
  });
}

/**
 * Every period of the granularities the policy's agreed versions planned in, and any period sales or
 * closes were booked under (an amendment may have changed the granularity), ordered by their end.
 */
function candidatePeriods(state: Policy, booked: string[]): string[] {
  const granularities = new Set<Granularity>(
    state.inForce.flatMap((e) => state.versions.filter((v) => v.version === e.termsVersion).map((v) => v.terms.plan.granularity)),
  );
  const all = new Set([...[...granularities].flatMap((g) => periodsOf(state.year, g)), ...booked]);
  const ends = new Map([...all].map((p) => [p, periodEnd(p)])); // once per period, not per comparison
  return [...all].sort((a, b) => byCodeUnits(ends.get(a)!, ends.get(b)!) || byCodeUnits(a, b));
}

/** Undefined for a period with neither a plan, nor sales, nor a close: nothing to report. */
function rowOf(state: Policy, period: string, total?: PolicyPeriodTotalDoc, settlement?: SettlementDoc): PlanVsActualRow | undefined {
  const end = periodEnd(period);
  const governing = termsInForceOn(state, new Date(Date.parse(end) - 1));
  const plan = governing ? planFor({ plan: governing.terms.plan.periods }, period) : undefined;
  if (!plan && !total && !settlement) return undefined;
  const currency = plan?.currency ?? total?.currency ?? settlement!.currency;
  const actualMinor = total?.actualMinor ?? 0;
  // Plan and actual compare only in one currency; the sales decider holds every sale to the policy's.
  const comparable = plan && governing && (!total || total.currency === plan.currency) ? { plan, bonus: governing.terms.bonus } : undefined;
  return {
    distributorId: state.distributorId,
    policyId: state.policyId,
    period,
    periodEnd: end,
    termsVersion: governing?.termsVersion ?? null,
    currency,
    planMinor: plan?.minor ?? null,
    actualMinor,
    salesCount: total?.salesCount ?? 0,
    ...measured(comparable, { minor: actualMinor, currency }),
    closed: !!settlement,
    settlement: settlement ? settlementView(settlement) : null,
    pendingAdjustmentMinor: settlement ? actualMinor - settlement.settledActualMinor : null,
  };
}

type Measured = Pick<PlanVsActualRow, 'attainmentBp' | 'attainment' | 'bonusMode' | 'tierThresholdBp' | 'bonusMinor'>;

/** Attainment and the bonus the tiers give the actual so far; all null when there is no plan to measure it against. */
function measured(against: { plan: Money; bonus: BonusTerms } | undefined, actual: Money): Measured {
  if (!against) return { attainmentBp: null, attainment: null, bonusMode: null, tierThresholdBp: null, bonusMinor: null };
  const earned = attainmentAndBonus(against.bonus, against.plan, actual);
  const attainmentBp = attainmentBpOf(against.plan.minor, actual.minor, actual.currency);
  return {
    attainmentBp,
    attainment: attainmentBp === null ? null : percentOf(attainmentBp),
    bonusMode: against.bonus.mode,
    tierThresholdBp: earned.tierThresholdBp ?? null,
    bonusMinor: earned.bonus.minor,
  };
}

function settlementView(s: SettlementDoc): SettlementView {
  return {
    closedAt: s.closedAt,
    termsVersion: s.termsVersion,
    planMinor: s.plan.minor,
    actualMinor: s.actual.minor,
    attainmentBp: s.attainmentBp,
    attainment: percentOf(s.attainmentBp),
    bonusMinor: s.bonus.minor,
    tierThresholdBp: s.tierThresholdBp,
    payableMinor: s.payable.minor,
    paymentDue: s.paymentDue,
    settledActualMinor: s.settledActualMinor,
    settledBonusMinor: s.settledBonusMinor,
    settledAttainmentBp: s.settledAttainmentBp,
    adjustments: s.adjustments.map((a) => ({
      closedIn: a.closedIn,
      actualDeltaMinor: a.actualDelta.minor,
      bonusDeltaMinor: a.bonusDelta.minor,
      actualNowMinor: a.actualNow.minor,
      attainmentBpNow: a.attainmentBpNow,
      at: a.at,
    })),
    adjustmentsCarried: s.adjustmentsCarried.map((a) => ({
      period: a.period,
      actualDeltaMinor: a.actualDelta.minor,
      bonusDeltaMinor: a.bonusDelta.minor,
    })),
  };
}
