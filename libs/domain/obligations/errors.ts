/** Every refusal of the obligations area, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import type { FieldError } from '../policy/field-checks';
import type { Money } from '../policy/terms';
import type { Fulfilment } from './obligation';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`OBLIGATIONS.${code}`, 'conflict', message, details);

export const ObligationErrors = {
  invalidCommand: (errors: FieldError[]) =>
    new DomainError('OBLIGATIONS.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  invalidAsOf: () =>
    new DomainError('OBLIGATIONS.INVALID_AS_OF', 'invalid', 'asOf is not a date', {
      errors: [{ field: 'asOf', message: 'must be a date (YYYY-MM-DD) or an ISO instant with an offset' }],
    }),
  forbiddenParty: (party: string, action: string) =>
    new DomainError('OBLIGATIONS.FORBIDDEN_PARTY', 'forbidden', `The ${party} party may not ${action}`, { party, action }),
  notResponsible: (obligationId: string, responsibleParty: string) =>
    new DomainError('OBLIGATIONS.NOT_RESPONSIBLE_PARTY', 'forbidden', `Only the ${responsibleParty} keeps obligation ${obligationId}`, {
      obligationId,
      responsibleParty,
    }),
  notProtected: (obligationId: string, protectedParty: string) =>
    new DomainError(
      'OBLIGATIONS.NOT_PROTECTED_PARTY',
      'forbidden',
      `Only the ${protectedParty}, whom obligation ${obligationId} protects, may do this`,
      {
        obligationId,
        protectedParty,
      },
    ),
  obligationNotFound: (obligationId: string) =>
    new DomainError('OBLIGATIONS.OBLIGATION_NOT_FOUND', 'not_found', `The policy has no obligation ${obligationId}`, { obligationId }),
  evidenceNotFound: (evidenceId: string) =>
    new DomainError('OBLIGATIONS.EVIDENCE_NOT_FOUND', 'not_found', `Evidence ${evidenceId} does not exist`, { evidenceId }),
  notExpected: (what: 'report' | 'meeting' | 'payment', period: string) =>
    conflict(`${what.toUpperCase()}_NOT_EXPECTED`, `The policy expects no ${what} for period ${period}`, { period }),
  wrongFulfilment: (obligationId: string, fulfilment: Fulfilment) =>
    conflict('NOT_KEPT_BY_EVIDENCE', `Obligation ${obligationId} is kept by recording its ${fulfilment}, not by evidence`, {
      obligationId,
      fulfilment,
    }),
  retired: (obligationId: string, from: string) =>
    conflict('RETIRED', `Obligation ${obligationId} is no longer owed since ${from}`, { obligationId, from }),
  waived: (obligationId: string) => conflict('WAIVED', `Obligation ${obligationId} was waived`, { obligationId }),
  fulfilled: (obligationId: string) => conflict('ALREADY_FULFILLED', `Obligation ${obligationId} is already fulfilled`, { obligationId }),
  /** A repeat with the same details records nothing; other details under the same key are refused. */
  alreadyRecorded: (
    code: 'EVIDENCE_EXISTS' | 'ALREADY_WAIVED' | 'REPORT_ALREADY_SUBMITTED' | 'MEETING_ALREADY_RECORDED' | 'PAYMENT_EXISTS',
    id: string,
  ) => conflict(code, `${id} was already recorded with other details`, { id }),
  evidenceAccepted: (evidenceId: string) =>
    conflict('EVIDENCE_ACCEPTED', `Evidence ${evidenceId} was accepted; acceptance is final`, { evidenceId }),
  evidenceDisputed: (evidenceId: string, disputeId: string) =>
    conflict('EVIDENCE_DISPUTED', `Evidence ${evidenceId} is already disputed in dispute ${disputeId}`, { evidenceId, disputeId }),
  evidenceRejected: (evidenceId: string, disputeId: string) =>
    conflict('EVIDENCE_REJECTED', `Evidence ${evidenceId} was rejected when dispute ${disputeId} ended; it does not count`, {
      evidenceId,
      disputeId,
    }),
  notDisputedIn: (evidenceId: string, disputeId: string) =>
    conflict('EVIDENCE_NOT_IN_DISPUTE', `Evidence ${evidenceId} is not the subject of dispute ${disputeId}`, { evidenceId, disputeId }),
  periodNotEnded: (period: string, endsOn: string) =>
    conflict('PERIOD_NOT_ENDED', `A report covers the whole period; ${period} ends on ${endsOn}`, { period, endsOn }),
  reportNotSubmitted: (period: string) => conflict('REPORT_NOT_SUBMITTED', `No report was submitted for ${period}`, { period }),
  exceedsOutstanding: (period: string, outstanding: Money, requested: Money) =>
    conflict('PAYMENT_EXCEEDS_OUTSTANDING', `The settlement of ${period} has ${outstanding.minor} minor units outstanding`, {
      period,
      outstanding,
      requested,
    }),
};
