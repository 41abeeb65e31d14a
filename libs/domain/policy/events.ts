/**
 * Facts of a commercial policy's life. One stream per distributor and year, `policy-${distributorId}-${year}`:
 * the stream name itself makes "at most one draft-or-in-force policy per distributor and year" hold,
 * since a second draft for the same pair lands on the same stream and is refused by its state.
 * A terminated or expired policy is final: a change within the year is an amendment to the policy in
 * force, never a new policy, so its history stays in one stream.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { Party, PolicyTerms } from './terms';

export interface PartyRef {
  party: Party;
  userId: string;
}

export type PolicyDrafted = Event<
  'PolicyDrafted',
  { policyId: string; distributorId: string; year: number; termsVersion: number; terms: PolicyTerms; draftedBy: string; draftedAt: string }
>;
/** A new draft version; signatures given to earlier versions no longer count. */
export type PolicyTermsRevised = Event<
  'PolicyTermsRevised',
  { policyId: string; termsVersion: number; terms: PolicyTerms; revisedBy: string; revisedAt: string }
>;
export type PolicySigned = Event<
  'PolicySigned',
  { policyId: string; party: Party; userId: string; termsVersion: number; termsHash: string; signedAt: string }
>;
/** Both parties signed the same version with the same hash. */
export type PolicyCameIntoForce = Event<
  'PolicyCameIntoForce',
  { policyId: string; termsVersion: number; termsHash: string; effectiveFrom: string }
>;
export type PolicyAmendmentProposed = Event<
  'PolicyAmendmentProposed',
  {
    policyId: string;
    amendmentNo: number;
    /** The terms version the amendment would bring in force. */
    termsVersion: number;
    /** The version in force it amends. */
    baseVersion: number;
    terms: PolicyTerms;
    proposedBy: PartyRef;
    /** The earliest instant the proposer wants it to apply from; never before both have signed. */
    requestedEffectiveFrom?: string;
    proposedAt: string;
  }
>;
export type PolicyAmendmentSigned = Event<
  'PolicyAmendmentSigned',
  { policyId: string; amendmentNo: number; termsVersion: number; party: Party; userId: string; termsHash: string; signedAt: string }
>;
/** Both parties signed the amendment: its version governs from effectiveFrom; the old one until then. */
export type PolicyAmended = Event<
  'PolicyAmended',
  { policyId: string; amendmentNo: number; termsVersion: number; termsHash: string; effectiveFrom: string }
>;
export type PolicyAmendmentWithdrawn = Event<
  'PolicyAmendmentWithdrawn',
  { policyId: string; amendmentNo: number; party: Party; userId: string; reason?: string; withdrawnAt: string }
>;
export type PolicyAmendmentDeclined = Event<
  'PolicyAmendmentDeclined',
  { policyId: string; amendmentNo: number; party: Party; userId: string; reason?: string; declinedAt: string }
>;
/** The policy year ended. expiredAt is the end of the year (exclusive), recordedAt when it was noted. */
export type PolicyExpired = Event<'PolicyExpired', { policyId: string; expiredAt: string; recordedAt: string }>;
export type PolicyTerminated = Event<
  'PolicyTerminated',
  { policyId: string; party: Party; userId: string; reason: string; terminatedAt: string }
>;

export type PolicyEvent =
  | PolicyDrafted
  | PolicyTermsRevised
  | PolicySigned
  | PolicyCameIntoForce
  | PolicyAmendmentProposed
  | PolicyAmendmentSigned
  | PolicyAmended
  | PolicyAmendmentWithdrawn
  | PolicyAmendmentDeclined
  | PolicyExpired
  | PolicyTerminated;

export const policyEventSchemas: EventSchemas = {
  PolicyDrafted: { version: 1 },
  PolicyTermsRevised: { version: 1 },
  PolicySigned: { version: 1 },
  PolicyCameIntoForce: { version: 1 },
  PolicyAmendmentProposed: { version: 1 },
  PolicyAmendmentSigned: { version: 1 },
  PolicyAmended: { version: 1 },
  PolicyAmendmentWithdrawn: { version: 1 },
  PolicyAmendmentDeclined: { version: 1 },
  PolicyExpired: { version: 1 },
  PolicyTerminated: { version: 1 },
};

/** One policy per distributor and calendar year. */
export const policyIdFor = (distributorId: string, year: number): string => `${distributorId}-${year}`;

export const policyStream = (policyId: string): string => `policy-${policyId}`;

/** The inverse of policyIdFor; the year is the last dash-separated part, as distributor ids may contain dashes. */
export function parsePolicyId(policyId: string): { distributorId: string; year: number } | undefined {
  const m = /^(.+)-(\d{4})$/.exec(policyId);
  return m ? { distributorId: m[1], year: Number(m[2]) } : undefined;
}
