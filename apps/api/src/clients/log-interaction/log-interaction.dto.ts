import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { INTERACTION_KINDS, MAX_SUMMARY, type InteractionKind } from '@cl/domain/client';
import { NormalizedString } from '../../distributors/distributor.dto';

export class LogInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS, example: 'meeting' })
  @IsIn(INTERACTION_KINDS)
  kind!: InteractionKind;

  @ApiProperty({
    example: 'Presented the 2026 pump range; the client asked for an offer on 40 units',
    minLength: 1,
    maxLength: MAX_SUMMARY,
  })
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SUMMARY)
  summary!: string;

  @ApiProperty({
    example: '2025-03-04T10:30:00+01:00',
    description: 'an ISO instant with an offset, or a date (YYYY-MM-DD, read as 00:00 UTC); not in the future',
  })
  @IsString()
  @MaxLength(40)
  occurredAt!: string;
}
