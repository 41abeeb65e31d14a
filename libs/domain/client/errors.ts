/** Every refusal of the client area, each with a stable code clients can branch on. */
import { DomainError } from '../shared/errors';
import { sideKey, type Side } from '../shared/sides';
import type { FieldError } from '../policy/field-checks';
import type { Judgement } from './events';
import type { TransferRequestStatus } from './state';

const conflict = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`CLIENT.${code}`, 'conflict', message, details);
const forbidden = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(`CLIENT.${code}`, 'forbidden', message, details);

export const ClientErrors = {
  invalidCommand: (errors: FieldError[]) => new DomainError('CLIENT.INVALID_COMMAND', 'invalid', 'The command is not valid', { errors }),
  forbiddenParty: (party: string, action: string) =>
    forbidden('FORBIDDEN_PARTY', `The ${party} party may not ${action} a client`, { party, action }),
  notFound: (clientId: string) => new DomainError('CLIENT.NOT_FOUND', 'not_found', `Client ${clientId} is not registered`, { clientId }),
  alreadyRegistered: (clientId: string) => conflict('ALREADY_REGISTERED', `Client ${clientId} is already registered`, { clientId }),
  noPolicyInForce: (side: Side) => conflict('NO_POLICY_IN_FORCE', `No policy in force applies to ${sideKey(side)}`, { side }),
  outsideTerritory: (territory: string, policyId: string, territories: string[]) =>
    conflict('OUTSIDE_TERRITORY', `The client's territory ${territory} lies outside the territories of policy ${policyId}`, {
      territory,
      policyId,
      territories,
    }),
  assignedToOtherParty: ({ ruleId, policyId, termsVersion, assignedTo }: Judgement) =>
    conflict(
      'ASSIGNED_TO_OTHER_PARTY',
      `Rule ${ruleId} of policy ${policyId} (terms version ${termsVersion}) assigns this client to the ${assignedTo}`,
      { ruleId, policyId, termsVersion, assignedTo },
    ),
  ownedByOtherParty: (owner: Side, disputeId: string) =>
    conflict('OWNED_BY_OTHER_PARTY', `The client is owned by ${sideKey(owner)}; your claim is already in dispute ${disputeId}`, {
      disputeId,
      owner,
    }),
  notOwned: (clientId: string) => conflict('NOT_OWNED', `Client ${clientId} has no owner; claim it instead`, { clientId }),
  alreadyOwner: (side: Side) => conflict('ALREADY_OWNER', `${sideKey(side)} already owns the client`, { side }),
  notOwner: (side: Side, action: string) =>
    forbidden('NOT_OWNER', `Only the client's owner may ${action}; ${sideKey(side)} does not own it`, { side, action }),
  notRequester: (side: Side, requestId: string) =>
    forbidden('NOT_REQUESTER', `Only the side that requested transfer ${requestId} may withdraw it`, { side, requestId }),
  transferAlreadyRequested: (requestId: string) =>
    conflict('TRANSFER_ALREADY_REQUESTED', `Transfer request ${requestId} of yours is still pending`, { requestId }),
  transferRequestNotFound: (requestId: string) =>
    new DomainError('CLIENT.TRANSFER_REQUEST_NOT_FOUND', 'not_found', `Transfer request ${requestId} does not exist`, { requestId }),
  transferRequestNotPending: (requestId: string, status: TransferRequestStatus) =>
    conflict('TRANSFER_REQUEST_NOT_PENDING', `Transfer request ${requestId} is ${status}`, { requestId, status }),
};
