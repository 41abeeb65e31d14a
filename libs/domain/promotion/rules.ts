/** Guards shared by the promotion commands: each either passes or throws a stable refusal. */
import { parsePolicyId } from '../policy/events';
import type { Money } from '../policy/terms';
import type { Actor } from '../shared/types';
import { PromotionErrors } from './errors';
import type { PartyActor } from './events';
import type { Accrual, PromotionState, Spend } from './state';

/**
 * The party an actor acts for on this budget: the company, or the policy's own distributor (the policy
 * id names it). Compliance reads the ledger and the system only accrues: neither acts on spends.
 */
export function promotionParty(actor: Actor, policyId: string, action: string): PartyActor {
  if (actor.party === 'company') return { party: 'company', userId: actor.userId };
  if (
    actor.party === 'distributor' &&
    actor.distributorId !== undefined &&
    actor.distributorId === parsePolicyId(policyId)?.distributorId
  ) {
    return { party: 'distributor', userId: actor.userId };
  }
  throw PromotionErrors.forbiddenParty(actor.party, action);
}

export function accrued(state: PromotionState, policyId: string): Accrual {
  if (!state.accrual) throw PromotionErrors.noBudget(policyId);
  return state.accrual;
}

export function existingSpend(state: PromotionState, spendId: string): Spend {
  const spend = state.spends[spendId];
  if (!spend) throw PromotionErrors.spendNotFound(spendId);
  return spend;
}

export function requireBudgetCurrency(field: string, amount: Money, accrual: Accrual): void {
  if (amount.currency !== accrual.total.currency) throw PromotionErrors.currencyMismatch(field, accrual.total.currency);
}
