import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Side } from '@cl/domain/shared/sides';
import type { TransferRequestStatus } from '@cl/projections/clients/transfer-requests.projection';
import { SideView } from '../client-view.dto';
import { PageParams } from '../read-params';

/** A Record so that a status added to the read model must be added here too. */
const STATUS_SET: Record<TransferRequestStatus, true> = {
  pending: true,
  accepted: true,
  contested: true,
  withdrawn: true,
  superseded: true,
  closed: true,
};
export const TRANSFER_STATUSES = Object.keys(STATUS_SET) as TransferRequestStatus[];

export class TransfersReportParams extends PageParams {
  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES, { message: `status must be one of ${TRANSFER_STATUSES.join(', ')}` })
  status?: TransferRequestStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: pending past its due date now; false: every other request' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';
}

export class TransferOutcomeView {
  @ApiProperty({ enum: ['resolved', 'withdrawn'] }) resolution!: 'resolved' | 'withdrawn';
  @ApiProperty({ type: SideView, nullable: true }) ownerAfter!: Side | null;
  @ApiProperty({ description: 'the requester owns the client after the dispute' }) handedOver!: boolean;
}

export class TransferRequestView {
  @ApiProperty({ example: 'req-7f3a' }) requestId!: string;
  @ApiProperty({ example: 'c-warsaw-bakeries' }) clientId!: string;
  @ApiPropertyOptional({ description: "the client's legal name now" }) clientLegalName?: string;
  @ApiProperty({ type: SideView, description: 'the owner when it was requested' }) from!: Side;
  @ApiProperty({ type: SideView, description: 'the requesting side' }) to!: Side;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'the policy whose hand-over days apply' }) policyId!: string;
  @ApiProperty() handOverDays!: number;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'the owner answers by then' }) dueBy!: string;
  @ApiProperty({ enum: TRANSFER_STATUSES }) status!: TransferRequestStatus;
  @ApiProperty({ description: 'pending and past dueBy at the time of this answer' }) overdue!: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'accepted or contested: when the owner answered' }) answeredAt?: string;
  @ApiPropertyOptional({ description: 'accepted: the transfer that carried it out' }) transferId?: string;
  @ApiPropertyOptional({ description: 'contested: the dispute it opened' }) disputeId?: string;
  @ApiPropertyOptional() contestReason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) withdrawnAt?: string;
  @ApiPropertyOptional() withdrawalReason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) supersededAt?: string;
  @ApiPropertyOptional({ enum: ['transferred', 'released'] }) supersededBy?: 'transferred' | 'released';
  @ApiPropertyOptional({ format: 'date-time', description: 'closed: when the dispute over it ended' }) closedAt?: string;
  @ApiPropertyOptional({ type: TransferOutcomeView }) outcome?: TransferOutcomeView;
  @ApiProperty({ description: "revision of the client's stream when the request last changed" }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TransfersReportPage {
  @ApiProperty({ type: [TransferRequestView] }) items!: TransferRequestView[];
  @ApiProperty({ description: 'every match, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ format: 'date-time', description: 'the instant `overdue` was judged at' }) asOf!: string;
}
