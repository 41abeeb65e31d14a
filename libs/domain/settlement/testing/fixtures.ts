/**
 * Commands and events for settlement specs: policy d-1-2026 (PLN). Monthly terms: PLN 100 000.00 a
 * month, retroactive bonus (100% → 2%, 110% → 3%). Quarterly terms: PLN 300 000.00 a quarter,
 * incremental bonus (90% → 1%, 100% → 2%, 110% → 3%). Both pay within 30 days.
 */
import { sampleQuarterlyTerms, sampleTerms } from '../../policy/testing/sample-terms';
import type { BonusMode, Money, PolicyTerms } from '../../policy/terms';
import type { CommandContext } from '../../shared/types';
import type { ClosePeriod, SettlementTerms } from '../commands';
import type { PeriodAdjustment, PeriodClosed } from '../events';
import { settlementTermsFrom } from '../periods';

export { asCompany, asCompliance, asDistributor, asSystem } from '../../policy/testing/fixtures';

export const POLICY_ID = 'd-1-2026';
export const pln = (minor: number): Money => ({ minor, currency: 'PLN' });

export const monthlyTerms = (termsVersion = 1, terms: PolicyTerms = sampleTerms()): SettlementTerms =>
  settlementTermsFrom(2026, termsVersion, terms);
export const quarterlyTerms = (termsVersion = 1, terms: PolicyTerms = sampleQuarterlyTerms()): SettlementTerms =>
  settlementTermsFrom(2026, termsVersion, terms);

export interface CloseInput {
  period: string;
  /** Minor units of PLN per period. */
  actuals: Record<string, number>;
  terms?: SettlementTerms;
  salesUpToPosition?: number;
}

export const closeCommand = (context: CommandContext, c: CloseInput): ClosePeriod => ({
  type: 'ClosePeriod',
  data: {
    policyId: POLICY_ID,
    period: c.period,
    terms: c.terms ?? monthlyTerms(),
    actuals: Object.fromEntries(Object.entries(c.actuals).map(([p, minor]) => [p, pln(minor)])),
    salesUpToPosition: c.salesUpToPosition ?? 100,
  },
  context,
});

export interface ClosedInput {
  period: string;
  plan: number;
  actual: number;
  attainmentBp: number;
  bonus: number;
  bonusMode?: BonusMode;
  tierThresholdBp?: number;
  adjustments?: PeriodAdjustment[];
  /** Defaults to bonus + Σ bonusDelta. */
  payable?: number;
  termsVersion?: number;
  /** Defaults to the tiers of the sample terms in the given mode. */
  bonusTerms?: SettlementTerms['bonus'];
  closedAt: string;
  paymentDue: string;
  salesUpToPosition?: number;
}

/** The tiers of the sample terms whose granularity the period has, in the given mode. */
const sampleBonus = (period: string, mode: BonusMode) => ({ ...(period.includes('Q') ? quarterlyTerms() : monthlyTerms()).bonus, mode });

export const periodClosed = (c: ClosedInput): PeriodClosed => {
  const adjustments = c.adjustments ?? [];
  return {
    type: 'PeriodClosed',
    data: {
      policyId: POLICY_ID,
      period: c.period,
      termsVersion: c.termsVersion ?? 1,
      plan: pln(c.plan),
      actual: pln(c.actual),
      attainmentBp: c.attainmentBp,
      bonusMode: c.bonusMode ?? 'retroactive',
      bonusTerms: c.bonusTerms ?? sampleBonus(c.period, c.bonusMode ?? 'retroactive'),
      ...(c.tierThresholdBp !== undefined ? { tierThresholdBp: c.tierThresholdBp } : {}),
      bonus: pln(c.bonus),
      adjustments,
      payable: pln(c.payable ?? adjustments.reduce((s, a) => s + a.bonusDelta.minor, c.bonus)),
      paymentTermsDays: 30,
      paymentDue: c.paymentDue,
      salesUpToPosition: c.salesUpToPosition ?? 100,
      closedAt: c.closedAt,
    },
  };
};

export const adjustment = (
  period: string,
  settled: number,
  now: number,
  bonusDelta: number,
  attainmentBpNow: number,
): PeriodAdjustment => ({
  period,
  settledActual: pln(settled),
  actualNow: pln(now),
  actualDelta: pln(now - settled),
  bonusDelta: pln(bonusDelta),
  attainmentBpNow,
});
