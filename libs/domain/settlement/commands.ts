/**
 * Closing a period. The actuals are computed by the handler from the sales ledger caught up to the
 * log's head at that instant (`salesUpToPosition`), and passed in with the terms that governed.
 */
import type { Command } from '../shared/types';
import type { BonusTerms, Granularity, Money, PlanPeriod } from '../policy/terms';

export interface SettlementTerms {
  termsVersion: number;
  year: number;
  granularity: Granularity;
  plan: PlanPeriod[];
  bonus: BonusTerms;
  currency: string;
  paymentTermsDays: number;
}

export type ClosePeriod = Command<
  'ClosePeriod',
  {
    policyId: string;
    period: string;
    terms: SettlementTerms;
    /** Actual (net) sales per period for this period and every period closed before, keyed by period. */
    actuals: Record<string, Money>;
    salesUpToPosition: number;
  }
>;

export type SettlementCommand = ClosePeriod;
