/** DTO pieces every client route shares. The domain re-checks each value and names the field it refuses. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ID_PATTERN, NormalizedString } from '../distributors/distributor.dto';

export class ClientIdParam {
  @ApiProperty({ example: 'c-7f3a', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'id must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  id!: string;
}

export class MoneyDto {
  @ApiProperty({ example: 250_000_00, description: 'integer minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minor!: number;

  @ApiProperty({ example: 'PLN', pattern: '^[A-Z]{3}$' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency!: string;
}

/** A side of the channel: the company, or one distributor (then `distributorId` is required). */
export class SideDto {
  @ApiProperty({ enum: ['company', 'distributor'], example: 'distributor' })
  @IsIn(['company', 'distributor'])
  party!: 'company' | 'distributor';

  @ApiPropertyOptional({ example: 'acme', pattern: ID_PATTERN.source, description: 'required when party is distributor' })
  @ValidateIf((o: SideDto) => o.party === 'distributor' || o.distributorId !== undefined)
  @NormalizedString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'distributorId must be 1–64 letters, digits, _ or -' })
  distributorId?: string;
}

export class RelationshipDto {
  @ApiProperty({ type: SideDto })
  @ValidateNested()
  @Type(() => SideDto)
  side!: SideDto;

  @ApiProperty({ example: '2024-03-01', description: 'the date the relationship began (YYYY-MM-DD)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'since must be a date YYYY-MM-DD' })
  since!: string;
}

export const sideOfDto = (s: SideDto) =>
  s.party === 'company' ? ({ party: 'company' } as const) : ({ party: 'distributor', distributorId: s.distributorId ?? '' } as const);
