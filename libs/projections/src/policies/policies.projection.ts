/**
 * The `policies` read model: one document per policy with every terms version (its hash and the
 * signatures given to it), the in-force timeline, the amendments and the status.
 *
 * Versions, signatures and amendments are keyed sub-documents (`versions.3.signatures.company`,
 * `amendments.1.status`) rather than arrays: update documents cannot address an array element by
 * its content, but every event names its version or amendment number, so each change is one `$set`
 * on a known path. Only the append-only in-force timeline is an array ($push).
 */
import type { AmendmentStatus, Party, PartyRef, PolicyEvent, PolicyStatus, PolicyTerms } from '@cl/domain/policy';
import type { Doc, Update } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';
import { termsHash } from './terms-hash';

export const POLICIES = 'policies';

export interface SignatureView {
  userId: string;
  termsHash: string;
  signedAt: string;
}
export type SignaturesByParty = Partial<Record<Party, SignatureView>>;

export interface VersionView {
  version: number;
  terms: PolicyTerms;
  termsHash: string;
  origin: 'draft' | 'amendment';
  amendmentNo?: number;
  createdBy: PartyRef;
  createdAt: string;
  signatures: SignaturesByParty;
}

/** `status: 'open'` on a policy that has ended means lapsed: see `amendmentsOf` in policy-state.ts. */
export interface AmendmentView {
  amendmentNo: number;
  termsVersion: number;
  baseVersion: number;
  status: AmendmentStatus;
  proposedBy: PartyRef;
  proposedAt: string;
  requestedEffectiveFrom?: string;
  signatures: SignaturesByParty;
  effectiveFrom?: string;
  closedBy?: PartyRef;
  closedAt?: string;
  reason?: string;
}

export interface InForceView {
  termsVersion: number;
  termsHash: string;
  effectiveFrom: string;
  amendmentNo?: number;
}

