import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { NormalizedString, TERRITORY_PATTERN } from '../../distributors/distributor.dto';
import { PageParams } from '../read-params';

/** 'company', 'distributor:<id>' or 'none' (no owner). */
export const OWNER_FILTER = /^(company|none|distributor:[A-Za-z0-9][A-Za-z0-9_-]{0,63})$/;

export class ListClientsParams extends PageParams {
  @ApiPropertyOptional({ example: 'distributor:acme', pattern: OWNER_FILTER.source, description: "'company', 'distributor:<id>' or 'none'" })
  @IsOptional()
  @Matches(OWNER_FILTER, { message: "owner must be 'company', 'distributor:<id>' or 'none'" })
  owner?: string;

  @ApiPropertyOptional({ example: 'PL', pattern: TERRITORY_PATTERN.source, description: 'the territory or any subdivision of it (PL matches PL-MZ)' })
  @IsOptional()
  @Matches(TERRITORY_PATTERN, { message: 'territory must be an ISO 3166 code such as PL or PL-MZ' })
  territory?: string;

  @ApiPropertyOptional({ example: 'retail', maxLength: 64, description: 'exact segment' })
  @IsOptional()
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  segment?: string;

  @ApiPropertyOptional({ example: 'bakeries', maxLength: 100, description: 'a part of the legal name, case-insensitive' })
  @IsOptional()
  @NormalizedString()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}
