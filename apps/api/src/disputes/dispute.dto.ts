/** DTO pieces every dispute route shares. The domain re-checks each value and names the field it refuses. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DISPUTE_LIMITS, type DisputeOutcome, type EvidenceVerdict } from '@cl/domain/dispute';
import { SideDto, sideOfDto } from '../clients/client.dto';
import { ID_PATTERN, NormalizedString } from '../distributors/distributor.dto';

export class DisputeIdParam {
  @ApiProperty({ example: 'dsp-2026-0042', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'id must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  id!: string;
}

export class ProposalParams extends DisputeIdParam {
  @ApiProperty({ example: '1', pattern: '^[1-9]\\d{0,5}$', description: 'the proposal number, as answered by POST …/resolution-proposals' })
  @Matches(/^[1-9]\d{0,5}$/, { message: 'n must be a proposal number such as 1' })
  n!: string;
}

/**
 * Text a person writes: trimmed, 1–`max` characters. `multiline` texts (notes, summaries) keep line
 * breaks and tabs; no text keeps other control characters, which would forge lines in logs and exports.
 */
export const DisputeTextProperty = (o: { example: string; max: number; multiline: boolean; description?: string }) =>
  applyDecorators(
    ApiProperty({ example: o.example, minLength: 1, maxLength: o.max, ...(o.description ? { description: o.description } : {}) }),
    NormalizedString(),
    IsString(),
    MinLength(1),
    MaxLength(o.max),
    o.multiline
      ? Matches(/^(?:[\t\n\r]|\P{Cc})*$/u, { message: '$property must not contain control characters other than line breaks and tabs' })
      : Matches(/^\P{Cc}*$/u, { message: '$property must not contain control characters such as line breaks or tabs' }),
  );

/** What the parties or compliance settle on. */
export class OutcomeDto {
  @DisputeTextProperty({
    example: 'The client stays with the company; acme keeps the orders already taken',
    max: DISPUTE_LIMITS.decision,
    multiline: true,
  })
  decision!: string;

  @ApiPropertyOptional({
    type: SideDto,
    description: 'only in a dispute about a client: who owns it afterwards, one of the two parties',
  })
  @IsOptional()
  @IsObject({ message: 'clientOwner must be an object' })
  @ValidateNested()
  @Type(() => SideDto)
  clientOwner?: SideDto;

  @ApiPropertyOptional({
    enum: ['upheld', 'rejected'],
    description:
      "required in a dispute about an obligation's evidence, and only there: upheld, the evidence counts as accepted; rejected, it does not count",
  })
  @IsOptional()
  @IsIn(['upheld', 'rejected'], { message: 'evidenceVerdict must be one of upheld, rejected' })
  evidenceVerdict?: EvidenceVerdict;
}

export const outcomeOf = (dto: OutcomeDto): DisputeOutcome => ({
  decision: dto.decision,
  ...(dto.clientOwner ? { clientOwner: sideOfDto(dto.clientOwner) } : {}),
  ...(dto.evidenceVerdict ? { evidenceVerdict: dto.evidenceVerdict } : {}),
});
