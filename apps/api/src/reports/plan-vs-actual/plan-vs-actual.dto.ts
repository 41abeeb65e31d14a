import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, Max, Min, IsInt, ValidateBy } from 'class-validator';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { IntegerParam, MAX_YEAR, MIN_YEAR, PERIOD_PATTERN } from '../report-params';

/** A period given with a year must lie in it (a period alone sets the year). */
const IsInYear = () =>
  ValidateBy({
    name: 'isInYear',
    validator: {
      validate: (period, args) => {
        const { year } = args?.object as PlanVsActualParams;
        return typeof period !== 'string' || typeof year !== 'number' || period.startsWith(`${year}-`);
      },
      defaultMessage: () => 'period must lie in the year asked for',
    },
  });

export class PlanVsActualParams {
  @ApiPropertyOptional({
    example: 2026,
    minimum: MIN_YEAR,
    maximum: MAX_YEAR,
    description: "the policy year; default: the period's year, else the current year (UTC)",
  })
  @IsOptional()
  @IntegerParam()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({
    example: 'acme',
    pattern: ID_PATTERN.source,
    description: "one distributor's rows; a distributor naming another gets a 404",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'distributorId must be a distributor id' })
  distributorId?: string;

  @ApiPropertyOptional({
    example: '2026-03',
    pattern: PERIOD_PATTERN.source,
    description: 'one plan period: a month (2026-03) or a quarter (2026-Q1)',
  })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be a month (2026-03) or a quarter (2026-Q1)' })
  @IsInYear()
  period?: string;
}

export class AdjustmentReceivedView {
  @ApiProperty({ description: 'the period whose close recorded the adjustment' }) closedIn!: string;
  @ApiProperty() actualDeltaMinor!: number;
  @ApiProperty({ description: 'may be negative: a bonus clawed back' }) bonusDeltaMinor!: number;
  @ApiProperty() actualNowMinor!: number;
  @ApiProperty() attainmentBpNow!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AdjustmentCarriedView {
  @ApiProperty({ description: 'the earlier period adjusted by this close' }) period!: string;
  @ApiProperty() actualDeltaMinor!: number;
  @ApiProperty() bonusDeltaMinor!: number;
}

export class SettlementView {
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ description: 'the terms version the close used' }) termsVersion!: number;
  @ApiProperty() planMinor!: number;
  @ApiProperty({ description: 'the actual at the close' }) actualMinor!: number;
  @ApiProperty() attainmentBp!: number;
  @ApiProperty({ example: '107.56%' }) attainment!: string;
  @ApiProperty() bonusMinor!: number;
  @ApiProperty({ type: Number, nullable: true }) tierThresholdBp!: number | null;
  @ApiProperty({ description: 'bonus + the adjustments this close carried' }) payableMinor!: number;
  @ApiProperty({ format: 'date-time' }) paymentDue!: string;
  @ApiProperty({ description: 'the actual settled so far: at the close, then as later closes adjusted it' }) settledActualMinor!: number;
  @ApiProperty() settledBonusMinor!: number;
  @ApiProperty() settledAttainmentBp!: number;
  @ApiProperty({ type: [AdjustmentReceivedView], description: "later closes' adjustments of this period" })
  adjustments!: AdjustmentReceivedView[];
  @ApiProperty({ type: [AdjustmentCarriedView], description: "this close's adjustments of earlier periods" })
  adjustmentsCarried!: AdjustmentCarriedView[];
}

export class PlanVsActualRow {
  @ApiProperty() distributorId!: string;
  @ApiProperty({ example: 'acme-2026' }) policyId!: string;
  @ApiProperty({ example: '2026-03' }) period!: string;
  @ApiProperty({ format: 'date-time', description: 'the first instant after the period' }) periodEnd!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the terms version governing at the end of the period' }) termsVersion!:
    number | null;
  @ApiProperty({ example: 'PLN' }) currency!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: the terms governing then plan no such period' }) planMinor!:
    number | null;
  @ApiProperty({ description: 'sales under the policy dated in the period, net of corrections and cancellations' }) actualMinor!: number;
  @ApiProperty({ description: 'sales counted (recorded minus cancelled)' }) salesCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'actual / plan in bp, floored' }) attainmentBp!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '107.56%' }) attainment!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['retroactive', 'incremental'] }) bonusMode!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the highest tier reached (bp)' }) tierThresholdBp!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the bonus the tiers give the actual so far' }) bonusMinor!: number | null;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ type: SettlementView, nullable: true }) settlement!: SettlementView | null;
  @ApiProperty({ type: Number, nullable: true, description: 'closed: actual − settled actual, what the next close will adjust' })
  pendingAdjustmentMinor!: number | null;
}

export class DistributorTotalView {
  @ApiProperty() distributorId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Σ plan of the rows' }) planMinor!: number;
  @ApiProperty({ description: 'Σ actual of the rows' }) actualMinor!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'of the sums' }) attainmentBp!: number | null;
  @ApiProperty({ type: String, nullable: true }) attainment!: string | null;
  @ApiProperty({ description: 'Σ bonus the tiers give so far' }) bonusMinor!: number;
  @ApiProperty({ description: 'Σ bonus settled by closes' }) settledBonusMinor!: number;
  @ApiProperty() periods!: number;
  @ApiProperty() closedPeriods!: number;
}

export class CompanyTotalView {
  @ApiProperty() period!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Σ over distributors' }) planMinor!: number;
  @ApiProperty({ description: 'Σ over distributors' }) actualMinor!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'of the sums' }) attainmentBp!: number | null;
  @ApiProperty({ type: String, nullable: true }) attainment!: string | null;
  @ApiProperty() bonusMinor!: number;
  @ApiProperty({ description: 'how many distributors have the period' }) distributors!: number;
}

export class PlanVsActualReport {
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [PlanVsActualRow], description: 'by distributor, then period' }) rows!: PlanVsActualRow[];
  @ApiProperty({ type: [DistributorTotalView] }) distributorTotals!: DistributorTotalView[];
  @ApiProperty({ type: [CompanyTotalView], description: 'per period, over the rows the caller sees' }) companyTotals!: CompanyTotalView[];
}
