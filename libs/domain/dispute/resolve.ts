/**
 * How a dispute ends: both parties agree to a proposal (one proposes, the other accepts the latest
 * proposal), compliance decides, or the side that opened it withdraws it. Each end is final.
 */
import { sameSide, type Side } from '../shared/sides';
import type { AcceptResolution, DecideDispute, ProposeResolution, WithdrawDispute } from './commands';
import { DisputeErrors } from './errors';
import type { DisputeEvent, DisputeOutcome } from './events';
import { existing, partyOf, requireOpen, requireValid } from './rules';
import { latestProposal, type Dispute, type DisputeProposal, type DisputeState } from './state';
import * as check from './validate';

export function proposeResolution(cmd: ProposeResolution, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  const dispute = existing(state, cmd.data.disputeId);
  const by = partyOf(actor, dispute);
  const outcome = validOutcome(cmd.data.outcome, dispute);
  requireOpen(dispute);
  const proposalNo = dispute.proposals.length + 1;
  return [
    { type: 'DisputeResolutionProposed', data: { disputeId: dispute.disputeId, proposalNo, by, outcome, proposedAt: now.toISOString() } },
  ];
}

/** The other party agrees to the latest proposal: the dispute is resolved with the proposal's outcome. */
export function acceptResolution(cmd: AcceptResolution, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  const dispute = existing(state, cmd.data.disputeId);
  const agreedBy = partyOf(actor, dispute);
  const proposalNo = cmd.data.proposalNo;
  if (!Number.isSafeInteger(proposalNo) || proposalNo < 1) {
    throw DisputeErrors.invalidCommand([{ field: 'proposalNo', message: 'must be an integer of at least 1' }]);
  }
  requireOpen(dispute);
  const proposal = acceptable(dispute, proposalNo, agreedBy);
  const { disputeId, subject } = dispute;
  const by = { kind: 'agreement' as const, proposalNo, proposedBy: proposal.by, agreedBy };
  return [{ type: 'DisputeResolved', data: { disputeId, subject, by, outcome: proposal.outcome, resolvedAt: now.toISOString() } }];
}

function acceptable(dispute: Dispute, proposalNo: number, agreedBy: Side): DisputeProposal {
  const proposal = dispute.proposals.find((p) => p.proposalNo === proposalNo);
  if (!proposal) throw DisputeErrors.proposalNotFound(proposalNo);
  // Only the latest can be accepted, so neither side agrees to something the other has since moved away from.
  const latest = latestProposal(dispute);
  if (latest && latest.proposalNo !== proposalNo) throw DisputeErrors.proposalSuperseded(proposalNo, latest.proposalNo);
  if (sameSide(proposal.by, agreedBy)) throw DisputeErrors.ownProposal(proposalNo);
  return proposal;
}

/** Compliance settles a dispute the parties could not: it is neither side, so it decides rather than agrees. */
export function decideDispute(cmd: DecideDispute, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  if (actor.party !== 'compliance') throw DisputeErrors.complianceOnly(actor.party);
  const dispute = existing(state, cmd.data.disputeId);
  const outcome = validOutcome(cmd.data.outcome, dispute);
  requireOpen(dispute);
  const { disputeId, subject } = dispute;
  const by = { kind: 'compliance' as const, userId: actor.userId };
  return [{ type: 'DisputeResolved', data: { disputeId, subject, by, outcome, resolvedAt: now.toISOString() } }];
}

/** The side that opened the dispute drops it; the other side cannot end it this way. */
export function withdrawDispute(cmd: WithdrawDispute, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  const dispute = existing(state, cmd.data.disputeId);
  const by = partyOf(actor, dispute);
  if (!sameSide(by, dispute.openedBy)) throw DisputeErrors.notOpener(dispute.disputeId);
  const out: check.Errors = [];
  const reason = requireValid(out, check.text(out, 'reason', cmd.data.reason, check.DISPUTE_LIMITS.reason));
  requireOpen(dispute);
  const { disputeId, subject } = dispute;
  return [{ type: 'DisputeWithdrawn', data: { disputeId, subject, by, reason, withdrawnAt: now.toISOString() } }];
}

function validOutcome(value: unknown, dispute: Dispute): DisputeOutcome {
  const out: check.Errors = [];
  return requireValid(out, check.outcome(out, value, dispute));
}
