/** The state of one client, folded from its stream, and the evolve function that builds it. */
import type { Money } from '../policy/terms';
import { sameSide, type Side } from '../shared/sides';
import { assertNever } from '../shared/types';
import type { ClientEvent, ClientTransferred, OwnershipBasis, Relationship } from './events';

/**
 * pending: waiting for the owner. accepted: the owner handed the client over. contested: the owner
 * opened a dispute (see `disputeId`). withdrawn: the requester took it back. superseded: ownership
 * changed some other way while it was pending. closed: the dispute it opened was settled, whatever
 * the outcome — the ClientTransferred with cause `dispute` tells whether the client moved.
 */
export type TransferRequestStatus = 'pending' | 'accepted' | 'contested' | 'withdrawn' | 'superseded' | 'closed';

export interface TransferRequest {
  requestId: string;
  from: Side;
  to: Side;
  reason: string;
  policyId: string;
  handOverDays: number;
  requestedAt: string;
  dueBy: string;
  status: TransferRequestStatus;
  /** Set once the owner contested it. */
  disputeId?: string;
  /** When it reached its current status (absent while pending). */
  closedAt?: string;
}

/** A claim on the client while the other side owned it, whose dispute is not settled yet. */
export interface OpenContest {
  disputeId: string;
  claimant: Side;
  owner: Side;
  contestedAt: string;
}

export interface Client {
  status: 'registered';
  clientId: string;
  legalName: string;
  taxId: string;
  territory: string;
  segment: string;
  annualVolume: Money;
  relationships: Relationship[];
  registeredBy: Side;
  registeredAt: string;
  owner: Side | null;
  /** What made `owner` the owner; null exactly when owner is null. */
  ownershipBasis: OwnershipBasis | null;
  transferRequests: Record<string, TransferRequest>;
  openContests: OpenContest[];
  settledDisputeIds: string[];
}

export type ClientState = { status: 'unregistered' } | Client;

export const initialClientState = (): ClientState => ({ status: 'unregistered' });

export const isRegistered = (state: ClientState): state is Client => state.status === 'registered';

export function evolveClient(state: ClientState, event: ClientEvent): ClientState {
  if (event.type === 'ClientRegistered') return registered(event.data);
  if (!isRegistered(state)) return state; // a stream starts with ClientRegistered; anything else is ignored
  switch (event.type) {
    case 'ClientClaimed': {
      const { owner, basis, claimedAt } = event.data;
      return changeOwner(state, owner, { kind: 'claim', basis, at: claimedAt }, claimedAt);
    }
    case 'ClientClaimRefused':
      return state; // on record for compliance; the client is as it was
    case 'ClientClaimContested': {
      const { disputeId, claimant, owner, contestedAt } = event.data;
      return { ...state, openContests: [...state.openContests, { disputeId, claimant, owner, contestedAt }] };
    }
    case 'ClientTransferRequested': {
      const { requestId, from, to, reason, policyId, handOverDays, requestedAt, dueBy } = event.data;
      const request: TransferRequest = { requestId, from, to, reason, policyId, handOverDays, requestedAt, dueBy, status: 'pending' };
      return { ...state, transferRequests: { ...state.transferRequests, [requestId]: request } };
    }
    case 'ClientTransferRequestWithdrawn':
      return updateRequest(state, event.data.requestId, { status: 'withdrawn', closedAt: event.data.withdrawnAt });
    case 'ClientTransferContested': {
      const { requestId, disputeId, contestedAt } = event.data;
      return updateRequest(state, requestId, { status: 'contested', disputeId, closedAt: contestedAt });
    }
    case 'ClientTransferred':
      return transferred(state, event.data);
    case 'ClientReleased':
      return changeOwner(state, null, null, event.data.releasedAt);
    case 'ClientInteractionLogged':
      return state;
    case 'ClientDisputeSettled':
      return settled(state, event.data.disputeId, event.data.settledAt);
    default:
      return assertNever(event);
  }
}

function registered(d: Extract<ClientEvent, { type: 'ClientRegistered' }>['data']): Client {
  return {
    status: 'registered',
    ...d,
    owner: null,
    ownershipBasis: null,
    transferRequests: {},
    openContests: [],
    settledDisputeIds: [],
  };
}

function transferred(state: Client, d: ClientTransferred['data']): Client {
  const { to, transferId, cause, transferredAt } = d;
  const accepted =
    cause.kind === 'request' ? updateRequest(state, cause.requestId, { status: 'accepted', closedAt: transferredAt }) : state;
  return changeOwner(accepted, to, { kind: 'transfer', transferId, cause, at: transferredAt }, transferredAt);
}

/** A request asks the owner of the moment; once someone else owns the client (or no one), it is moot. */
function changeOwner(state: Client, owner: Side | null, ownershipBasis: OwnershipBasis | null, at: string): Client {
  const transferRequests = Object.fromEntries(
    Object.entries(state.transferRequests).map(([id, r]) => [
      id,
      r.status === 'pending' ? { ...r, status: 'superseded' as const, closedAt: at } : r,
    ]),
  );
  return { ...state, owner, ownershipBasis, transferRequests };
}

function settled(state: Client, disputeId: string, at: string): Client {
  const transferRequests = Object.fromEntries(
    Object.entries(state.transferRequests).map(([id, r]) => [
      id,
      r.status === 'contested' && r.disputeId === disputeId ? { ...r, status: 'closed' as const, closedAt: at } : r,
    ]),
  );
  return {
    ...state,
    transferRequests,
    openContests: state.openContests.filter((c) => c.disputeId !== disputeId),
    settledDisputeIds: [...state.settledDisputeIds, disputeId],
  };
}

function updateRequest(state: Client, requestId: string, change: Partial<TransferRequest>): Client {
  const request = state.transferRequests[requestId];
  if (!request) return state;
  return { ...state, transferRequests: { ...state.transferRequests, [requestId]: { ...request, ...change } } };
}

/** The request of `requester` still waiting for the owner, if any (at most one: a second is refused). */
export const pendingRequestOf = (state: Client, requester: Side): TransferRequest | undefined =>
  Object.values(state.transferRequests).find((r) => r.status === 'pending' && sameSide(r.to, requester));
