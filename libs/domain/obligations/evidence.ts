/**
 * Evidence: the responsible party records what shows an obligation kept (a certificate per qualified
 * employee, counted against the headcount; a training attendance list; a published page). The party
 * the obligation protects accepts it — final, it then counts — or disputes it, naming the dispute the
 * dispute process then opens; a disputed evidence may still be accepted while the dispute runs, and
 * the dispute's end upholds it (it counts) or rejects it (it never counts; see evidence-dispute.ts).
 */
import { int } from '../policy/field-checks';
import type { AcceptEvidence, DisputeEvidence, RecordEvidence } from './commands';
import { ObligationErrors } from './errors';
import type { ObligationsEvent } from './events';
import { fulfilmentOf, type Obligation } from './obligation';
import { actingParty, findObligation, requireNotFulfilled, requireOwed, requireProtected, requireResponsible, sameFacts } from './rules';
import type { EvidenceRecord, ObligationsState } from './state';
import { id, OBLIGATION_LIMITS, pastDay, refuseField, requireValid, text, type Errors } from './validate';

export function recordEvidence(cmd: RecordEvidence, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const recordedBy = actingParty(actor, cmd.data.policyId, 'record evidence');
  requireValidEvidence(cmd.data, now);
  const { policyId, obligationId, evidenceId, what, when, documentRef } = cmd.data;
  const o = findObligation(cmd.data.obligations, obligationId);
  if (fulfilmentOf(o) !== 'evidence') throw ObligationErrors.wrongFulfilment(o.id, fulfilmentOf(o));
  requireResponsible(o, recordedBy);
  if (cmd.data.count !== undefined && o.kind !== 'qualification') refuseField('count', 'applies only to a staff qualification');
  const count = cmd.data.count ?? 1;
  const existing = state.evidence[evidenceId];
  if (existing) {
    if (sameFacts(factsOf(existing), { obligationId, what, when, documentRef, count })) return [];
    throw ObligationErrors.alreadyRecorded('EVIDENCE_EXISTS', evidenceId);
  }
  requireOwed(o, state);
  requireNotFulfilled(o, state, now);
  const data = { policyId, obligationId, evidenceId, recordedBy, what, when, documentRef, count, recordedAt: now.toISOString() };
  return [{ type: 'EvidenceRecorded', data }];
}

export function acceptEvidence(cmd: AcceptEvidence, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const acceptedBy = actingParty(actor, cmd.data.policyId, 'accept evidence');
  const { evidence, obligation } = judged(cmd.data, state);
  requireProtected(obligation, acceptedBy);
  const ended = evidence.dispute?.resolved;
  // Accepted already, or upheld when its dispute ended: it counts; rejected then, it never will.
  if (evidence.accepted || ended?.outcome === 'upheld') return [];
  if (ended?.outcome === 'rejected') throw ObligationErrors.evidenceRejected(evidence.evidenceId, evidence.dispute!.disputeId);
  requireOwed(obligation, state);
  const { policyId } = cmd.data;
  const data = { policyId, obligationId: obligation.id, evidenceId: evidence.evidenceId, acceptedBy, acceptedAt: now.toISOString() };
  return [{ type: 'EvidenceAccepted', data }];
}

export function disputeEvidence(cmd: DisputeEvidence, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const disputedBy = actingParty(actor, cmd.data.policyId, 'dispute evidence');
  const out: Errors = [];
  id(out, 'disputeId', cmd.data.disputeId);
  text(out, 'reason', cmd.data.reason, OBLIGATION_LIMITS.text);
  const { evidence, obligation } = judged(cmd.data, state, out);
  requireProtected(obligation, disputedBy);
  if (evidence.accepted) throw ObligationErrors.evidenceAccepted(evidence.evidenceId);
  if (evidence.dispute) {
    if (evidence.dispute.disputeId === cmd.data.disputeId) return [];
    throw ObligationErrors.evidenceDisputed(evidence.evidenceId, evidence.dispute.disputeId);
  }
  requireOwed(obligation, state);
  const { policyId, disputeId, reason } = cmd.data;
  const data = {
    policyId,
    obligationId: obligation.id,
    evidenceId: evidence.evidenceId,
    disputedBy,
    disputeId,
    reason,
    disputedAt: now.toISOString(),
  };
  return [{ type: 'EvidenceDisputed', data }];
}

function requireValidEvidence(d: RecordEvidence['data'], now: Date): void {
  const out: Errors = [];
  id(out, 'obligationId', d.obligationId);
  id(out, 'evidenceId', d.evidenceId);
  text(out, 'what', d.what, OBLIGATION_LIMITS.text);
  pastDay(out, 'when', d.when, now);
  text(out, 'documentRef', d.documentRef, OBLIGATION_LIMITS.text);
  if (d.count !== undefined) int(out, 'count', d.count, 1, 10_000);
  requireValid(out);
}

/** The evidence a verdict is about, and its obligation; `out` holds the command's other field errors. */
function judged(
  d: AcceptEvidence['data'],
  state: ObligationsState,
  out: Errors = [],
): { evidence: EvidenceRecord; obligation: Obligation } {
  id(out, 'evidenceId', d.evidenceId);
  requireValid(out);
  const evidence = state.evidence[d.evidenceId];
  if (!evidence) throw ObligationErrors.evidenceNotFound(d.evidenceId);
  return { evidence, obligation: findObligation(d.obligations, evidence.obligationId) };
}

const factsOf = ({ obligationId, what, when, documentRef, count }: EvidenceRecord) => ({ obligationId, what, when, documentRef, count });
