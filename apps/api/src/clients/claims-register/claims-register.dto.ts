import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import type { ClaimBasis, OwnershipBasis } from '@cl/domain/client/events';
import { toMillis } from '@cl/domain/policy';
import type { Side } from '@cl/domain/shared/sides';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { SideView } from '../client-view.dto';
import { IsInstantOrDate, PageParams, SIDE_KEY_PATTERN } from '../read-params';

export const CLAIM_OUTCOMES = ['claimed', 'disputed', 'refused'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/** `to` must lie after `from` when both are given; either alone is fine. */
const IsAfterFrom = () =>
  ValidateBy({
    name: 'isAfterFrom',
    validator: {
      validate: (to, args) => {
        const { from } = args?.object as ClaimsRegisterParams;
        if (typeof from !== 'string' || typeof to !== 'string') return true;
        const [start, end] = [toMillis(from), toMillis(to)];
        // An unreadable bound is refused by its own check, naming it.
        return Number.isNaN(start) || Number.isNaN(end) || end > start;
      },
      defaultMessage: () => 'to must be later than from',
    },
  });

const PERIOD = 'a date (read as 00:00 UTC) or an ISO instant with an offset';

export class ClaimsRegisterParams extends PageParams {
  @ApiPropertyOptional({ example: 'c-warsaw-bakeries', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId?: string;

  @ApiPropertyOptional({ example: 'distributor:acme', pattern: SIDE_KEY_PATTERN.source, description: 'the claimant or the owner it contested' })
  @IsOptional()
  @Matches(SIDE_KEY_PATTERN, { message: "party must be 'company' or 'distributor:<id>'" })
  party?: string;

  @ApiPropertyOptional({ enum: CLAIM_OUTCOMES })
  @IsOptional()
  @IsIn(CLAIM_OUTCOMES, { message: `outcome must be one of ${CLAIM_OUTCOMES.join(', ')}` })
  outcome?: ClaimOutcome;

  @ApiPropertyOptional({ example: '2026-03-01', description: `claims at or after this instant: ${PERIOD}` })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: `claims before this instant (exclusive): ${PERIOD}` })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  @IsAfterFrom()
  to?: string;
}

export class ClaimResolutionView {
  @ApiProperty({ enum: ['resolved', 'withdrawn'] }) resolution!: 'resolved' | 'withdrawn';
  @ApiProperty({ type: SideView, nullable: true }) ownerAfter!: Side | null;
  @ApiProperty({ format: 'date-time' }) settledAt!: string;
  @ApiProperty({ description: 'the claimant owns the client after the dispute' }) granted!: boolean;
}

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class ClaimEntryView {
  @ApiProperty({ description: 'the id of the ClientClaimed or ClientClaimContested event' }) id!: string;
  @ApiProperty({ example: 'c-warsaw-bakeries' }) clientId!: string;
  @ApiPropertyOptional({ description: "the client's legal name now" }) clientLegalName?: string;
  @ApiProperty({ type: SideView }) claimant!: Side;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ ...OBJECT, description: "{ judgements: [{ policyId, termsVersion, ruleId, assignedTo }] }: the division criteria's verdicts" })
  basis!: ClaimBasis;
  @ApiProperty({ enum: CLAIM_OUTCOMES, description: 'claimed at once, or disputed because the other side owned the client' })
  outcome!: ClaimOutcome;
  @ApiPropertyOptional({ description: 'disputed: the dispute it opened' }) disputeId?: string;
  @ApiPropertyOptional({ type: SideView, description: 'disputed: the owner then' }) ownerAtTheTime?: Side;
  @ApiPropertyOptional({ ...OBJECT, description: 'disputed: what had made the owner the owner' }) ownerBasis?: OwnershipBasis;
  @ApiPropertyOptional({ type: ClaimResolutionView, description: 'disputed, once the dispute ended' }) resolution?: ClaimResolutionView;
  @ApiPropertyOptional({ format: 'date-time', description: 'the ownership this claim gave ended then' }) endedAt?: string;
  @ApiPropertyOptional({ enum: ['transferred', 'released'] }) endedBy?: 'transferred' | 'released';
  @ApiProperty({ description: "revision of the client's stream when the entry last changed" }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ClaimsRegisterPage {
  @ApiProperty({ type: [ClaimEntryView] }) items!: ClaimEntryView[];
  @ApiProperty({ description: 'every match, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
