/** What can be asked of a policy. Who asks and when arrive in `context`. */
import type { Command } from '../shared/types';
import type { PolicyTerms } from './terms';

/** The company drafts; the policy id follows from the distributor and the year. */
export type DraftPolicy = Command<'DraftPolicy', { distributorId: string; year: number; terms: PolicyTerms }>;
export type ReviseTerms = Command<'ReviseTerms', { policyId: string; terms: PolicyTerms }>;
/** termsHash: computed outside the domain over the version's terms (e.g. over canonicalJson). */
export type SignPolicy = Command<'SignPolicy', { policyId: string; termsVersion: number; termsHash: string }>;
/** effectiveFrom: optional ISO instant or date within the year; never earlier than the last signature. */
export type ProposeAmendment = Command<'ProposeAmendment', { policyId: string; terms: PolicyTerms; effectiveFrom?: string }>;
export type SignAmendment = Command<'SignAmendment', { policyId: string; amendmentNo: number; termsHash: string }>;
export type WithdrawAmendment = Command<'WithdrawAmendment', { policyId: string; amendmentNo: number; reason?: string }>;
export type DeclineAmendment = Command<'DeclineAmendment', { policyId: string; amendmentNo: number; reason?: string }>;
export type ExpirePolicy = Command<'ExpirePolicy', { policyId: string }>;
export type TerminatePolicy = Command<'TerminatePolicy', { policyId: string; reason: string }>;

export type PolicyCommand =
  | DraftPolicy
  | ReviseTerms
  | SignPolicy
  | ProposeAmendment
  | SignAmendment
  | WithdrawAmendment
  | DeclineAmendment
  | ExpirePolicy
  | TerminatePolicy;
