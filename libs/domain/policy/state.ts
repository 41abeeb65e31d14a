/** The state of one policy, folded from its events, and the evolve function that builds it. */
import { assertNever } from '../shared/types';
import type { PartyRef, PolicyEvent } from './events';
import type { Party, PolicyTerms } from './terms';

export type PolicyStatus = 'draft' | 'in_force' | 'expired' | 'terminated';

export interface TermsVersion {
  version: number;
  terms: PolicyTerms;
  /** A draft version (before the policy came into force) or the terms of an amendment. */
  origin: 'draft' | 'amendment';
  amendmentNo?: number;
  createdBy: PartyRef;
  createdAt: string;
}

export interface Signature {
  party: Party;
  userId: string;
  termsVersion: number;
  termsHash: string;
  signedAt: string;
  /** Set for a signature of an amendment. */
  amendmentNo?: number;
}

/** A version that governs from `effectiveFrom` until the next entry, the end of the year or a termination. */
export interface InForceEntry {
  termsVersion: number;
  termsHash: string;
  effectiveFrom: string;
  amendmentNo?: number;
}

export type AmendmentStatus = 'open' | 'agreed' | 'withdrawn' | 'declined' | 'lapsed';

export interface Amendment {
  amendmentNo: number;
  termsVersion: number;
  baseVersion: number;
  proposedBy: PartyRef;
  proposedAt: string;
  requestedEffectiveFrom?: string;
  status: AmendmentStatus;
  effectiveFrom?: string;
  closedAt?: string;
  reason?: string;
}

export interface Policy {
  status: PolicyStatus;
  policyId: string;
  distributorId: string;
  year: number;
  /** While a draft: the version being signed. Once in force: the latest version both parties agreed. */
  currentVersion: number;
  currentTerms: PolicyTerms;
  /** Every version ever written, drafts and amendment proposals alike, in order. */
  versions: TermsVersion[];
  /** Every signature ever given; revising a draft leaves old ones here but they no longer count. */
  signatures: Signature[];
  /** The versions agreed, in order of effectiveFrom (non-decreasing). */
  inForce: InForceEntry[];
  /** When the policy first took effect: "existing client" means a relationship before this. */
  firstEffectiveFrom?: string;
  amendments: Amendment[];
  /** From this instant no terms are in force (termination, or the end of the year on expiry). */
  endedAt?: string;
  termination?: { party: Party; userId: string; reason: string; terminatedAt: string };
}

export type PolicyState = { status: 'none' } | Policy;

export const initialPolicyState = (): PolicyState => ({ status: 'none' });

export const isPolicy = (state: PolicyState): state is Policy => state.status !== 'none';

export function evolvePolicy(state: PolicyState, event: PolicyEvent): PolicyState {
  if (event.type === 'PolicyDrafted') return drafted(event.data);
  if (!isPolicy(state)) return state; // a stream must start with PolicyDrafted; anything else is ignored
  switch (event.type) {
    case 'PolicyTermsRevised': {
      const { termsVersion, terms, revisedBy, revisedAt } = event.data;
      const version: TermsVersion = {
        version: termsVersion,
        terms,
        origin: 'draft',
        createdBy: { party: 'company', userId: revisedBy },
        createdAt: revisedAt,
      };
      return { ...state, currentVersion: termsVersion, currentTerms: terms, versions: [...state.versions, version] };
    }
    case 'PolicySigned': {
      const { party, userId, termsVersion, termsHash, signedAt } = event.data;
      return { ...state, signatures: [...state.signatures, { party, userId, termsVersion, termsHash, signedAt }] };
    }
    case 'PolicyCameIntoForce': {
      const { termsVersion, termsHash, effectiveFrom } = event.data;
      return { ...state, status: 'in_force', firstEffectiveFrom: effectiveFrom, inForce: [{ termsVersion, termsHash, effectiveFrom }] };
    }
    case 'PolicyAmendmentProposed':
      return amendmentProposed(state, event.data);
    case 'PolicyAmendmentSigned': {
      const { party, userId, termsVersion, termsHash, signedAt, amendmentNo } = event.data;
      return { ...state, signatures: [...state.signatures, { party, userId, termsVersion, termsHash, signedAt, amendmentNo }] };
    }
    case 'PolicyAmended':
      return amended(state, event.data);
    case 'PolicyAmendmentWithdrawn':
      return closeAmendment(state, event.data.amendmentNo, 'withdrawn', event.data.withdrawnAt, event.data.reason);
    case 'PolicyAmendmentDeclined':
      return closeAmendment(state, event.data.amendmentNo, 'declined', event.data.declinedAt, event.data.reason);
    case 'PolicyExpired':
      return lapseOpen({ ...state, status: 'expired', endedAt: earlier(state.endedAt, event.data.expiredAt) }, event.data.expiredAt);
    case 'PolicyTerminated': {
      const { party, userId, reason, terminatedAt } = event.data;
      return lapseOpen(
        { ...state, status: 'terminated', endedAt: terminatedAt, termination: { party, userId, reason, terminatedAt } },
        terminatedAt,
      );
    }
    default:
      return assertNever(event);
  }
}

