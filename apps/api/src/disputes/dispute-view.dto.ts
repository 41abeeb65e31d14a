/** What the dispute queries answer, described for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DisputeOrigin, DisputeOutcome, DisputeResolvedBy, DisputeSubject } from '@cl/domain/dispute';
import type { Side } from '@cl/domain/shared/sides';
import type { Actor } from '@cl/domain/shared/types';
import type { DisputeStatus, DisputeTimelineEntry } from '@cl/projections/disputes/disputes.projection';

export const DISPUTE_STATUSES: readonly DisputeStatus[] = ['open', 'resolved', 'withdrawn'];
export const ORIGIN_KINDS: readonly DisputeOrigin['kind'][] = ['direct', 'claim', 'transfer-contest'];
const PROPOSAL_STATUSES = ['open', 'superseded', 'accepted', 'lapsed'] as const;

const SIDE = {
  type: 'object',
  additionalProperties: true,
  example: { party: 'distributor', distributorId: 'acme' },
  description: "a side: { party: 'company' } or { party: 'distributor', distributorId }",
} as const;
const SUBJECT = {
  type: 'object',
  additionalProperties: true,
  example: { kind: 'client', clientId: 'c-warsaw-bakeries' },
  description:
    '{ kind: client, clientId } | { kind: sale, saleId, clientId? } | { kind: price, sku, clientId? } | ' +
    '{ kind: obligation, policyId, obligationId, evidenceId? } (opened by disputing evidence: POST /policies/{id}/obligations/{oid}/evidence/{eid}/dispute)',
} as const;
const OUTCOME = {
  type: 'object',
  additionalProperties: true,
  example: { decision: 'The client passes to acme', clientOwner: { party: 'distributor', distributorId: 'acme' } },
  description:
    "{ decision, clientOwner?, evidenceVerdict? }: clientOwner, in a dispute about a client, is who owns it afterwards; evidenceVerdict, in a dispute about an obligation's evidence, is upheld or rejected",
} as const;

export class ResolutionView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '{ kind: agreement, proposalNo, proposedBy, agreedBy } | { kind: compliance, userId }',
  })
  by!: DisputeResolvedBy;

  @ApiProperty(OUTCOME) outcome!: DisputeOutcome;
}

export class WithdrawalView {
  @ApiProperty(SIDE) side!: Side;
  @ApiProperty() reason!: string;
}

/** The fields a dispute shows in a list as well as on its own. */
export class DisputeSummary {
  @ApiProperty({ example: 'dsp-2026-0042' }) id!: string;
  @ApiProperty(SUBJECT) subject!: DisputeSubject;
  @ApiProperty({ enum: ['client', 'sale', 'price', 'obligation'] }) subjectKind!: DisputeSubject['kind'];
  @ApiProperty({ type: String, nullable: true, description: 'the client the subject names, if any' }) clientId!: string | null;
  @ApiProperty({ type: 'array', items: SIDE, description: 'the two sides' }) parties!: [Side, Side];
  @ApiProperty({ type: [String], example: ['distributor:acme', 'company'], description: 'the parties as `party` filter values' })
  partyKeys!: string[];
  @ApiProperty(SIDE) openedBy!: Side;
  @ApiProperty({ enum: ORIGIN_KINDS, description: 'direct, or opened by a contested claim or hand-over' })
  originKind!: DisputeOrigin['kind'];
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: DISPUTE_STATUSES }) status!: DisputeStatus;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when it was resolved or withdrawn' }) closedAt?: string;
  @ApiPropertyOptional({ type: ResolutionView }) resolution?: ResolutionView;
  @ApiPropertyOptional({ type: WithdrawalView }) withdrawal?: WithdrawalView;
  @ApiProperty() proposalsCount!: number;
  @ApiProperty() notesCount!: number;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty({ description: 'stream revision; also the ETag, send it back as If-Match' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProposalView {
  @ApiProperty({ example: 1 }) proposalNo!: number;
  @ApiProperty(SIDE) proposedBy!: Side;
  @ApiProperty(OUTCOME) outcome!: DisputeOutcome;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({
    enum: PROPOSAL_STATUSES,
    description:
      'open: the latest, while the dispute is open (the only one that may be accepted); superseded: a later one replaced it; accepted; lapsed: the dispute ended otherwise',
  })
  status!: (typeof PROPOSAL_STATUSES)[number];
}

export class DisputeTimelineEntryView {
  @ApiProperty({ enum: ['opened', 'note-added', 'evidence-added', 'resolution-proposed', 'resolved', 'withdrawn'] })
  kind!: DisputeTimelineEntry['kind'];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'who acted: { party, userId, distributorId? }; the system for a contest',
  })
  by!: Actor;
  @ApiProperty({ description: 'the id of the event in the log' }) eventId!: string;
}

export class DisputeView extends DisputeSummary {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '{ kind: direct } or the claim / contested hand-over that opened it, with both sides’ basis',
  })
  origin!: DisputeOrigin;
  @ApiProperty({ type: [ProposalView] }) proposals!: ProposalView[];
  @ApiProperty({
    type: [DisputeTimelineEntryView],
    description:
      'every event of the dispute in order: the audit trail. Each entry also carries what was said: side and summary, text, reference and description, proposalNo and outcome, resolvedBy and outcome, reason',
  })
  timeline!: DisputeTimelineEntry[];
}

export class DisputePage {
  @ApiProperty({ type: [DisputeSummary] }) items!: DisputeSummary[];
  @ApiProperty({ description: 'how many disputes match, across all pages' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
