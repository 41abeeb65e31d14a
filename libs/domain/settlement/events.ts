/**
 * Period settlements of a policy, one stream per policy (`settlement-<policyId>`). Closing a period
 * records its actual (net of corrections and cancellations), attainment and bonus; a closed period is
 * never closed again. Sales dated in a closed period but booked after its close change that period's
 * actual: the next close records the difference as an adjustment (actual and bonus), so the money
 * always adds up and nothing recorded is rewritten.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { BonusMode, BonusTerms, Money } from '../policy/terms';

export interface PeriodAdjustment {
  period: string;
  /** The actual settled so far for that period (at its close plus earlier adjustments). */
  settledActual: Money;
  actualNow: Money;
  actualDelta: Money;
  /** The period's bonus recomputed on actualNow, minus what was settled. May be negative. */
  bonusDelta: Money;
  attainmentBpNow: number;
}

export type PeriodClosed = Event<
  'PeriodClosed',
  {
    policyId: string;
    period: string;
    /** The terms version whose plan and bonus tiers governed at the end of the period. */
    termsVersion: number;
    plan: Money;
    actual: Money;
    attainmentBp: number;
    bonusMode: BonusMode;
    /** The tiers the bonus was computed with: a later adjustment of this period re-prices with these. */
    bonusTerms: BonusTerms;
    /** The highest tier reached (bp), if any. */
    tierThresholdBp?: number;
    bonus: Money;
    adjustments: PeriodAdjustment[];
    /** bonus + Σ adjustments' bonusDelta: what this settlement pays. */
    payable: Money;
    /** The settlement terms of the policy: paid within paymentTermsDays of closedAt. */
    paymentTermsDays: number;
    paymentDue: string;
    /** The sales counted: everything in the log up to this global position. */
    salesUpToPosition: number;
    closedAt: string;
  }
>;

export type SettlementEvent = PeriodClosed;

export const settlementEventSchemas: EventSchemas = { PeriodClosed: { version: 1 } };

export const settlementStream = (policyId: string) => `settlement-${policyId}`;
