import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { toMillis } from '@cl/domain/policy';

/** Accepted exactly as the domain reads an instant: a date (00:00 UTC) or an ISO instant with an offset. */
const IsInstantOrDate = () =>
  ValidateBy({
    name: 'isInstantOrDate',
    validator: {
      validate: (value) => typeof value === 'string' && !Number.isNaN(toMillis(value)),
      defaultMessage: () => 'at must be a date (2026-03-01) or an ISO instant with an offset (2026-03-01T12:00:00Z)',
    },
  });

export class TermsInForceParams {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'a date (read as 00:00 UTC) or an ISO instant with an offset; default: now' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsInstantOrDate()
  at?: string;
}
