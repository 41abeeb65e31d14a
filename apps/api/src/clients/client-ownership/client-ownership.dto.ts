import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { ClaimBasis, TransferCause } from '@cl/domain/client/events';
import type { Side } from '@cl/domain/shared/sides';
import type { Actor } from '@cl/domain/shared/types';
import { SideView } from '../client-view.dto';
import { IsInstantOrDate } from '../read-params';

export class OwnershipParams {
  @ApiPropertyOptional({
    example: '2026-03-01T12:00:00Z',
    description: 'a date (read as 00:00 UTC) or an ISO instant with an offset; default: now',
  })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  asOf?: string;
}

export class EventRefView {
  @ApiProperty({ description: 'the event id' }) id!: string;
  @ApiProperty({ enum: ['ClientClaimed', 'ClientTransferred', 'ClientReleased'] }) type!: string;
  @ApiProperty({ description: "revision in the client's stream" }) revision!: number;
  @ApiProperty({ description: 'global position in the log' }) position!: number;
  @ApiProperty({ format: 'date-time', description: 'when the store recorded it' }) recordedAt!: string;
}

export class ActorView {
  @ApiProperty({ enum: ['company', 'distributor', 'compliance', 'system'] }) party!: Actor['party'];
  @ApiProperty({ example: 'jan' }) userId!: string;
  @ApiPropertyOptional({ example: 'acme' }) distributorId?: string;
}

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** The fact that made the owner at `asOf` what it is. Which fields are present depends on `kind`. */
export class OwnershipBasisView {
  @ApiProperty({ enum: ['claim', 'transfer', 'release'] }) kind!: 'claim' | 'transfer' | 'release';
  @ApiProperty({ format: 'date-time', description: 'the instant the fact names' }) at!: string;
  @ApiPropertyOptional({ ...OBJECT, isArray: true, description: "claim: the division criteria's judgements it rested on" })
  judgements?: ClaimBasis['judgements'];
  @ApiPropertyOptional({ description: 'transfer: its id' }) transferId?: string;
  @ApiPropertyOptional({ type: SideView, nullable: true, description: 'transfer, release: the owner before' }) from?: Side | null;
  @ApiPropertyOptional({ ...OBJECT, description: "transfer: { kind: 'request', requestId } | { kind: 'owner-initiative' } | { kind: 'dispute', disputeId }" })
  cause?: TransferCause;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ type: EventRefView }) event!: EventRefView;
}

export class OwnershipView {
  @ApiProperty({ example: 'c-warsaw-bakeries' }) clientId!: string;
  @ApiProperty({ format: 'date-time', description: 'the instant asked about (inclusive)' }) asOf!: string;
  @ApiProperty({ type: SideView, nullable: true, description: 'null: no one owned the client then (or it was not registered yet)' })
  owner!: Side | null;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'since when that was so; null when it never was owned' })
  since!: string | null;
  @ApiProperty({ type: OwnershipBasisView, nullable: true, description: 'null when the client had never been owned by then' })
  basis!: OwnershipBasisView | null;
  @ApiProperty({ type: ActorView, nullable: true, description: "who recorded the fact (the event's actor)" }) madeBy!: Actor | null;
}
