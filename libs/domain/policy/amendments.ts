/**
 * Amendments: the only way a policy in force changes. Either party proposes new terms (one open
 * amendment at a time, so signatures never race between two proposals); both sign; the new version
 * governs from the later of the requested date, the last signature and the previous version's start.
 * Until then the old terms stay in force. Nothing is ever backdated: claims and sales already judged
 * under the old terms stay judged under them.
 */
import { toMillis, yearEnd, yearStart } from './calendar';
import type { DeclineAmendment, ProposeAmendment, SignAmendment, WithdrawAmendment } from './commands';
import { PolicyErrors } from './errors';
import type { PolicyEvent } from './events';
import { existing, latest, otherParty, policyParty, requireInForce, requireText, requireValidTerms, requireYearOpen } from './rules';
import { amendmentSignatures, openAmendment, type Amendment, type Policy, type PolicyState } from './state';
import { sameTerms } from './terms';
import type { TermsBounds } from './validate-commercial';

export function proposeAmendment(cmd: ProposeAmendment, state: PolicyState, bounds: TermsBounds): PolicyEvent[] {
  const { actor, now } = cmd.context;
  const p = existing(state, cmd.data.policyId);
  const party = policyParty(actor, p, 'amend');
  requireValidTerms(cmd.data.terms, p.year, bounds);
  requireInForce(p);
  requireYearOpen(p.policyId, p.year, now);
  const open = openAmendment(p);
  if (open) throw PolicyErrors.amendmentOpen(open.amendmentNo);
  const requestedEffectiveFrom = requestedDate(cmd.data.effectiveFrom, p);
  if (sameTerms(cmd.data.terms, p.currentTerms)) throw PolicyErrors.amendmentUnchanged();
  const data = {
    policyId: p.policyId,
    amendmentNo: p.amendments.length + 1,
    termsVersion: p.versions.length + 1,
    baseVersion: p.currentVersion,
    terms: cmd.data.terms,
    proposedBy: { party, userId: actor.userId },
    ...(requestedEffectiveFrom ? { requestedEffectiveFrom } : {}),
    proposedAt: now.toISOString(),
  };
  return [{ type: 'PolicyAmendmentProposed', data }];
}

/** An optional date (YYYY-MM-DD or an ISO instant) inside the policy year, as an ISO instant. */
function requestedDate(value: string | undefined, p: Policy): string | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? toMillis(value) : NaN;
  if (Number.isNaN(ms) || ms < Date.parse(yearStart(p.year)) || ms >= Date.parse(yearEnd(p.year))) {
    throw PolicyErrors.invalidCommand([{ field: 'effectiveFrom', message: `must be a date within ${p.year}` }]);
  }
  return new Date(ms).toISOString();
}

export function signAmendment(cmd: SignAmendment, state: PolicyState): PolicyEvent[] {
  const { actor, now } = cmd.context;
  const p = existing(state, cmd.data.policyId);
  const party = policyParty(actor, p, 'sign an amendment to');
  const amendment = openOne(p, cmd.data.amendmentNo);
  const termsHash = requireText('termsHash', cmd.data.termsHash);
  requireYearOpen(p.policyId, p.year, now);
  const signatures = amendmentSignatures(p, amendment.amendmentNo);
  if (signatures.some((s) => s.party === party)) throw PolicyErrors.alreadySigned(party, amendment.termsVersion);
  const other = signatures.find((s) => s.party === otherParty(party));
  if (other && other.termsHash !== termsHash) throw PolicyErrors.hashMismatch(amendment.termsVersion);
  const { amendmentNo, termsVersion } = amendment;
  const signedAt = now.toISOString();
  const signed: PolicyEvent = {
    type: 'PolicyAmendmentSigned',
    data: { policyId: p.policyId, amendmentNo, termsVersion, party, userId: actor.userId, termsHash, signedAt },
  };
  if (!other) return [signed];
  // effectiveFrom never goes back before the version it replaces, so the in-force timeline stays ordered.
  const previous = p.inForce[p.inForce.length - 1]?.effectiveFrom;
  const effectiveFrom = latest(signedAt, amendment.requestedEffectiveFrom, previous);
  return [signed, { type: 'PolicyAmended', data: { policyId: p.policyId, amendmentNo, termsVersion, termsHash, effectiveFrom } }];
}

/** The proposer takes its proposal back. */
export function withdrawAmendment(cmd: WithdrawAmendment, state: PolicyState): PolicyEvent[] {
  const { actor, now } = cmd.context;
  const p = existing(state, cmd.data.policyId);
  const party = policyParty(actor, p, 'withdraw an amendment to');
  const amendment = openOne(p, cmd.data.amendmentNo);
  if (amendment.proposedBy.party !== party) throw PolicyErrors.forbiddenParty(party, 'withdraw the other party’s amendment to');
  const reason = optionalReason(cmd.data.reason);
  const data = {
    policyId: p.policyId,
    amendmentNo: amendment.amendmentNo,
    party,
    userId: actor.userId,
    ...reason,
    withdrawnAt: now.toISOString(),
  };
  return [{ type: 'PolicyAmendmentWithdrawn', data }];
}

/** The other party refuses the proposal, which frees the way for a new one. */
export function declineAmendment(cmd: DeclineAmendment, state: PolicyState): PolicyEvent[] {
  const { actor, now } = cmd.context;
  const p = existing(state, cmd.data.policyId);
  const party = policyParty(actor, p, 'decline an amendment to');
  const amendment = openOne(p, cmd.data.amendmentNo);
  if (amendment.proposedBy.party === party) throw PolicyErrors.forbiddenParty(party, 'decline its own amendment to (withdraw it instead)');
  const reason = optionalReason(cmd.data.reason);
  const data = {
    policyId: p.policyId,
    amendmentNo: amendment.amendmentNo,
    party,
    userId: actor.userId,
    ...reason,
    declinedAt: now.toISOString(),
  };
  return [{ type: 'PolicyAmendmentDeclined', data }];
}

/** The amendment, which must exist and still be open (so the policy is in force). */
function openOne(p: Policy, amendmentNo: number): Amendment {
  const amendment = p.amendments.find((a) => a.amendmentNo === amendmentNo);
  if (!amendment) throw PolicyErrors.amendmentNotFound(amendmentNo);
  requireInForce(p);
  if (amendment.status !== 'open') throw PolicyErrors.amendmentNotOpen(amendmentNo, amendment.status);
  return amendment;
}

function optionalReason(reason: string | undefined): { reason?: string } {
  return reason === undefined || reason.trim() === '' ? {} : { reason };
}
