import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { PageParams, SIDE_KEY_PATTERN } from '../../clients/read-params';
import { DATE_PATTERN } from '../sale.dto';

/** A plan period: '2026-03' (month) or '2026-Q1' (quarter). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export class ListSalesParams extends PageParams {
  @ApiPropertyOptional({ example: 'c-warsaw-bakeries', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId?: string;

  @ApiPropertyOptional({
    example: 'distributor:acme',
    pattern: SIDE_KEY_PATTERN.source,
    description: "the seller: 'company' or 'distributor:<id>'",
  })
  @IsOptional()
  @Matches(SIDE_KEY_PATTERN, { message: "sellerKey must be 'company' or 'distributor:<id>'" })
  sellerKey?: string;

  @ApiPropertyOptional({ example: '2026-03-01', pattern: DATE_PATTERN.source, description: 'sale date from (inclusive)' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', pattern: DATE_PATTERN.source, description: 'sale date to (inclusive)' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({
    example: '2026-03',
    pattern: PERIOD_PATTERN.source,
    description: "the governing policy's plan period the sale counts in",
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: "period must be a plan period such as '2026-03' or '2026-Q1'" })
  period?: string;
}
