import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { TERRITORY_PATTERN } from '../../distributors/distributor.dto';
import { IntegerParam, MONTH_PATTERN, SKU_PATTERN } from '../report-params';

/** `to` must not lie before `from` when both are given (months compare as text). */
const IsNotBeforeFrom = () =>
  ValidateBy({
    name: 'isNotBeforeFrom',
    validator: {
      validate: (to, args) => {
        const { from } = args?.object as NonDiscriminationParams;
        return typeof from !== 'string' || typeof to !== 'string' || !MONTH_PATTERN.test(from) || to >= from;
      },
      defaultMessage: () => 'to must not be before from',
    },
  });

export class NonDiscriminationParams {
  @ApiPropertyOptional({
    example: 'PL',
    pattern: TERRITORY_PATTERN.source,
    description: 'the territory or any subdivision of it (PL covers PL-MZ)',
  })
  @IsOptional()
  @Matches(TERRITORY_PATTERN, { message: 'territory must be an ISO 3166 code such as PL or PL-MZ' })
  territory?: string;

  @ApiPropertyOptional({ example: 'PUMP-100' })
  @IsOptional()
  @IsString()
  @Matches(SKU_PATTERN, { message: 'sku must be 1–64 characters without control characters' })
  sku?: string;

  @ApiPropertyOptional({ example: '2026-01', pattern: MONTH_PATTERN.source, description: 'the first month (inclusive), YYYY-MM' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'from must be a month such as 2026-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03', pattern: MONTH_PATTERN.source, description: 'the last month (inclusive), YYYY-MM' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'to must be a month such as 2026-03' })
  @IsNotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 10_000,
    description: 'basis points of the lower price; default NON_DISCRIMINATION_TOLERANCE_BP (200 = 2%)',
  })
  @IsOptional()
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(10_000)
  toleranceBp?: number;
}

export class ChannelPriceView {
  @ApiProperty({ example: 'distributor:acme', description: "'company' or 'distributor:<id>'" }) channel!: string;
  @ApiProperty({ description: 'units sold, net of corrections and cancellations' }) quantity!: number;
  @ApiProperty({ description: 'what they were sold for, in minor units' }) amountMinor!: number;
  @ApiProperty({ example: '125555.56', description: 'amountMinor / quantity in minor units, rounded to two decimals for reading' })
  unitPriceMinor!: string;
}

export class PriceDifferenceView {
  @ApiProperty({ description: 'the channel with the lower price' }) lower!: string;
  @ApiProperty({ description: 'the channel with the higher price' }) higher!: string;
  @ApiProperty() lowerUnitPriceMinor!: string;
  @ApiProperty() higherUnitPriceMinor!: string;
  @ApiProperty({ type: Number, nullable: true, description: '(high − low) / low in bp, floored; null when the lower price is zero' })
  differenceBp!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '7.52%' }) difference!: string | null;
}

export class SaleBehindView {
  @ApiProperty() saleId!: string;
  @ApiProperty({ description: 'the selling channel' }) channel!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) date!: string;
  @ApiProperty({ description: 'units of the SKU in the sale' }) quantity!: number;
  @ApiProperty({ description: 'their line totals, in minor units' }) amountMinor!: number;
  @ApiProperty() unitPriceMinor!: string;
}

export class PriceGroupView {
  @ApiProperty({ example: 'PL-MZ', description: "the clients' territory" }) territory!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [ChannelPriceView], description: 'company first, then distributors by id' }) channels!: ChannelPriceView[];
  @ApiProperty({ type: [PriceDifferenceView], description: 'the pairs of channels further apart than the tolerance' })
  differences!: PriceDifferenceView[];
  @ApiProperty({ type: [SaleBehindView], description: 'when there are differences: the sales of the channels involved' })
  sales!: SaleBehindView[];
}

export class NonDiscriminationReport {
  @ApiProperty() toleranceBp!: number;
  @ApiProperty({ example: '2.00%' }) tolerance!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [PriceGroupView], description: 'by territory, SKU, month and currency' }) groups!: PriceGroupView[];
}
