/**
 * The hand-over procedure: a side the client turned to asks the owner for it; the owner accepts
 * (even after `dueBy`: a late answer is still an answer) or contests, which opens a dispute; the
 * requester may withdraw while the request is pending.
 */
import { text, type Errors } from '../policy/field-checks';
import { sameSide, type Side } from '../shared/sides';
import type { AcceptTransfer, ContestTransfer, PolicyInForce, RequestTransfer, WithdrawTransferRequest } from './commands';
import { ClientErrors } from './errors';
import type { ClientEvent } from './events';
import {
  actingSide,
  existingRequest,
  registeredClient,
  requireNoErrors,
  requireOwner,
  requirePending,
  requireReason,
  validReason,
} from './rules';
import { pendingRequestOf, type ClientState } from './state';

const DAY_MS = 24 * 60 * 60 * 1000;

export function requestTransfer(cmd: RequestTransfer, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const requester = actingSide(actor, 'request a transfer of');
  const reason = requireReason(cmd.data.reason);
  const client = registeredClient(state, cmd.data.clientId);
  const from = client.owner;
  if (!from) throw ClientErrors.notOwned(client.clientId);
  if (sameSide(from, requester)) throw ClientErrors.alreadyOwner(requester);
  const pending = pendingRequestOf(client, requester);
  if (pending) throw ClientErrors.transferAlreadyRequested(pending.requestId);
  const { policyId, handOverDays } = applicablePolicy(cmd.data.policy, from, requester);
  const dueBy = new Date(now.getTime() + handOverDays * DAY_MS).toISOString();
  const { clientId } = client;
  const { requestId } = cmd.data;
  return [
    {
      type: 'ClientTransferRequested',
      data: { clientId, requestId, from, to: requester, reason, policyId, handOverDays, requestedAt: now.toISOString(), dueBy },
    },
  ];
}

/**
 * The hand-over days come from a distributor's policy between the two sides (the handler picks which).
 * A policy of a distributor that is neither the owner nor the requester has no say over this client.
 */
function applicablePolicy(policy: PolicyInForce | null | undefined, owner: Side, requester: Side): PolicyInForce {
  const between = (p: PolicyInForce) => [owner, requester].some((s) => s.party === 'distributor' && s.distributorId === p.distributorId);
  if (!policy || !between(policy)) throw ClientErrors.noPolicyInForce(requester);
  return policy;
}

export function acceptTransfer(cmd: AcceptTransfer, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const side = actingSide(actor, 'accept a transfer of');
  const client = registeredClient(state, cmd.data.clientId);
  const owner = requireOwner(client, side, 'accept a transfer');
  const request = existingRequest(client, cmd.data.requestId);
  requirePending(request);
  const { transferId } = cmd.data;
  const cause = { kind: 'request' as const, requestId: request.requestId };
  return [
    {
      type: 'ClientTransferred',
      data: { clientId: client.clientId, transferId, from: owner, to: request.to, cause, transferredAt: now.toISOString() },
    },
  ];
}

export function contestTransfer(cmd: ContestTransfer, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const side = actingSide(actor, 'contest a transfer of');
  const errors: Errors = [];
  text(errors, 'disputeId', cmd.data.disputeId);
  validReason(errors, cmd.data.reason);
  requireNoErrors(errors);
  const { reason } = cmd.data;
  const client = registeredClient(state, cmd.data.clientId);
  requireOwner(client, side, 'contest a transfer');
  const request = existingRequest(client, cmd.data.requestId);
  requirePending(request);
  const { disputeId } = cmd.data;
  return [
    {
      type: 'ClientTransferContested',
      data: { clientId: client.clientId, requestId: request.requestId, disputeId, reason, contestedAt: now.toISOString() },
    },
  ];
}

export function withdrawTransferRequest(cmd: WithdrawTransferRequest, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const side = actingSide(actor, 'withdraw a transfer request for');
  const reason = cmd.data.reason === undefined ? undefined : requireReason(cmd.data.reason);
  const client = registeredClient(state, cmd.data.clientId);
  const request = existingRequest(client, cmd.data.requestId);
  if (!sameSide(request.to, side)) throw ClientErrors.notRequester(side, request.requestId);
  requirePending(request);
  return [
    {
      type: 'ClientTransferRequestWithdrawn',
      data: { clientId: client.clientId, requestId: request.requestId, ...(reason ? { reason } : {}), withdrawnAt: now.toISOString() },
    },
  ];
}
