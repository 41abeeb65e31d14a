/**
 * The promotion budget ledger of a policy, one stream per policy (`promotion-<policyId>`). The budget
 * accrues when the policy comes into force (percent × planned annual volume, split by funding) and
 * re-accrues when an amendment changes the plan or the percent. Spend is proposed by either party,
 * approved (or rejected) by the other, then settled with proof. Proposed and approved-but-unsettled
 * spend is committed; the balance (accrued − committed − settled) never goes negative.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { Party, Money } from '../policy/terms';

export interface PartyActor {
  party: Party;
  userId: string;
}

export type PromotionBudgetAccrued = Event<
  'PromotionBudgetAccrued',
  {
    policyId: string;
    termsVersion: number;
    plannedAnnual: Money;
    budgetBp: number;
    /** The whole budget under these terms, and each party's contribution to it. */
    total: Money;
    company: Money;
    distributor: Money;
    /** total − the previous accrual's total (the first accrual: total). */
    delta: Money;
    accruedAt: string;
  }
>;

export type PromotionSpendProposed = Event<
  'PromotionSpendProposed',
  { policyId: string; spendId: string; proposedBy: PartyActor; activity: string; amount: Money; evidenceRef: string; proposedAt: string }
>;
export type PromotionSpendApproved = Event<'PromotionSpendApproved', { policyId: string; spendId: string; approvedBy: PartyActor; approvedAt: string }>;
export type PromotionSpendRejected = Event<
  'PromotionSpendRejected',
  { policyId: string; spendId: string; rejectedBy: PartyActor; reason: string; rejectedAt: string }
>;
export type PromotionSpendSettled = Event<
  'PromotionSpendSettled',
  { policyId: string; spendId: string; settledBy: PartyActor; proofRef: string; amount: Money; settledAt: string }
>;

export type PromotionEvent =
  | PromotionBudgetAccrued
  | PromotionSpendProposed
  | PromotionSpendApproved
  | PromotionSpendRejected
  | PromotionSpendSettled;

export const promotionEventSchemas: EventSchemas = {
  PromotionBudgetAccrued: { version: 1 },
  PromotionSpendProposed: { version: 1 },
  PromotionSpendApproved: { version: 1 },
  PromotionSpendRejected: { version: 1 },
  PromotionSpendSettled: { version: 1 },
};

export const promotionStream = (policyId: string) => `promotion-${policyId}`;
