/**
 * Proposing a spend: either party proposes an activity against the budget, with evidence of what it
 * is for. The amount is committed at once, so two proposals that together exceed the balance cannot
 * both be accepted: the second is refused, whichever party makes it.
 */
import { text, type Errors } from '../policy/field-checks';
import { canonicalJson } from '../shared/canonical-json';
import type { ProposeSpend } from './commands';
import { PromotionErrors } from './errors';
import type { PromotionEvent } from './events';
import { availableOf, balanceOf, type PromotionBalance } from './balance';
import { accrued, promotionParty, requireBudgetCurrency } from './rules';
import type { PromotionState, Spend } from './state';
import { amount, PROMOTION_LIMITS, requireValid } from './validate';

export function proposeSpend(cmd: ProposeSpend, state: PromotionState): PromotionEvent[] {
  const { actor, now } = cmd.context;
  const proposedBy = promotionParty(actor, cmd.data.policyId, 'propose promotion spend');
  requireValidProposal(cmd.data);
  const { policyId, spendId, activity, amount: requested, evidenceRef } = cmd.data;
  const accrual = accrued(state, policyId);
  requireBudgetCurrency('amount.currency', requested, accrual);
  const existing = state.spends[spendId];
  if (existing) {
    // A retry of a proposal already recorded records nothing; another proposal under its id is refused.
    if (sameProposal(existing, cmd.data, proposedBy.party)) return [];
    throw PromotionErrors.spendExists(spendId);
  }
  const balance = balanceOf(state) as PromotionBalance; // defined: a budget has accrued
  const available = availableOf(balance);
  if (requested.minor > available.minor) throw PromotionErrors.insufficientBalance(balance.balance, available, requested);
  return [
    {
      type: 'PromotionSpendProposed',
      data: { policyId, spendId, proposedBy, activity, amount: requested, evidenceRef, proposedAt: now.toISOString() },
    },
  ];
}

function requireValidProposal(d: ProposeSpend['data']): void {
  const out: Errors = [];
  text(out, 'spendId', d.spendId, PROMOTION_LIMITS.spendId);
  text(out, 'activity', d.activity, PROMOTION_LIMITS.activity);
  amount(out, 'amount', d.amount, 1);
  text(out, 'evidenceRef', d.evidenceRef, PROMOTION_LIMITS.evidenceRef);
  requireValid(out);
}

const sameProposal = (s: Spend, d: ProposeSpend['data'], party: string): boolean =>
  s.proposedBy.party === party &&
  canonicalJson({ activity: s.activity, amount: s.amount, evidenceRef: s.evidenceRef }) ===
    canonicalJson({ activity: d.activity, amount: d.amount, evidenceRef: d.evidenceRef });
