import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ID_PATTERN, NormalizedString, TERRITORY_PATTERN } from '../../distributors/distributor.dto';
import { MoneyDto, RelationshipDto } from '../client.dto';

export class RegisterClientDto {
  @ApiPropertyOptional({
    example: 'c-warsaw-bakeries',
    pattern: ID_PATTERN.source,
    description: 'Optional; generated when absent (derived from the Idempotency-Key when one is sent)',
  })
  @IsOptional()
  @NormalizedString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'clientId must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  clientId?: string;

  @ApiProperty({ example: 'Warsaw Bakeries Sp. z o.o.', minLength: 1, maxLength: 200 })
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  legalName!: string;

  @ApiProperty({ example: 'PL 777-000-12-34', description: 'spaces, dashes, dots and slashes are ignored; unique across clients' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  taxId!: string;

  @ApiProperty({ example: 'PL-MZ', pattern: TERRITORY_PATTERN.source })
  @IsString()
  @Matches(TERRITORY_PATTERN, { message: 'territory must be an ISO 3166 code such as PL or PL-MZ' })
  territory!: string;

  @ApiProperty({ example: 'retail', minLength: 1, maxLength: 64 })
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  segment!: string;

  @ApiProperty({ type: MoneyDto, description: 'estimated annual purchase volume' })
  @ValidateNested()
  @Type(() => MoneyDto)
  annualVolume!: MoneyDto;

  @ApiPropertyOptional({ type: [RelationshipDto], description: "the registering side's own existing relationship, if any" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => RelationshipDto)
  relationships?: RelationshipDto[];
}
