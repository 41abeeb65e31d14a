/**
 * The `promotion_budgets` and `promotion_spends` read models of a policy's promotion ledger
 * (`promotion-<policyId>`): one budget document per policy with what accrued, and one document per
 * spend with its status. The approval and rejection events do not repeat the amount, so no write can
 * move a budget's committed total by it; the totals are summed from the policy's spends at read time
 * instead (`budgetTotals`), which is exact and never drifts. Every event of the ledger moves the
 * budget's `revision`: it is the ledger stream's ETag.
 */
import { parsePolicyId } from '@cl/domain/policy/events';
import type { Money } from '@cl/domain/policy/terms';
import type { PartyActor, PromotionBudgetAccrued, PromotionEvent, PromotionSpendProposed } from '@cl/domain/promotion/events';
import type { Doc, Update, WriteOp } from '@cl/read-models';
import { stamp } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';

export const PROMOTION_BUDGETS = 'promotion_budgets';
export const PROMOTION_SPENDS = 'promotion_spends';

/** Minor units. */
export interface AccruedView {
  total: number;
  company: number;
  distributor: number;
}

export interface AccrualView extends AccruedView {
  termsVersion: number;
  budgetBp: number;
  plannedAnnualMinor: number;
  /** total − the previous accrual's total. */
  delta: number;
  at: string;
}

export interface PromotionBudgetDoc extends Doc {
  /** The policy id. */
  _id: string;
  policyId: string;
  distributorId: string | null;
  currency: string;
  /** The budget under the latest accrual, and each party's contribution to it. */
  accrued: AccruedView;
  /** Every accrual in order: the first when the policy came into force, then one per amendment that changed it. */
  accruals: AccrualView[];
  /** Revision of the ledger stream's last event (any event of the policy's ledger). */
  revision: number;
  updatedAt: string;
}

export type SpendStatus = 'proposed' | 'approved' | 'rejected' | 'settled';

export interface PromotionSpendDoc extends Doc {
  /** The spend id. */
  _id: string;
  policyId: string;
  distributorId: string | null;
  proposedBy: PartyActor;
  activity: string;
  amount: Money;
  evidenceRef: string;
  status: SpendStatus;
  proposedAt: string;
  approvedBy?: PartyActor;
  approvedAt?: string;
  rejectedBy?: PartyActor;
  rejectedAt?: string;
  /** rejected: why. */
  reason?: string;
  settledBy?: PartyActor;
  settledAt?: string;
  /** What was actually spent, proven by proofRef. */
  settledAmount?: Money;
  proofRef?: string;
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<PromotionEvent>;

export const promotionProjection: Projection = {
  name: 'promotion',
  collections: [PROMOTION_BUDGETS, PROMOTION_SPENDS],
  project(event) {
    const e = event as Projected;
    switch (e.type) {
      case 'PromotionBudgetAccrued':
        return [accrued(e)];
      case 'PromotionSpendProposed':
        return [{ op: 'replace', collection: PROMOTION_SPENDS, doc: proposed(e) }, budgetStamp(e)];
      case 'PromotionSpendApproved': {
        const { spendId, approvedBy, approvedAt } = e.data;
        return [spend(e, spendId, { status: 'approved', approvedBy, approvedAt }), budgetStamp(e)];
      }
      case 'PromotionSpendRejected': {
        const { spendId, rejectedBy, reason, rejectedAt } = e.data;
        return [spend(e, spendId, { status: 'rejected', rejectedBy, reason, rejectedAt }), budgetStamp(e)];
      }
      case 'PromotionSpendSettled': {
        const { spendId, settledBy, proofRef, amount, settledAt } = e.data;
        return [spend(e, spendId, { status: 'settled', settledBy, proofRef, settledAmount: amount, settledAt }), budgetStamp(e)];
      }
      default:
        return [];
    }
  },
};

const distributorOf = (policyId: string) => parsePolicyId(policyId)?.distributorId ?? null;

/** Upserted: the first accrual creates the budget; `$addToSet` lists a repeated accrual once. */
function accrued(e: ProjectedEvent<PromotionBudgetAccrued>): WriteOp {
  const { policyId, termsVersion, plannedAnnual, budgetBp, total, company, distributor, delta, accruedAt } = e.data;
  const amounts: AccruedView = { total: total.minor, company: company.minor, distributor: distributor.minor };
  const accrual: AccrualView = {
    termsVersion,
    budgetBp,
    plannedAnnualMinor: plannedAnnual.minor,
    ...amounts,
    delta: delta.minor,
    at: accruedAt,
  };
  const update: Update = {
    $set: { policyId, distributorId: distributorOf(policyId), currency: total.currency, accrued: amounts, ...stamp(e) },
    $addToSet: { accruals: accrual },
  };
  return { op: 'update', collection: PROMOTION_BUDGETS, filter: { _id: policyId }, update, upsert: true };
}

function proposed(e: ProjectedEvent<PromotionSpendProposed>): PromotionSpendDoc {
  const { policyId, spendId, proposedBy, activity, amount, evidenceRef, proposedAt } = e.data;
  return {
    _id: spendId,
    policyId,
    distributorId: distributorOf(policyId),
    proposedBy,
    activity,
    amount,
    evidenceRef,
    status: 'proposed',
    proposedAt,
    ...stamp(e),
  };
}

function spend(e: Projected, spendId: string, fields: Partial<PromotionSpendDoc>): WriteOp {
  return { op: 'update', collection: PROMOTION_SPENDS, filter: { _id: spendId }, update: { $set: { ...fields, ...stamp(e) } } };
}

/** The ledger moved: the budget's ETag follows (no budget yet: nothing to stamp). */
function budgetStamp(e: Projected): WriteOp {
  return { op: 'update', collection: PROMOTION_BUDGETS, filter: { _id: e.data.policyId }, update: { $set: stamp(e) } };
}
