/** The promotion budget of one policy, folded from its events: the latest accrual and every spend. */
import type { Money } from '../policy/terms';
import { assertNever } from '../shared/types';
import type { PartyActor, PromotionBudgetAccrued, PromotionEvent } from './events';

export type Accrual = Omit<PromotionBudgetAccrued['data'], 'policyId' | 'delta'>;

export type SpendStatus = 'proposed' | 'approved' | 'rejected' | 'settled';

export interface Spend {
  spendId: string;
  proposedBy: PartyActor;
  activity: string;
  /** What was proposed (and, once approved, what may be spent). */
  amount: Money;
  evidenceRef: string;
  proposedAt: string;
  status: SpendStatus;
  decidedBy?: PartyActor;
  decidedAt?: string;
  rejectionReason?: string;
  settlement?: { settledBy: PartyActor; proofRef: string; amount: Money; settledAt: string };
}

export interface PromotionState {
  /** The latest accrual (absent: nothing accrued yet). */
  accrual?: Accrual;
  spends: Readonly<Record<string, Spend>>;
}

export const initialPromotionState = (): PromotionState => ({ spends: {} });

export function evolvePromotion(state: PromotionState, event: PromotionEvent): PromotionState {
  switch (event.type) {
    case 'PromotionBudgetAccrued': {
      const { termsVersion, plannedAnnual, budgetBp, total, company, distributor, accruedAt } = event.data;
      return { ...state, accrual: { termsVersion, plannedAnnual, budgetBp, total, company, distributor, accruedAt } };
    }
    case 'PromotionSpendProposed': {
      const { spendId, proposedBy, activity, amount, evidenceRef, proposedAt } = event.data;
      const spend: Spend = { spendId, proposedBy, activity, amount, evidenceRef, proposedAt, status: 'proposed' };
      return { ...state, spends: { ...state.spends, [spendId]: spend } };
    }
    case 'PromotionSpendApproved':
      return update(state, event.data.spendId, () => ({
        status: 'approved',
        decidedBy: event.data.approvedBy,
        decidedAt: event.data.approvedAt,
      }));
    case 'PromotionSpendRejected': {
      const { rejectedBy, reason, rejectedAt } = event.data;
      return update(state, event.data.spendId, () => ({
        status: 'rejected',
        decidedBy: rejectedBy,
        decidedAt: rejectedAt,
        rejectionReason: reason,
      }));
    }
    case 'PromotionSpendSettled': {
      const { settledBy, proofRef, amount, settledAt } = event.data;
      return update(state, event.data.spendId, () => ({ status: 'settled', settlement: { settledBy, proofRef, amount, settledAt } }));
    }
    default:
      return assertNever(event);
  }
}

/** A decision on a spend never proposed would mean a corrupt stream: it is skipped, not invented. */
function update(state: PromotionState, spendId: string, change: () => Partial<Spend>): PromotionState {
  const spend = state.spends[spendId];
  return spend ? { ...state, spends: { ...state.spends, [spendId]: { ...spend, ...change() } } } : state;
}
