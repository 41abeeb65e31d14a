/**
 * Approving or rejecting a proposed spend: the other party decides, never the proposer. A rejection
 * states why and returns the amount to the balance.
 */
import { text, type Errors } from '../policy/field-checks';
import type { ApproveSpend, RejectSpend } from './commands';
import { PromotionErrors } from './errors';
import type { PartyActor, PromotionEvent } from './events';
import { existingSpend, promotionParty } from './rules';
import type { PromotionState, Spend } from './state';
import { PROMOTION_LIMITS, requireValid } from './validate';

export function approveSpend(cmd: ApproveSpend, state: PromotionState): PromotionEvent[] {
  const { actor, now } = cmd.context;
  const approvedBy = promotionParty(actor, cmd.data.policyId, 'approve promotion spend');
  const spend = pendingFor(state, cmd.data.spendId, approvedBy);
  return [
    {
      type: 'PromotionSpendApproved',
      data: { policyId: cmd.data.policyId, spendId: spend.spendId, approvedBy, approvedAt: now.toISOString() },
    },
  ];
}

export function rejectSpend(cmd: RejectSpend, state: PromotionState): PromotionEvent[] {
  const { actor, now } = cmd.context;
  const rejectedBy = promotionParty(actor, cmd.data.policyId, 'reject promotion spend');
  const out: Errors = [];
  text(out, 'reason', cmd.data.reason, PROMOTION_LIMITS.reason);
  requireValid(out);
  const spend = pendingFor(state, cmd.data.spendId, rejectedBy);
  const { policyId, reason } = cmd.data;
  return [
    { type: 'PromotionSpendRejected', data: { policyId, spendId: spend.spendId, rejectedBy, reason, rejectedAt: now.toISOString() } },
  ];
}

/** A spend awaiting a decision, proposed by the other party than the one deciding. */
function pendingFor(state: PromotionState, spendId: string, by: PartyActor): Spend {
  const spend = existingSpend(state, spendId);
  if (spend.proposedBy.party === by.party) throw PromotionErrors.ownProposal(spendId);
  if (spend.status !== 'proposed') throw PromotionErrors.spendNotPending(spendId, spend.status);
  return spend;
}