function drafted(d: Extract<PolicyEvent, { type: 'PolicyDrafted' }>['data']): Policy {
  const { policyId, distributorId, year, termsVersion, terms, draftedBy, draftedAt } = d;
  const version: TermsVersion = {
    version: termsVersion,
    terms,
    origin: 'draft',
    createdBy: { party: 'company', userId: draftedBy },
    createdAt: draftedAt,
  };
  return {
    status: 'draft',
    policyId,
    distributorId,
    year,
    currentVersion: termsVersion,
    currentTerms: terms,
    versions: [version],
    signatures: [],
    inForce: [],
    amendments: [],
  };
}

function amendmentProposed(state: Policy, d: Extract<PolicyEvent, { type: 'PolicyAmendmentProposed' }>['data']): Policy {
  const { amendmentNo, termsVersion, baseVersion, terms, proposedBy, requestedEffectiveFrom, proposedAt } = d;
  const version: TermsVersion = {
    version: termsVersion,
    terms,
    origin: 'amendment',
    amendmentNo,
    createdBy: proposedBy,
    createdAt: proposedAt,
  };
  const amendment: Amendment = {
    amendmentNo,
    termsVersion,
    baseVersion,
    proposedBy,
    proposedAt,
    ...(requestedEffectiveFrom ? { requestedEffectiveFrom } : {}),
    status: 'open',
  };
  return { ...state, versions: [...state.versions, version], amendments: [...state.amendments, amendment] };
}

function amended(state: Policy, d: Extract<PolicyEvent, { type: 'PolicyAmended' }>['data']): Policy {
  const { amendmentNo, termsVersion, termsHash, effectiveFrom } = d;
  const terms = state.versions.find((v) => v.version === termsVersion)?.terms ?? state.currentTerms;
  const amendments = state.amendments.map((a) => (a.amendmentNo === amendmentNo ? { ...a, status: 'agreed' as const, effectiveFrom } : a));
  const inForce = [...state.inForce, { termsVersion, termsHash, effectiveFrom, amendmentNo }];
  return { ...state, currentVersion: termsVersion, currentTerms: terms, amendments, inForce };
}

function closeAmendment(state: Policy, amendmentNo: number, status: AmendmentStatus, closedAt: string, reason?: string): Policy {
  const amendments = state.amendments.map((a) =>
    a.amendmentNo === amendmentNo && a.status === 'open' ? { ...a, status, closedAt, ...(reason ? { reason } : {}) } : a,
  );
  return { ...state, amendments };
}

/** An amendment still open when the policy ends can no longer be agreed. */
function lapseOpen(state: Policy, at: string): Policy {
  const open = state.amendments.find((a) => a.status === 'open');
  return open ? closeAmendment(state, open.amendmentNo, 'lapsed', at) : state;
}

const earlier = (a: string | undefined, b: string): string => (a !== undefined && Date.parse(a) < Date.parse(b) ? a : b);

/** The signatures that count for the draft: those given to the current version. */
export const draftSignatures = (p: Policy): Signature[] =>
  p.signatures.filter((s) => s.amendmentNo === undefined && s.termsVersion === p.currentVersion);

export const amendmentSignatures = (p: Policy, amendmentNo: number): Signature[] =>
  p.signatures.filter((s) => s.amendmentNo === amendmentNo);

export const openAmendment = (p: Policy): Amendment | undefined => p.amendments.find((a) => a.status === 'open');
