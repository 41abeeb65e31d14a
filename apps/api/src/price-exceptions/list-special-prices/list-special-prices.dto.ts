import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SALES_LIMITS } from '@cl/domain/sales';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { PageParams } from '../../clients/read-params';
import { DATE_PATTERN } from '../../sales/sale.dto';

export class ListSpecialPricesParams extends PageParams {
  @ApiPropertyOptional({ example: 'c-warsaw-bakeries', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId?: string;

  @ApiPropertyOptional({ example: 'PUMP-100', maxLength: SALES_LIMITS.sku, description: 'exact SKU' })
  @IsOptional()
  @IsString()
  @MaxLength(SALES_LIMITS.sku)
  sku?: string;

  @ApiPropertyOptional({
    example: '2026-03-10',
    pattern: DATE_PATTERN.source,
    description: 'only those a sale dated that day could use (valid and not revoked)',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'validOn must be a date (YYYY-MM-DD)' })
  validOn?: string;
}
