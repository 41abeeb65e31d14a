/**
 * The end of a dispute about evidence. The dispute runs in its own stream (libs/domain/dispute); when
 * it is resolved or withdrawn, the dispute process records here what it means for the evidence —
 * upheld (it counts, as if accepted) or rejected (it never counts) — so the obligation leaves
 * "disputed". Only the process records it, only for the dispute the evidence names, and once: a
 * redelivery of the same end records nothing.
 */
import { oneOf } from '../policy/field-checks';
import type { SettleEvidenceDispute } from './commands';
import { ObligationErrors } from './errors';
import type { DisputedEvidenceOutcome, ObligationsEvent } from './events';
import type { ObligationsState } from './state';
import { id, requireValid, type Errors } from './validate';

const OUTCOMES: readonly DisputedEvidenceOutcome[] = ['upheld', 'rejected'];

export function settleEvidenceDispute(cmd: SettleEvidenceDispute, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  if (actor.party !== 'system') throw ObligationErrors.forbiddenParty(actor.party, 'settle an evidence dispute: the dispute process does');
  const out: Errors = [];
  id(out, 'evidenceId', cmd.data.evidenceId);
  id(out, 'disputeId', cmd.data.disputeId);
  oneOf(out, 'outcome', cmd.data.outcome, OUTCOMES);
  requireValid(out);
  const { policyId, evidenceId, disputeId, outcome, endedBy } = cmd.data;
  const evidence = state.evidence[evidenceId];
  if (!evidence) throw ObligationErrors.evidenceNotFound(evidenceId);
  if (evidence.dispute?.disputeId !== disputeId) throw ObligationErrors.notDisputedIn(evidenceId, disputeId);
  // A dispute ends once: a second delivery of its end finds it recorded.
  if (evidence.dispute.resolved) return [];
  const data = { policyId, obligationId: evidence.obligationId, evidenceId, disputeId, outcome, endedBy, resolvedAt: now.toISOString() };
  return [{ type: 'EvidenceDisputeResolved', data }];
}
