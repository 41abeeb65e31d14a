import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ID_PATTERN, NormalizedString } from '../../distributors/distributor.dto';
import { CURRENCY_PATTERN, DateProperty, SaleLineDto, SaleLinesProperty } from '../sale.dto';

export class RecordSaleDto {
  @ApiPropertyOptional({
    example: 's-2026-0042',
    pattern: ID_PATTERN.source,
    description: 'Optional; generated when absent (derived from the Idempotency-Key when one is sent)',
  })
  @IsOptional()
  @NormalizedString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'saleId must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  saleId?: string;

  @ApiProperty({ example: 'c-warsaw-bakeries', pattern: ID_PATTERN.source })
  @IsString()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId!: string;

  @DateProperty('2026-03-10', 'the date of the sale (not of recording), UTC calendar; not in the future')
  date!: string;

  @ApiProperty({ example: 'PLN', pattern: CURRENCY_PATTERN.source, description: "must be the governing policy's settlement currency" })
  @IsString()
  @Matches(CURRENCY_PATTERN, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency!: string;

  @SaleLinesProperty()
  lines!: SaleLineDto[];
}