export interface PolicyDoc extends Doc {
  distributorId: string;
  year: number;
  status: PolicyStatus;
  currentVersion: number;
  /** Keyed by version number. */
  versions: Record<string, VersionView>;
  /** The versions agreed, in order of effectiveFrom. */
  inForce: InForceView[];
  firstEffectiveFrom?: string;
  /** Keyed by amendment number. */
  amendments: Record<string, AmendmentView>;
  endedAt?: string;
  termination?: { party: Party; userId: string; reason: string; terminatedAt: string };
  /** Stream revision of the last event applied: the ETag. */
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<PolicyEvent>;

export const policiesProjection: Projection = {
  name: 'policies',
  collections: [POLICIES],
  project(event) {
    const e = event as Projected;
    if (e.type === 'PolicyDrafted') return [{ op: 'replace', collection: POLICIES, doc: drafted(e) }];
    const update = updateFor(e);
    return update ? [{ op: 'update', collection: POLICIES, filter: { _id: e.data.policyId }, update: stamped(e, update) }] : [];
  },
};

function drafted(e: Extract<Projected, { type: 'PolicyDrafted' }>): PolicyDoc {
  const { policyId, distributorId, year, termsVersion, terms, draftedBy, draftedAt } = e.data;
  const first = version(termsVersion, terms, 'draft', { party: 'company', userId: draftedBy }, draftedAt);
  return {
    _id: policyId,
    distributorId,
    year,
    status: 'draft',
    currentVersion: termsVersion,
    versions: { [termsVersion]: first },
    inForce: [],
    amendments: {},
    revision: e.revision,
    updatedAt: e.metadata.recordedAt,
  };
}

function version(
  n: number,
  terms: PolicyTerms,
  origin: VersionView['origin'],
  createdBy: PartyRef,
  createdAt: string,
  amendmentNo?: number,
): VersionView {
  return {
    version: n,
    terms,
    termsHash: termsHash(terms),
    origin,
    ...(amendmentNo ? { amendmentNo } : {}),
    createdBy,
    createdAt,
    signatures: {},
  };
}

/** Every change also moves the revision (the ETag) and updatedAt. */
function stamped(e: Projected, update: Update): Update {
  const $set = { ...((update.$set as object) ?? {}), revision: e.revision, updatedAt: e.metadata.recordedAt };
  return { ...update, $set };
}

function updateFor(e: Projected): Update | undefined {
  switch (e.type) {
    case 'PolicyTermsRevised': {
      const { termsVersion, terms, revisedBy, revisedAt } = e.data;
      const v = version(termsVersion, terms, 'draft', { party: 'company', userId: revisedBy }, revisedAt);
      return { $set: { [`versions.${termsVersion}`]: v, currentVersion: termsVersion } };
    }
    case 'PolicySigned': {
      const { termsVersion, party, userId, termsHash: hash, signedAt } = e.data;
      return { $set: { [`versions.${termsVersion}.signatures.${party}`]: { userId, termsHash: hash, signedAt } } };
    }
    case 'PolicyCameIntoForce': {
      const { termsVersion, termsHash: hash, effectiveFrom } = e.data;
      return {
        $set: { status: 'in_force', firstEffectiveFrom: effectiveFrom, inForce: [{ termsVersion, termsHash: hash, effectiveFrom }] },
      };
    }
    case 'PolicyAmendmentProposed':
      return amendmentProposed(e.data);
    case 'PolicyAmendmentSigned': {
      const { amendmentNo, termsVersion, party, userId, termsHash: hash, signedAt } = e.data;
      const signature = { userId, termsHash: hash, signedAt };
      return {
        $set: { [`amendments.${amendmentNo}.signatures.${party}`]: signature, [`versions.${termsVersion}.signatures.${party}`]: signature },
      };
    }
    case 'PolicyAmended': {
      const { amendmentNo, termsVersion, termsHash: hash, effectiveFrom } = e.data;
      return {
        $set: {
          [`amendments.${amendmentNo}.status`]: 'agreed',
          [`amendments.${amendmentNo}.effectiveFrom`]: effectiveFrom,
          currentVersion: termsVersion,
        },
        $push: { inForce: { termsVersion, termsHash: hash, effectiveFrom, amendmentNo } },
      };
    }
    case 'PolicyAmendmentWithdrawn':
      return amendmentClosed(e.data.amendmentNo, 'withdrawn', e.data, e.data.withdrawnAt);
    case 'PolicyAmendmentDeclined':
      return amendmentClosed(e.data.amendmentNo, 'declined', e.data, e.data.declinedAt);
    case 'PolicyExpired':
      // $min: a policy terminated earlier keeps its termination as its end.
      return { $set: { status: 'expired' }, $min: { endedAt: e.data.expiredAt } };
    case 'PolicyTerminated': {
      const { party, userId, reason, terminatedAt } = e.data;
      return { $set: { status: 'terminated', endedAt: terminatedAt, termination: { party, userId, reason, terminatedAt } } };
    }
    default:
      return undefined;
  }
}

function amendmentProposed(d: Extract<PolicyEvent, { type: 'PolicyAmendmentProposed' }>['data']): Update {
  const { amendmentNo, termsVersion, baseVersion, terms, proposedBy, requestedEffectiveFrom, proposedAt } = d;
  const amendment: AmendmentView = {
    amendmentNo,
    termsVersion,
    baseVersion,
    status: 'open',
    proposedBy,
    proposedAt,
    ...(requestedEffectiveFrom ? { requestedEffectiveFrom } : {}),
    signatures: {},
  };
  const v = version(termsVersion, terms, 'amendment', proposedBy, proposedAt, amendmentNo);
  return { $set: { [`versions.${termsVersion}`]: v, [`amendments.${amendmentNo}`]: amendment } };
}

function amendmentClosed(n: number, status: AmendmentStatus, by: { party: Party; userId: string; reason?: string }, at: string): Update {
  const closed = { status, closedBy: { party: by.party, userId: by.userId }, closedAt: at, ...(by.reason ? { reason: by.reason } : {}) };
  return { $set: Object.fromEntries(Object.entries(closed).map(([k, v]) => [`amendments.${n}.${k}`, v])) };
}
