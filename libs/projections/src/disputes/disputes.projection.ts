/**
 * The `disputes` read model: one document per dispute with its whole timeline — the audit trail
 * compliance reads. Filter by party with `{ partyKeys: sideKey(side) }`, by `status`, by `openedAt`.
 */
import type {
  DisputeEvent,
  DisputeOpened,
  DisputeOrigin,
  DisputeOutcome,
  DisputeResolvedBy,
  DisputeSubject,
} from '@cl/domain/dispute/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, Update } from '@cl/read-models';
import { actedBy, stamp, type ActedBy } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';

export const DISPUTES = 'disputes';

export type DisputeStatus = 'open' | 'resolved' | 'withdrawn';

/**
 * Stored with `status: 'open'`: an update cannot address a proposal by its number, and the end of a
 * dispute does not list the proposals left open. Read the status through `proposalsOf`.
 */
export interface ProposalView {
  proposalNo: number;
  proposedBy: Side;
  outcome: DisputeOutcome;
  proposedAt: string;
  status: 'open' | 'accepted' | 'lapsed';
}

/** What each entry of the timeline says; `side` is the side that spoke, `by` (envelope) who acted. */
export type DisputeTimelineFact =
  | { kind: 'opened'; side: Side; summary: string; origin: DisputeOrigin }
  | { kind: 'note-added'; side: Side; noteId: string; text: string }
  | { kind: 'evidence-added'; side: Side; evidenceId: string; reference: string; description: string }
  | { kind: 'resolution-proposed'; side: Side; proposalNo: number; outcome: DisputeOutcome }
  | { kind: 'resolved'; resolvedBy: DisputeResolvedBy; outcome: DisputeOutcome }
  | { kind: 'withdrawn'; side: Side; reason: string };

export type DisputeTimelineEntry = DisputeTimelineFact & {
  /** The event's own instant. */
  at: string;
  /** Who acted, from the event's metadata (the system for disputes opened by a contest). */
  by: ActedBy;
  /** The event id. */
  eventId: string;
};

export interface DisputeDoc extends Doc {
  _id: string;
  subject: DisputeSubject;
  subjectKind: DisputeSubject['kind'];
  /** The client the subject names, if any. */
  clientId: string | null;
  parties: [Side, Side];
  /** `sideKey` of both parties: `{ partyKeys: 'distributor:d-1' }` finds the disputes d-1 is party to. */
  partyKeys: string[];
  openedBy: Side;
  origin: DisputeOrigin;
  summary: string;
  status: DisputeStatus;
  openedAt: string;
  /** resolved or withdrawn: when. */
  closedAt?: string;
  resolution?: { by: DisputeResolvedBy; outcome: DisputeOutcome };
  withdrawal?: { side: Side; reason: string };
  /** In the order proposed. */
  proposals: ProposalView[];
  notesCount: number;
  evidenceCount: number;
  /** Every event of the dispute, in order. */
  timeline: DisputeTimelineEntry[];
  /** Stream revision of the dispute's last event applied: the ETag. */
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<DisputeEvent>;

export const disputesProjection: Projection = {
  name: 'disputes',
  collections: [DISPUTES],
  project(event) {
    const e = event as Projected;
    if (e.type === 'DisputeOpened') return [{ op: 'replace', collection: DISPUTES, doc: opened(e) }];
    const change = changeFor(e);
    if (!change) return [];
    const { fact, update = {} } = change;
    const $set = { ...((update.$set as object) ?? {}), ...stamp(e) };
    const $push = { ...((update.$push as object) ?? {}), timeline: entry(e, fact) };
    return [{ op: 'update', collection: DISPUTES, filter: { _id: e.data.disputeId }, update: { ...update, $set, $push } }];
  },
};

const entry = (e: Projected, fact: DisputeTimelineFact): DisputeTimelineEntry => ({
  ...fact,
  at: instantOf(e),
  by: actedBy(e),
  eventId: e.id,
});

function instantOf(e: Projected): string {
  switch (e.type) {
    case 'DisputeOpened':
      return e.data.openedAt;
    case 'DisputeNoteAdded':
    case 'DisputeEvidenceAdded':
      return e.data.addedAt;
    case 'DisputeResolutionProposed':
      return e.data.proposedAt;
    case 'DisputeResolved':
      return e.data.resolvedAt;
    case 'DisputeWithdrawn':
      return e.data.withdrawnAt;
  }
}

function opened(e: ProjectedEvent<DisputeOpened>): DisputeDoc {
  const { disputeId, subject, parties, openedBy, summary, origin, openedAt } = e.data;
  return {
    _id: disputeId,
    subject,
    subjectKind: subject.kind,
    clientId: ('clientId' in subject ? subject.clientId : undefined) ?? null,
    parties,
    partyKeys: parties.map(sideKey),
    openedBy,
    origin,
    summary,
    status: 'open',
    openedAt,
    proposals: [],
    notesCount: 0,
    evidenceCount: 0,
    timeline: [entry(e, { kind: 'opened', side: openedBy, summary, origin })],
    ...stamp(e),
  };
}

function changeFor(e: Projected): { fact: DisputeTimelineFact; update?: Update } | undefined {
  switch (e.type) {
    case 'DisputeNoteAdded': {
      const { by, noteId, text } = e.data;
      return { fact: { kind: 'note-added', side: by, noteId, text }, update: { $inc: { notesCount: 1 } } };
    }
    case 'DisputeEvidenceAdded': {
      const { by, evidenceId, reference, description } = e.data;
      return { fact: { kind: 'evidence-added', side: by, evidenceId, reference, description }, update: { $inc: { evidenceCount: 1 } } };
    }
    case 'DisputeResolutionProposed': {
      const { by, proposalNo, outcome, proposedAt } = e.data;
      const proposal: ProposalView = { proposalNo, proposedBy: by, outcome, proposedAt, status: 'open' };
      return { fact: { kind: 'resolution-proposed', side: by, proposalNo, outcome }, update: { $push: { proposals: proposal } } };
    }
    case 'DisputeResolved': {
      const { by, outcome, resolvedAt } = e.data;
      return {
        fact: { kind: 'resolved', resolvedBy: by, outcome },
        update: { $set: { status: 'resolved', closedAt: resolvedAt, resolution: { by, outcome } } },
      };
    }
    case 'DisputeWithdrawn': {
      const { by, reason, withdrawnAt } = e.data;
      return {
        fact: { kind: 'withdrawn', side: by, reason },
        update: { $set: { status: 'withdrawn', closedAt: withdrawnAt, withdrawal: { side: by, reason } } },
      };
    }
    default:
      return undefined;
  }
}

/** The proposals in order, with their status: the one agreed is accepted, the rest lapse when the dispute ends. */
export function proposalsOf(doc: Pick<DisputeDoc, 'status' | 'resolution' | 'proposals'>): ProposalView[] {
  const agreed = doc.resolution?.by.kind === 'agreement' ? doc.resolution.by.proposalNo : undefined;
  return [...doc.proposals]
    .sort((a, b) => a.proposalNo - b.proposalNo)
    .map((p) => ({ ...p, status: p.proposalNo === agreed ? 'accepted' : doc.status === 'open' ? 'open' : 'lapsed' }));
}
