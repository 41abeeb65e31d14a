/** DTO pieces the sale routes share. The domain re-checks each value (a real date, safe totals, the sale's currency) and names the field. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SALES_LIMITS, type SaleLineInput } from '@cl/domain/sales';
import { applyAll, ID_PATTERN, NormalizedString } from '../distributors/distributor.dto';
import { MoneyDto } from '../clients/client.dto';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export class SaleIdParam {
  @ApiProperty({ example: 's-2026-0042', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'id must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  id!: string;
}

/** A product code as the policy's floors name it: matched exactly, so it is not trimmed (the domain refuses padding). */
export const SkuProperty = () =>
  applyAll([
    ApiProperty({ example: 'PUMP-100', minLength: 1, maxLength: SALES_LIMITS.sku }),
    IsString(),
    MinLength(1),
    MaxLength(SALES_LIMITS.sku),
    Matches(/^\P{Cc}*$/u, { message: 'sku must not contain control characters' }),
  ]);

/** A date (YYYY-MM-DD); the domain checks that it is a real one. */
export const DateProperty = (example: string, description: string) =>
  applyAll([
    ApiProperty({ example, pattern: DATE_PATTERN.source, description }),
    IsString(),
    Matches(DATE_PATTERN, { message: '$property must be a date (YYYY-MM-DD)' }),
  ]);

export const ReasonProperty = (example: string) =>
  applyAll([
    ApiProperty({ example, minLength: 1, maxLength: SALES_LIMITS.reason }),
    NormalizedString(),
    IsString(),
    MinLength(1),
    MaxLength(SALES_LIMITS.reason),
  ]);

export class SaleLineDto {
  @SkuProperty()
  sku!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;

  @ApiProperty({ type: MoneyDto, description: "per unit, in the sale's currency" })
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice!: MoneyDto;
}

export const SaleLinesProperty = () =>
  applyAll([
    ApiProperty({ type: [SaleLineDto], minItems: 1, maxItems: SALES_LIMITS.lines }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(SALES_LIMITS.lines),
    ValidateNested({ each: true }),
    Type(() => SaleLineDto),
  ]);

/** The lines rebuilt from the DTO, so nothing else the caller sent reaches the command. */
export const linesOf = (lines: readonly SaleLineDto[]): SaleLineInput[] =>
  lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice: { minor: unitPrice.minor, currency: unitPrice.currency } }));
