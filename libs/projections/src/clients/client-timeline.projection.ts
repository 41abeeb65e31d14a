/**
 * The `client_timeline` read model: the shared history of a client, as both sides see it — one
 * document per fact (`_id` = event id), ordered by `position`. Claims, hand-overs, interactions, the
 * disputes naming the client (from the dispute's own stream) and every sale to it by either side (from
 * the sale's own stream) are drawn on one line.
 */
import type { ClientEvent, ClaimBasis, InteractionKind, Judgement, TransferCause } from '@cl/domain/client/events';
import type { DisputeEvent, DisputeOrigin, DisputeOutcome, DisputeResolvedBy, DisputeSubject } from '@cl/domain/dispute/events';
import type { Money } from '@cl/domain/policy/terms';
import type { ChannelConflict, SaleEvent, SaleLine } from '@cl/domain/sales/events';
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
  | { kind: 'claim-refused'; claimant: Side; refusedBy: Judgement }
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
  | { kind: 'dispute-withdrawn'; disputeId: string; subject: DisputeSubject; side: Side; reason: string }
  /** `date`: the sale's date (`at` is when it was recorded); `channelConflict` set when the seller did not own the client then. */
  | {
      kind: 'sale';
      saleId: string;
      seller: Side;
      date: string;
      currency: string;
      total: Money;
      lines: SaleLineSummary[];
      channelConflict: ChannelConflict | null;
    }
  /** The lines and total after the correction, the total before it and the difference. */
  | {
      kind: 'sale-corrected';
      saleId: string;
      seller: Side;
      date: string;
      correctionNo: number;
      total: Money;
      previousTotal: Money;
      delta: Money;
      lines: SaleLineSummary[];
      reason: string;
    }
  /** `total`: what was cancelled (the sale's total after any corrections). */
  | { kind: 'sale-cancelled'; saleId: string; seller: Side; date: string; total: Money; reason: string };

/** A sale line as the history shows it; floors and special prices stay on the sale itself (GET /sales/:id). */
export type SaleLineSummary = Pick<SaleLine, 'sku' | 'quantity' | 'unitPrice'>;

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
  /** Revision of the event in its own stream (the client's, the dispute's for dispute-* entries, the sale's for sale*). */
  revision: number;
  updatedAt: string;
}

export type TimelineEntryDoc = Doc & TimelineEnvelope & TimelineFact;

type Projected = ProjectedEvent<ClientEvent | DisputeEvent | SaleEvent>;
type Entry = { clientId: string; at: string } & TimelineFact;

export const clientTimelineProjection: Projection = {
  name: 'client_timeline',
  collections: [CLIENT_TIMELINE],
  // clientId: a client's history page; kind: the monthly report's moves (few 'transferred' entries among ~1M).
  indexes: [
    { collection: CLIENT_TIMELINE, fields: ['clientId'] },
    { collection: CLIENT_TIMELINE, fields: ['kind'] },
  ],
  project(event) {
    const e = event as Projected;
    const entry = entryFor(e);
    if (!entry) return [];
    const doc: TimelineEntryDoc = { _id: e.id, ...entry, position: e.position, by: actedBy(e), ...stamp(e) };
    return [{ op: 'replace', collection: CLIENT_TIMELINE, doc } satisfies WriteOp];
  },
};

function entryFor(e: Projected): Entry | undefined {
  return clientEntry(e) ?? disputeEntry(e) ?? saleEntry(e);
}

function clientEntry(e: Projected): Entry | undefined {
  switch (e.type) {
    case 'ClientRegistered': {
      const { clientId, legalName, territory, segment, registeredBy, registeredAt } = e.data;
      return { clientId, kind: 'registered', at: registeredAt, legalName, territory, segment, registeredBy };
    }
    case 'ClientClaimed':
      return { clientId: e.data.clientId, kind: 'claimed', at: e.data.claimedAt, to: e.data.owner, basis: e.data.basis };
    case 'ClientClaimRefused': {
      const { clientId, claimant, refusedBy, refusedAt } = e.data;
      return { clientId, kind: 'claim-refused', at: refusedAt, claimant, refusedBy };
    }
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

/** Refused sales stay off the shared history: nothing was sold, and compliance reads them in the price-compliance report. */
function saleEntry(e: Projected): Entry | undefined {
  switch (e.type) {
    case 'SaleRecorded': {
      const { clientId, saleId, seller, date, currency, total, lines, channelConflict, recordedAt } = e.data;
      return { clientId, kind: 'sale', at: recordedAt, saleId, seller, date, currency, total, lines: summary(lines), channelConflict };
    }
    case 'SaleCorrected': {
      const { clientId, saleId, seller, date, correctionNo, total, previousTotal, delta, lines, reason, correctedAt } = e.data;
      const fields = { saleId, seller, date, correctionNo, total, previousTotal, delta, lines: summary(lines), reason };
      return { clientId, kind: 'sale-corrected', at: correctedAt, ...fields };
    }
    case 'SaleCancelled': {
      const { clientId, saleId, seller, date, previousTotal, reason, cancelledAt } = e.data;
      return { clientId, kind: 'sale-cancelled', at: cancelledAt, saleId, seller, date, total: previousTotal, reason };
    }
    default:
      return undefined;
  }
}

const summary = (lines: readonly SaleLine[]): SaleLineSummary[] =>
  lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }));
