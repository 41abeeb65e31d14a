/** Drafting, signing and ending a policy. */
import { isPolicyYear, yearEnd, yearStart } from './calendar';
import type { DraftPolicy, ExpirePolicy, ReviseTerms, SignPolicy, TerminatePolicy } from './commands';
import { PolicyErrors } from './errors';
import { policyIdFor, type PolicyEvent } from './events';
import {
  companyOnly,
  existing,
  latest,
  otherParty,
  policyParty,
  requireDraft,
  requireInForce,
  requireText,
  requireValidTerms,
  requireYearOpen,
} from './rules';
import { draftSignatures, isPolicy, type PolicyState } from './state';
import { sameTerms } from './terms';
import type { TermsBounds } from './validate-commercial';

export function draftPolicy(cmd: DraftPolicy, state: PolicyState, bounds: TermsBounds): PolicyEvent[] {
  const { actor, now } = cmd.context;
  companyOnly(actor, 'draft');
  const { distributorId, year, terms } = cmd.data;
  if (typeof distributorId !== 'string' || distributorId.trim() === '') {
    throw PolicyErrors.invalidCommand([{ field: 'distributorId', message: 'must be a non-empty string' }]);
  }
  if (!isPolicyYear(year)) throw PolicyErrors.invalidCommand([{ field: 'year', message: 'must be a calendar year such as 2026' }]);
  const policyId = policyIdFor(distributorId, year);
  // Invalid input is refused as such (422) whatever the policy's state: the caller must fix it either way.
  requireValidTerms(terms, year, bounds);
  // Same stream, same distributor and year: the refusal says what to do instead (revise, amend, or nothing).
  if (isPolicy(state)) {
    if (state.status === 'draft') throw PolicyErrors.alreadyDrafted(policyId);
    requireDraft(state); // in force → ALREADY_IN_FORCE; expired or terminated → ENDED
  }
  requireYearOpen(policyId, year, now);
  return [
    {
      type: 'PolicyDrafted',
      data: { policyId, distributorId, year, termsVersion: 1, terms, draftedBy: actor.userId, draftedAt: now.toISOString() },
    },
  ];
}

export function reviseTerms(cmd: ReviseTerms, state: PolicyState, bounds: TermsBounds): PolicyEvent[] {
  const { actor, now } = cmd.context;
  companyOnly(actor, 'revise');
  const p = existing(state, cmd.data.policyId);
  requireValidTerms(cmd.data.terms, p.year, bounds);
  requireDraft(p);
  requireYearOpen(p.policyId, p.year, now);
  // Resending the current terms (a retry) must not clear signatures already given.
  if (sameTerms(cmd.data.terms, p.currentTerms)) return [];
  const termsVersion = p.versions.length + 1;
  return [
    {
      type: 'PolicyTermsRevised',
      data: { policyId: p.policyId, termsVersion, terms: cmd.data.terms, revisedBy: actor.userId, revisedAt: now.toISOString() },
    },
  ];
}

/**
 * A party signs the current draft version. When the other party has already signed the same version
 * with the same hash, the policy comes into force at the later of this signature and 1 January of
 * its year: a policy signed in December for next year starts with the year, never before it.
 */
export function signPolicy(cmd: SignPolicy, state: PolicyState): PolicyEvent[] {
  const { actor, now } = cmd.context;
  const p = existing(state, cmd.data.policyId);
  const party = policyParty(actor, p, 'sign');
  requireDraft(p);
  const termsHash = requireText('termsHash', cmd.data.termsHash);
  requireYearOpen(p.policyId, p.year, now);
  if (cmd.data.termsVersion !== p.currentVersion) throw PolicyErrors.wrongTermsVersion(cmd.data.termsVersion, p.currentVersion);
  const signatures = draftSignatures(p);
  if (signatures.some((s) => s.party === party)) throw PolicyErrors.alreadySigned(party, p.currentVersion);
  const other = signatures.find((s) => s.party === otherParty(party));
  if (other && other.termsHash !== termsHash) throw PolicyErrors.hashMismatch(p.currentVersion);
  const signedAt = now.toISOString();
  const signed: PolicyEvent = {
    type: 'PolicySigned',
    data: { policyId: p.policyId, party, userId: actor.userId, termsVersion: p.currentVersion, termsHash, signedAt },
  };
  if (!other) return [signed];
  const effectiveFrom = latest(signedAt, yearStart(p.year));
  return [
    signed,
    { type: 'PolicyCameIntoForce', data: { policyId: p.policyId, termsVersion: p.currentVersion, termsHash, effectiveFrom } },
  ];
}

/**
 * The year is over: the system (a scheduler) or the company records it. A draft never signed expires
 * too, which closes it. Expiring an ended policy records nothing, so the scheduler may retry.
 */
export function expirePolicy(cmd: ExpirePolicy, state: PolicyState): PolicyEvent[] {
  const { actor, now } = cmd.context;
  if (actor.party !== 'system' && actor.party !== 'company') throw PolicyErrors.forbiddenParty(actor.party, 'expire');
  const p = existing(state, cmd.data.policyId);
  if (p.status === 'expired' || p.status === 'terminated') return [];
  const end = yearEnd(p.year);
  if (now.getTime() < Date.parse(end)) throw PolicyErrors.yearNotEnded(p.policyId, p.year);
  return [{ type: 'PolicyExpired', data: { policyId: p.policyId, expiredAt: end, recordedAt: now.toISOString() } }];
}

/** Either party ends a policy in force, with a reason on record; it ends at once, never backdated. */
export function terminatePolicy(cmd: TerminatePolicy, state: PolicyState): PolicyEvent[] {
  const { actor, now } = cmd.context;
  const p = existing(state, cmd.data.policyId);
  const party = policyParty(actor, p, 'terminate');
  requireInForce(p);
  const reason = requireText('reason', cmd.data.reason);
  requireYearOpen(p.policyId, p.year, now);
  return [
    { type: 'PolicyTerminated', data: { policyId: p.policyId, party, userId: actor.userId, reason, terminatedAt: now.toISOString() } },
  ];
}
