/**
 * The `client_timeline` read model: the shared history of a client, as both sides see it — one
 * document per fact (`_id` = event id), ordered by `position`. Claims, hand-overs, interactions and the
 * disputes naming the client (from the dispute's own stream) are drawn on one line.
 */
import type { ClientEvent, ClaimBasis, InteractionKind, TransferCause } from '@cl/domain/client/events';
import type { DisputeEvent, DisputeOrigin, DisputeOutcome, DisputeResolvedBy, DisputeSubject } from '@cl/domain/dispute/events';
import type { Side } from '@cl/domain/shared/sides';
import type { Doc, WriteOp } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';
import { actedBy, stamp, type ActedBy } from './envelope';
import { subjectClientId } from './subject-client';

export const CLIENT_TIMELINE = 'client_timeline';

/** What each kind of entry says, besides the fields every entry has. */
export type TimelineFact =
  | { kind: 'registered'; legalName: string; territory: string; segment: string; registeredBy: Side }
  | { kind: 'claimed'; to: Side; basis: ClaimBasis }
  /** `basis`: the claimant's. */
  | { kind: 'claim-contested'; disputeId: string; claimant: Side; owner: Side; basis: ClaimBasis }
  | { kind: 'transfer-requested'; requestId: string; from: Side; to: Side; reason: string; dueBy: string }
  | { kind: 'transfer-request-withdrawn'; requestId: string; reason?: string }
  | { kind: 'transfer-contested'; requestId: string; disputeId: string; reason: string }
  /** `from` null: the client was unowned. `requestId`/`disputeId`: the cause's, flattened for linking. */
  | {
      kind: 'transferred';
      transferId: string;
      from: Side | null;
      to: Side;
      cause: TransferCause;
      requestId?: string;
      disputeId?: string;
      reason?: string;
    }
  | { kind: 'released'; from: Side; reason: string }
  /** `at` is when it was logged, `occurredAt` when it happened; `side` logged it. */
  | { kind: 'interaction'; interactionId: string; interactionKind: InteractionKind; summary: string; occurredAt: string; side: Side }
  | { kind: 'dispute-settled'; disputeId: string; resolution: 'resolved' | 'withdrawn'; ownerAfter: Side | null }
  /** `side`: who opened it. */
  | {
      kind: 'dispute-opened';
      disputeId: string;
      subject: DisputeSubject;
      parties: [Side, Side];
      side: Side;
      summary: string;
      originKind: DisputeOrigin['kind'];
    }
  | { kind: 'dispute-resolved'; disputeId: string; subject: DisputeSubject; resolvedBy: DisputeResolvedBy; outcome: DisputeOutcome }
  /** `side`: who withdrew it. */
  | { kind: 'dispute-withdrawn'; disputeId: string; subject: DisputeSubject; side: Side; reason: string };

export type TimelineKind = TimelineFact['kind'];

interface TimelineEnvelope {
  /** The event id. */
  _id: string;
  clientId: string;
  /** Global position of the event: the order of the timeline. */
  position: number;
  /** The event's own instant. */
  at: string;
  /** Who acted, from the event's metadata. */
  by: ActedBy;
  /** Revision of the event in its own stream (the client's, or the dispute's for dispute-* entries). */
  revision: number;
  updatedAt: string;
}

export type TimelineEntryDoc = Doc & TimelineEnvelope & TimelineFact;

type Projected = ProjectedEvent<ClientEvent | DisputeEvent>;
type Entry = { clientId: string; at: string } & TimelineFact;

export const clientTimelineProjection: Projection = {
  name: 'client_timeline',
  collections: [CLIENT_TIMELINE],
  project(event) {
    const e = event as Projected;
    const entry = entryFor(e);
    if (!entry) return [];
    const doc: TimelineEntryDoc = { _id: e.id, ...entry, position: e.position, by: actedBy(e), ...stamp(e) };
    return [{ op: 'replace', collection: CLIENT_TIMELINE, doc } satisfies WriteOp];
  },
};

function entryFor(e: Projected): Entry | undefined {
  return clientEntry(e) ?? disputeEntry(e);
}

