/**
 * Pure helpers over plan periods, shared by the close and by the plan-vs-actual report: the planned
 * amount of a period, the instant it ends, and the attainment and bonus an actual earns against it.
 */
import { bonusFor } from '../policy/bonus';
import { kept } from '../shared/kept';
import type { BonusTerms, Money, PolicyTerms } from '../policy/terms';
import type { SettlementTerms } from './commands';

/** The planned amount of a period; undefined when the terms plan no such period. */
export function planFor(terms: Pick<SettlementTerms, 'plan'>, period: string): Money | undefined {
  const planned = terms.plan.find((p) => p.period === period);
  return planned ? { ...planned.amount } : undefined;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * The first instant after a period ('2026-03' → '2026-04-01T00:00:00.000Z', '2026-Q4' →
 * '2027-01-01T00:00:00.000Z'): periods follow the policy calendar, in UTC. Throws on anything else.
 * Answers are kept (a handful of periods per year): formatting the date was a tenth of plan-vs-actual.
 */
export const periodEnd: (period: string) => string = kept(computePeriodEnd, 4_096);

function computePeriodEnd(period: string): string {
  const month = MONTH.exec(period);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]), 1)).toISOString();
  const quarter = QUARTER.exec(period);
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3, 1)).toISOString();
  throw new Error(`Not a plan period: ${JSON.stringify(period)}`);
}

export interface AttainmentAndBonus {
  attainmentBp: number;
  bonus: Money;
  /** The highest tier reached (bp), absent when none is. */
  tierThresholdBp?: number;
}

/** `bonusFor`, shaped as a settlement records it. */
export function attainmentAndBonus(terms: BonusTerms, plan: Money, actual: Money): AttainmentAndBonus {
  const { attainmentBp, bonus, tier } = bonusFor(terms, plan, actual);
  return { attainmentBp, bonus, ...(tier ? { tierThresholdBp: tier.thresholdBp } : {}) };
}

/**
 * The settlement terms of a policy version. Periods close on the plan's granularity — the periods
 * sales count in — so that plan and actual compare like with like.
 */
export function settlementTermsFrom(year: number, termsVersion: number, terms: PolicyTerms): SettlementTerms {
  return {
    termsVersion,
    year,
    granularity: terms.plan.granularity,
    plan: terms.plan.periods.map((p) => ({ period: p.period, amount: { ...p.amount } })),
    bonus: { mode: terms.bonus.mode, tiers: terms.bonus.tiers.map((t) => ({ ...t })) },
    currency: terms.settlement.currency,
    paymentTermsDays: terms.settlement.paymentTermsDays,
  };
}
