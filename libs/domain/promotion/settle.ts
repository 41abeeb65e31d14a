/**
 * Settling an approved spend: either party records that it was carried out, with proof. The amount
 * actually spent may be less than approved (never more); the rest returns to the balance.
 */
import { text, type Errors } from '../policy/field-checks';
import type { SettleSpend } from './commands';
import { PromotionErrors } from './errors';
import type { PromotionEvent } from './events';
import { accrued, existingSpend, promotionParty, requireBudgetCurrency } from './rules';
import type { PromotionState } from './state';
import { amount, PROMOTION_LIMITS, requireValid } from './validate';

export function settleSpend(cmd: SettleSpend, state: PromotionState): PromotionEvent[] {
  const { actor, now } = cmd.context;
  const settledBy = promotionParty(actor, cmd.data.policyId, 'settle promotion spend');
  requireValidSettlement(cmd.data);
  const { policyId, spendId, proofRef } = cmd.data;
  const spend = existingSpend(state, spendId);
  if (spend.status !== 'approved') throw PromotionErrors.spendNotApproved(spendId, spend.status);
  const spent = cmd.data.amount ?? spend.amount;
  requireBudgetCurrency('amount.currency', spent, accrued(state, policyId));
  if (spent.minor > spend.amount.minor) throw PromotionErrors.aboveApproved(spendId, spend.amount, spent);
  return [
    { type: 'PromotionSpendSettled', data: { policyId, spendId, settledBy, proofRef, amount: { ...spent }, settledAt: now.toISOString() } },
  ];
}

/** Nothing spent (amount 0) is a valid settlement: it releases an approved activity that did not happen. */
function requireValidSettlement(d: SettleSpend['data']): void {
  const out: Errors = [];
  text(out, 'proofRef', d.proofRef, PROMOTION_LIMITS.proofRef);
  if (d.amount !== undefined) amount(out, 'amount', d.amount, 0);
  requireValid(out);
}
