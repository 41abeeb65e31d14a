/**
 * The `transfer_requests` read model: one document per hand-over request, from the request to its
 * end. A move of the client ends every other request still pending: the filter finds them, so no event
 * needs to name them. Overdue is a question about now, so it is asked at query time (`overdueFilter`).
 */
import type { ClientEvent, ClientTransferRequested } from '@cl/domain/client/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, Filter, WriteOp } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';
import { stamp } from './envelope';

export const TRANSFER_REQUESTS = 'transfer_requests';

export type TransferRequestStatus = 'pending' | 'accepted' | 'contested' | 'withdrawn' | 'superseded' | 'closed';

export interface TransferRequestDoc extends Doc {
  /** The request id. */
  _id: string;
  clientId: string;
  /** The owner when requested, and the requesting side. */
  from: Side;
  to: Side;
  fromKey: string;
  toKey: string;
  reason: string;
  policyId: string;
  handOverDays: number;
  requestedAt: string;
  dueBy: string;
  status: TransferRequestStatus;
  /** accepted or contested: when the owner answered. */
  answeredAt?: string;
  /** accepted: the transfer that carried it out. */
  transferId?: string;
  /** contested: the dispute it opened, and the owner's reason. */
  disputeId?: string;
  contestReason?: string;
  /** withdrawn by the requester. */
  withdrawnAt?: string;
  withdrawalReason?: string;
  /** superseded: the client moved otherwise (transferred or released) while the request was pending. */
  supersededAt?: string;
  supersededBy?: 'transferred' | 'released';
  /** closed: the dispute over a contested request ended. `handedOver`: the requester owns the client after it. */
  closedAt?: string;
  outcome?: { resolution: 'resolved' | 'withdrawn'; ownerAfter: Side | null; handedOver: boolean };
  /** Revision of the client stream's last event applied to the request. */
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<ClientEvent>;

export const transferRequestsProjection: Projection = {
  name: 'transfer_requests',
  collections: [TRANSFER_REQUESTS],
  project(event) {
    const e = event as Projected;
    switch (e.type) {
      case 'ClientTransferRequested':
        return [{ op: 'replace', collection: TRANSFER_REQUESTS, doc: requested(e) }];
      case 'ClientTransferRequestWithdrawn': {
        const { requestId, reason, withdrawnAt } = e.data;
        return [set(e, { _id: requestId }, { status: 'withdrawn', withdrawnAt, ...(reason ? { withdrawalReason: reason } : {}) })];
      }
      case 'ClientTransferContested': {
        const { requestId, disputeId, reason, contestedAt } = e.data;
        return [set(e, { _id: requestId }, { status: 'contested', answeredAt: contestedAt, disputeId, contestReason: reason })];
      }
      case 'ClientTransferred': {
        const { clientId, cause, transferId, transferredAt } = e.data;
        const accepted =
          cause.kind === 'request' ? [set(e, { _id: cause.requestId }, { status: 'accepted', answeredAt: transferredAt, transferId })] : [];
        return [...accepted, superseded(e, clientId, transferredAt, 'transferred')];
      }
      case 'ClientReleased':
        return [superseded(e, e.data.clientId, e.data.releasedAt, 'released')];
      case 'ClientDisputeSettled':
        return settled(e as ProjectedEvent<Extract<ClientEvent, { type: 'ClientDisputeSettled' }>>);
      default:
        return [];
    }
  },
};

function requested(e: ProjectedEvent<ClientTransferRequested>): TransferRequestDoc {
  const { requestId, clientId, from, to, reason, policyId, handOverDays, requestedAt, dueBy } = e.data;
  const keys = { fromKey: sideKey(from), toKey: sideKey(to) };
  return {
    _id: requestId,
    clientId,
    from,
    to,
    ...keys,
    reason,
    policyId,
    handOverDays,
    requestedAt,
    dueBy,
    status: 'pending',
    ...stamp(e),
  };
}

function set(e: Projected, filter: Filter, fields: Partial<TransferRequestDoc>, multi = false): WriteOp {
  return { op: 'update', collection: TRANSFER_REQUESTS, filter, update: { $set: { ...fields, ...stamp(e) } }, ...(multi ? { multi } : {}) };
}

function superseded(e: Projected, clientId: string, at: string, by: 'transferred' | 'released'): WriteOp {
  return set(e, { clientId, status: 'pending' }, { status: 'superseded', supersededAt: at, supersededBy: by }, true);
}

/**
 * The contested request closes with the dispute. Whether the requester got the client is a comparison
 * with the request's own `to`, which only the filter can see: the first write takes the request whose
 * `toKey` is the owner after, the second the request it did not take.
 */
function settled(e: ProjectedEvent<Extract<ClientEvent, { type: 'ClientDisputeSettled' }>>): WriteOp[] {
  const { disputeId, resolution, ownerAfter, settledAt } = e.data;
  const contested = { disputeId, status: 'contested' };
  const closed = (handedOver: boolean) => ({
    status: 'closed' as const,
    closedAt: settledAt,
    outcome: { resolution, ownerAfter, handedOver },
  });
  const handedOver = ownerAfter ? [set(e, { ...contested, toKey: sideKey(ownerAfter) }, closed(true), true)] : [];
  return [...handedOver, set(e, contested, closed(false), true)];
}

/** Pending requests whose owner did not answer by their due date, as of `now`. */
export const overdueFilter = (now: Date): Filter => ({ status: 'pending', dueBy: { $lt: now.toISOString() } });
