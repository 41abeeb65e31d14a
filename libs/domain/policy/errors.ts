/** Every refusal of the policy area, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import type { FieldError } from './field-checks';
import type { PolicyStatus } from './state';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`POLICY.${code}`, 'conflict', message, details);

export const PolicyErrors = {
  notFound: (policyId: string) => new DomainError('POLICY.NOT_FOUND', 'not_found', `Policy ${policyId} does not exist`, { policyId }),
  invalidTerms: (errors: FieldError[]) => new DomainError('POLICY.INVALID_TERMS', 'invalid', 'The policy terms are not valid', { errors }),
  /** Malformed command fields other than the terms (year, hash, reason, dates). */
  invalidCommand: (errors: FieldError[]) => new DomainError('POLICY.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  forbiddenParty: (party: string, action: string) =>
    new DomainError('POLICY.FORBIDDEN_PARTY', 'forbidden', `The ${party} party may not ${action} this policy`, { party, action }),
  alreadyDrafted: (policyId: string) =>
    conflict('ALREADY_DRAFTED', `Policy ${policyId} is already drafted; revise its terms instead`, { policyId }),
  alreadyInForce: (policyId: string) =>
    conflict('ALREADY_IN_FORCE', `Policy ${policyId} is in force; change it by an amendment`, { policyId }),
  notInForce: (policyId: string, status: PolicyStatus) =>
    conflict('NOT_IN_FORCE', `Policy ${policyId} is not in force (${status})`, { policyId, status }),
  ended: (policyId: string, status: PolicyStatus) =>
    conflict('ENDED', `Policy ${policyId} is ${status} and final; a new year needs a new policy`, { policyId, status }),
  yearEnded: (policyId: string, year: number) =>
    conflict('YEAR_ENDED', `The year ${year} of policy ${policyId} has ended`, { policyId, year }),
  yearNotEnded: (policyId: string, year: number) =>
    conflict('YEAR_NOT_ENDED', `Policy ${policyId} cannot expire before the end of ${year}`, { policyId, year }),
  wrongTermsVersion: (requested: number, current: number) =>
    conflict('WRONG_TERMS_VERSION', `Version ${requested} is not the current terms version ${current}`, { requested, current }),
  alreadySigned: (party: string, termsVersion: number) =>
    conflict('ALREADY_SIGNED', `The ${party} party already signed terms version ${termsVersion}`, { party, termsVersion }),
  hashMismatch: (termsVersion: number) =>
    conflict('TERMS_HASH_MISMATCH', `The terms hash differs from the one the other party signed for version ${termsVersion}`, {
      termsVersion,
    }),
  amendmentOpen: (amendmentNo: number) =>
    conflict('AMENDMENT_OPEN', `Amendment ${amendmentNo} is still open; sign, withdraw or decline it first`, { amendmentNo }),
  amendmentNotFound: (amendmentNo: number) =>
    new DomainError('POLICY.AMENDMENT_NOT_FOUND', 'not_found', `Amendment ${amendmentNo} does not exist`, { amendmentNo }),
  amendmentNotOpen: (amendmentNo: number, status: string) =>
    conflict('AMENDMENT_NOT_OPEN', `Amendment ${amendmentNo} is ${status}`, { amendmentNo, status }),
  amendmentUnchanged: () => new DomainError('POLICY.AMENDMENT_UNCHANGED', 'invalid', 'The amendment does not change the terms in force'),
};