function clientEntry(e: Projected): Entry | undefined {
  switch (e.type) {
    case 'ClientRegistered': {
      const { clientId, legalName, territory, segment, registeredBy, registeredAt } = e.data;
      return { clientId, kind: 'registered', at: registeredAt, legalName, territory, segment, registeredBy };
    }
    case 'ClientClaimed':
      return { clientId: e.data.clientId, kind: 'claimed', at: e.data.claimedAt, to: e.data.owner, basis: e.data.basis };
    case 'ClientClaimContested': {
      const { clientId, disputeId, claimant, claimantBasis, owner, contestedAt } = e.data;
      return { clientId, kind: 'claim-contested', at: contestedAt, disputeId, claimant, owner, basis: claimantBasis };
    }
    case 'ClientTransferRequested': {
      const { clientId, requestId, from, to, reason, dueBy, requestedAt } = e.data;
      return { clientId, kind: 'transfer-requested', at: requestedAt, requestId, from, to, reason, dueBy };
    }
    case 'ClientTransferRequestWithdrawn': {
      const { clientId, requestId, reason, withdrawnAt } = e.data;
      return { clientId, kind: 'transfer-request-withdrawn', at: withdrawnAt, requestId, ...(reason ? { reason } : {}) };
    }
    case 'ClientTransferContested': {
      const { clientId, requestId, disputeId, reason, contestedAt } = e.data;
      return { clientId, kind: 'transfer-contested', at: contestedAt, requestId, disputeId, reason };
    }
    case 'ClientTransferred':
      return transferred(e.data);
    case 'ClientReleased':
      return { clientId: e.data.clientId, kind: 'released', at: e.data.releasedAt, from: e.data.from, reason: e.data.reason };
    case 'ClientInteractionLogged': {
      const { clientId, interactionId, kind, summary, occurredAt, loggedBy, loggedAt } = e.data;
      return { clientId, kind: 'interaction', at: loggedAt, interactionId, interactionKind: kind, summary, occurredAt, side: loggedBy };
    }
    case 'ClientDisputeSettled': {
      const { clientId, disputeId, resolution, ownerAfter, settledAt } = e.data;
      return { clientId, kind: 'dispute-settled', at: settledAt, disputeId, resolution, ownerAfter };
    }
    default:
      return undefined;
  }
}

function transferred(d: Extract<ClientEvent, { type: 'ClientTransferred' }>['data']): Entry {
  const { clientId, transferId, from, to, cause, reason, transferredAt } = d;
  // The request or dispute that caused it, flattened so the console can link it without unpacking `cause`.
  const causeId =
    cause.kind === 'request' ? { requestId: cause.requestId } : cause.kind === 'dispute' ? { disputeId: cause.disputeId } : {};
  return { clientId, kind: 'transferred', at: transferredAt, transferId, from, to, cause, ...causeId, ...(reason ? { reason } : {}) };
}

function disputeEntry(e: Projected): Entry | undefined {
  if (e.type !== 'DisputeOpened' && e.type !== 'DisputeResolved' && e.type !== 'DisputeWithdrawn') return undefined;
  const clientId = subjectClientId(e.data.subject);
  if (!clientId) return undefined;
  const { disputeId, subject } = e.data;
  switch (e.type) {
    case 'DisputeOpened': {
      const { parties, openedBy, summary, origin, openedAt } = e.data;
      return {
        clientId,
        kind: 'dispute-opened',
        at: openedAt,
        disputeId,
        subject,
        parties,
        side: openedBy,
        summary,
        originKind: origin.kind,
      };
    }
    case 'DisputeResolved':
      return {
        clientId,
        kind: 'dispute-resolved',
        at: e.data.resolvedAt,
        disputeId,
        subject,
        resolvedBy: e.data.by,
        outcome: e.data.outcome,
      };
    case 'DisputeWithdrawn':
      return { clientId, kind: 'dispute-withdrawn', at: e.data.withdrawnAt, disputeId, subject, side: e.data.by, reason: e.data.reason };
  }
}
