import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { toMillis } from '@cl/domain/policy';
import type { Side } from '@cl/domain/shared/sides';
import type { PriceComplianceKind } from '@cl/projections/sales/price-compliance.projection';
import { IsInstantOrDate, PageParams } from '../../clients/read-params';
import { SideView } from '../../clients/client-view.dto';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { SKU_PATTERN } from '../report-params';

/** A Record so that a kind added to the read model must be added here too. */
const KIND_SET: Record<PriceComplianceKind, true> = {
  'floor-refusal': true,
  'special-price-approved': true,
  'special-price-revoked': true,
  'channel-conflict': true,
  'above-discretion-band': true,
};
export const PRICE_COMPLIANCE_KINDS = Object.keys(KIND_SET) as PriceComplianceKind[];

/** `to` must lie after `from` when both are given. */
const IsAfterFrom = () =>
  ValidateBy({
    name: 'isAfterFrom',
    validator: {
      validate: (to, args) => {
        const { from } = args?.object as PriceComplianceParams;
        if (typeof from !== 'string' || typeof to !== 'string') return true;
        const [start, end] = [toMillis(from), toMillis(to)];
        return Number.isNaN(start) || Number.isNaN(end) || end > start;
      },
      defaultMessage: () => 'to must be later than from',
    },
  });

const INSTANT = 'a date (read as 00:00 UTC) or an ISO instant with an offset';

export class PriceComplianceParams extends PageParams {
  @ApiPropertyOptional({ example: '2026-03-01', description: `entries at or after this instant: ${INSTANT}` })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: `entries before this instant (exclusive): ${INSTANT}` })
  @IsOptional()
  @IsString()
  @IsInstantOrDate()
  @IsAfterFrom()
  to?: string;

  @ApiPropertyOptional({ enum: PRICE_COMPLIANCE_KINDS })
  @IsOptional()
  @IsIn(PRICE_COMPLIANCE_KINDS, { message: `kind must be one of ${PRICE_COMPLIANCE_KINDS.join(', ')}` })
  kind?: PriceComplianceKind;

  @ApiPropertyOptional({
    example: 'acme',
    pattern: ID_PATTERN.source,
    description: 'the entries that distributor sees; a distributor naming another gets a 404',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'distributorId must be a distributor id' })
  distributorId?: string;

  @ApiPropertyOptional({ example: 'c-warsaw-bakeries', pattern: ID_PATTERN.source })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'clientId must be a client id' })
  clientId?: string;

  @ApiPropertyOptional({ example: 'PUMP-100', description: 'entries about this product' })
  @IsOptional()
  @IsString()
  @Matches(SKU_PATTERN, { message: 'sku must be 1–64 characters without control characters' })
  sku?: string;
}

export class ActedByView {
  @ApiProperty({ enum: ['company', 'distributor', 'compliance', 'system'] }) party!: string;
  @ApiProperty() userId!: string;
  @ApiPropertyOptional() distributorId?: string;
}

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class PriceComplianceEntryView {
  @ApiProperty({ description: 'the event id (`<eventId>:<line>` for a sale line)' }) id!: string;
  @ApiProperty({ enum: PRICE_COMPLIANCE_KINDS }) kind!: PriceComplianceKind;
  @ApiProperty({ format: 'date-time', description: 'refused, approved, revoked or recorded at' }) at!: string;
  @ApiProperty() clientId!: string;
  @ApiPropertyOptional({ description: "the client's legal name now" }) clientLegalName?: string;
  @ApiProperty({ type: SideView, nullable: true, description: 'the seller, for entries about a sale' }) seller!: Side | null;
  @ApiProperty({ type: [String], description: 'every distributor the entry concerns' }) distributorIds!: string[];
  @ApiProperty({ type: [String] }) skus!: string[];
  @ApiProperty({ type: ActedByView }) by!: ActedByView;
  @ApiProperty({
    ...OBJECT,
    description:
      'floor-refusal: { saleId, date, currency, lines, violations }; special-price-approved: { specialPriceId, unitPrice, validFrom, ' +
      'validTo, reason }; special-price-revoked: { specialPriceId, effectiveFrom, reason }; channel-conflict: { saleId, date, ' +
      'territory, owner, ownerKey, total }; above-discretion-band: { saleId, date, territory, segment, lineIndex, quantity, ' +
      'unitPrice, floor?, maxAboveFloorBp, policyId }',
  })
  details!: Record<string, unknown>;
}

export class PriceCompliancePage {
  @ApiProperty({ type: [PriceComplianceEntryView], description: 'oldest first' }) items!: PriceComplianceEntryView[];
  @ApiProperty({ description: 'every match, not only this page' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
