/** Every refusal of the dispute area, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import type { FieldError } from '../policy/field-checks';
import type { DisputeStatus } from './state';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`DISPUTE.${code}`, 'conflict', message, details);
const forbidden = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`DISPUTE.${code}`, 'forbidden', message, details);
const notFound = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`DISPUTE.${code}`, 'not_found', message, details);

export const DisputeErrors = {
  notFound: (disputeId: string) => notFound('NOT_FOUND', `Dispute ${disputeId} does not exist`, { disputeId }),
  invalidCommand: (errors: FieldError[]) => new DomainError('DISPUTE.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  forbiddenParty: (party: string, reason: string) => forbidden('FORBIDDEN_PARTY', `The ${party} party may not ${reason}`, { party }),
  alreadyExists: (disputeId: string) =>
    conflict('ALREADY_EXISTS', `Dispute ${disputeId} already exists with another subject, parties or origin`, { disputeId }),
  notAParty: (disputeId: string, party: string) =>
    forbidden('NOT_A_PARTY', `Only the two parties to dispute ${disputeId} act on it`, { disputeId, party }),
  closed: (disputeId: string, status: DisputeStatus) => conflict('CLOSED', `Dispute ${disputeId} is ${status} and final`, { status }),
  duplicateId: (field: string, id: string) =>
    conflict('DUPLICATE_ID', `${field} ${id} is already used in this dispute for something else`, { field, id }),
  proposalNotFound: (proposalNo: number) => notFound('PROPOSAL_NOT_FOUND', `Proposal ${proposalNo} does not exist`, { proposalNo }),
  proposalSuperseded: (proposalNo: number, latest: number) =>
    conflict('PROPOSAL_SUPERSEDED', `Proposal ${proposalNo} was superseded by proposal ${latest}`, { proposalNo, latest }),
  ownProposal: (proposalNo: number) =>
    conflict('OWN_PROPOSAL', `Proposal ${proposalNo} is your own; the other party accepts it`, { proposalNo }),
  complianceOnly: (party: string) => forbidden('COMPLIANCE_ONLY', 'Only compliance decides a dispute', { party }),
  notOpener: (disputeId: string) => forbidden('NOT_OPENER', `Only the side that opened dispute ${disputeId} withdraws it`, { disputeId }),
};
