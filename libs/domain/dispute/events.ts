/**
 * Facts of a dispute, one stream per dispute (`dispute-<disputeId>`): what it is about, between which
 * two sides, what each side said and showed, and how it ended — by both sides agreeing to a proposal,
 * by compliance deciding, or by the opener withdrawing it.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { Side } from '../shared/sides';
import type { ClaimBasis, OwnershipBasis } from '../client/events';

export type DisputeSubject =
  | { kind: 'client'; clientId: string }
  | { kind: 'sale'; saleId: string; clientId?: string }
  | { kind: 'price'; sku: string; clientId?: string }
  /** Evidence of a policy obligation the protected party disputes (libs/domain/obligations): about no client. */
  | { kind: 'obligation'; policyId: string; obligationId: string; evidenceId?: string };

/** How the dispute came about: opened directly, or by a claim or a contested hand-over of a client. */
export type DisputeOrigin =
  | { kind: 'direct' }
  | { kind: 'claim'; claimant: Side; claimantBasis: ClaimBasis; owner: Side; ownerBasis: OwnershipBasis }
  | { kind: 'transfer-contest'; requestId: string; requester: Side; owner: Side; requestReason: string };

/** Whether disputed evidence of an obligation stands: upheld, it counts as accepted; rejected, it does not count. */
export type EvidenceVerdict = 'upheld' | 'rejected';

/**
 * `clientOwner`: for a dispute about a client, who owns it afterwards (one of the two sides).
 * `evidenceVerdict`: for a dispute about an obligation's evidence (and only there, where it is required),
 * whether the evidence stands; the obligations stream records it when the dispute ends.
 */
export interface DisputeOutcome {
  decision: string;
  clientOwner?: Side;
  evidenceVerdict?: EvidenceVerdict;
}

export type DisputeResolvedBy =
  | { kind: 'agreement'; proposalNo: number; proposedBy: Side; agreedBy: Side }
  | { kind: 'compliance'; userId: string };

export type DisputeOpened = Event<
  'DisputeOpened',
  {
    disputeId: string;
    subject: DisputeSubject;
    /** Exactly two sides; `openedBy` is one of them. */
    parties: [Side, Side];
    openedBy: Side;
    summary: string;
    origin: DisputeOrigin;
    openedAt: string;
  }
>;
export type DisputeNoteAdded = Event<'DisputeNoteAdded', { disputeId: string; noteId: string; by: Side; text: string; addedAt: string }>;
export type DisputeEvidenceAdded = Event<
  'DisputeEvidenceAdded',
  { disputeId: string; evidenceId: string; by: Side; reference: string; description: string; addedAt: string }
>;
export type DisputeResolutionProposed = Event<
  'DisputeResolutionProposed',
  { disputeId: string; proposalNo: number; by: Side; outcome: DisputeOutcome; proposedAt: string }
>;
export type DisputeResolved = Event<
  'DisputeResolved',
  { disputeId: string; subject: DisputeSubject; by: DisputeResolvedBy; outcome: DisputeOutcome; resolvedAt: string }
>;
export type DisputeWithdrawn = Event<
  'DisputeWithdrawn',
  { disputeId: string; subject: DisputeSubject; by: Side; reason: string; withdrawnAt: string }
>;

export type DisputeEvent =
  | DisputeOpened
  | DisputeNoteAdded
  | DisputeEvidenceAdded
  | DisputeResolutionProposed
  | DisputeResolved
  | DisputeWithdrawn;

export const disputeEventSchemas: EventSchemas = {
  DisputeOpened: { version: 1 },
  DisputeNoteAdded: { version: 1 },
  DisputeEvidenceAdded: { version: 1 },
  DisputeResolutionProposed: { version: 1 },
  DisputeResolved: { version: 1 },
  DisputeWithdrawn: { version: 1 },
};

export const disputeStream = (disputeId: string) => `dispute-${disputeId}`;
