/** Contexts and event builders for policy specs: policy d-1-2026 between the company and distributor d-1. */
import type { CommandContext } from '../../shared/types';
import type { PolicyEvent } from '../events';
import type { Party, PolicyTerms } from '../terms';
import { sampleHash, sampleTerms } from './sample-terms';

export const POLICY_ID = 'd-1-2026';
export const at = (iso: string) => new Date(iso);

export const asCompany = (now: string): CommandContext => ({ now: at(now), actor: { party: 'company', userId: 'ceo' } });
export const asDistributor = (now: string, distributorId = 'd-1'): CommandContext => ({
  now: at(now),
  actor: { party: 'distributor', userId: 'jan', distributorId },
});
export const asCompliance = (now: string): CommandContext => ({ now: at(now), actor: { party: 'compliance', userId: 'auditor' } });
export const asSystem = (now: string): CommandContext => ({ now: at(now), actor: { party: 'system', userId: 'scheduler' } });

const userOf = (party: Party) => (party === 'company' ? 'ceo' : 'jan');

export const drafted = (draftedAt = '2025-12-01T09:00:00.000Z', terms: PolicyTerms = sampleTerms()): PolicyEvent => ({
  type: 'PolicyDrafted',
  data: { policyId: POLICY_ID, distributorId: 'd-1', year: 2026, termsVersion: 1, terms, draftedBy: 'ceo', draftedAt },
});

export const revised = (termsVersion: number, terms: PolicyTerms, revisedAt = '2025-12-02T09:00:00.000Z'): PolicyEvent => ({
  type: 'PolicyTermsRevised',
  data: { policyId: POLICY_ID, termsVersion, terms, revisedBy: 'ceo', revisedAt },
});

export const signed = (party: Party, termsVersion: number, signedAt: string): PolicyEvent => ({
  type: 'PolicySigned',
  data: { policyId: POLICY_ID, party, userId: userOf(party), termsVersion, termsHash: sampleHash(termsVersion), signedAt },
});

export const cameIntoForce = (termsVersion: number, effectiveFrom: string): PolicyEvent => ({
  type: 'PolicyCameIntoForce',
  data: { policyId: POLICY_ID, termsVersion, termsHash: sampleHash(termsVersion), effectiveFrom },
});

/** Drafted in December, signed by both on 10 December: in force from 1 January 2026. */
export const inForceFromJanuary = (): PolicyEvent[] => [
  drafted(),
  signed('company', 1, '2025-12-10T10:00:00.000Z'),
  signed('distributor', 1, '2025-12-10T11:00:00.000Z'),
  cameIntoForce(1, '2026-01-01T00:00:00.000Z'),
];

export interface Proposal {
  amendmentNo: number;
  termsVersion: number;
  /** Defaults to the version just before termsVersion. */
  baseVersion?: number;
  terms: PolicyTerms;
  by: Party;
  proposedAt: string;
  requestedEffectiveFrom?: string;
}

export const proposed = (p: Proposal): PolicyEvent => ({
  type: 'PolicyAmendmentProposed',
  data: {
    policyId: POLICY_ID,
    amendmentNo: p.amendmentNo,
    termsVersion: p.termsVersion,
    baseVersion: p.baseVersion ?? p.termsVersion - 1,
    terms: p.terms,
    proposedBy: { party: p.by, userId: userOf(p.by) },
    ...(p.requestedEffectiveFrom ? { requestedEffectiveFrom: p.requestedEffectiveFrom } : {}),
    proposedAt: p.proposedAt,
  },
});

export const amendmentSigned = (amendmentNo: number, termsVersion: number, party: Party, signedAt: string): PolicyEvent => ({
  type: 'PolicyAmendmentSigned',
  data: { policyId: POLICY_ID, amendmentNo, termsVersion, party, userId: userOf(party), termsHash: sampleHash(termsVersion), signedAt },
});

export const amended = (amendmentNo: number, termsVersion: number, effectiveFrom: string): PolicyEvent => ({
  type: 'PolicyAmended',
  data: { policyId: POLICY_ID, amendmentNo, termsVersion, termsHash: sampleHash(termsVersion), effectiveFrom },
});

export const terminated = (terminatedAt: string, party: Party = 'company'): PolicyEvent => ({
  type: 'PolicyTerminated',
  data: { policyId: POLICY_ID, party, userId: userOf(party), reason: 'breach of the price policy', terminatedAt },
});

export const expired = (recordedAt = '2027-01-01T00:05:00.000Z'): PolicyEvent => ({
  type: 'PolicyExpired',
  data: { policyId: POLICY_ID, expiredAt: '2027-01-01T00:00:00.000Z', recordedAt },
});

/** Sample terms with a different hand-over period: a real change. */
export const changedTerms = (handOverDays = 21): PolicyTerms => sampleTerms(2026, { handOverDays });
