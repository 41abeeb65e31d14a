import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Matches, ValidateNested } from 'class-validator';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { MoneyDto } from '../../clients/client.dto';
import { DateProperty, ReasonProperty, SkuProperty } from '../../sales/sale.dto';

export class ApproveSpecialPriceDto {
  @ApiProperty({ example: 'c-warsaw-bakeries', pattern: ID_PATTERN.source })
  @IsString()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId!: string;

  @SkuProperty()
  sku!: string;

  @ApiProperty({ type: MoneyDto, description: 'the lowest unit price this client may be sold the SKU at' })
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice!: MoneyDto;

  @DateProperty('2026-03-01', 'first day a sale may use it (inclusive)')
  validFrom!: string;

  @DateProperty('2026-06-30', 'last day a sale may use it (inclusive)')
  validTo!: string;

  @ReasonProperty('Tender for 40 pumps against a competing offer')
  reason!: string;
}
