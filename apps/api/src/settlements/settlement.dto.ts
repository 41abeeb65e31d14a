/** The settlement routes' parameters and what they answer, described for the OpenAPI document. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { BonusMode } from '@cl/domain/policy';
import { PolicyIdParam } from '../policies/policy.dto';

/** A plan period label: a month (2026-03) or a quarter (2026-Q1), as the policy's plan names them. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export class PeriodParams extends PolicyIdParam {
  @ApiProperty({ example: '2026-03', pattern: PERIOD_PATTERN.source, description: 'a plan period of the policy: YYYY-MM or YYYY-Qn' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a plan period such as 2026-03 or 2026-Q1' })
  period!: string;
}

export class MoneyView {
  @ApiProperty({ example: 10_000_000 }) minor!: number;
  @ApiProperty({ example: 'PLN' }) currency!: string;
}

export class PeriodAdjustmentView {
  @ApiProperty({ example: '2026-01', description: 'the earlier period whose actual moved since its close' }) period!: string;
  @ApiProperty({ type: MoneyView, description: 'the actual settled for it so far' }) settledActual!: MoneyView;
  @ApiProperty({ type: MoneyView }) actualNow!: MoneyView;
  @ApiProperty({ type: MoneyView }) actualDelta!: MoneyView;
  @ApiProperty({
    type: MoneyView,
    description: 'its bonus recomputed on actualNow (with the plan and tiers it was settled with) minus what was settled; may be negative',
  })
  bonusDelta!: MoneyView;
  @ApiProperty() attainmentBpNow!: number;
}

export class BonusTierView {
  @ApiProperty({ example: 10_000 }) thresholdBp!: number;
  @ApiProperty({ example: 200 }) rateBp!: number;
}

export class BonusTermsView {
  @ApiProperty({ enum: ['retroactive', 'incremental'] }) mode!: BonusMode;
  @ApiProperty({ type: [BonusTierView] }) tiers!: BonusTierView[];
}

/** The PeriodClosed event's data, as POST …/close answers it. */
export class PeriodClosedView {
  @ApiProperty({ example: 'acme-2026' }) policyId!: string;
  @ApiProperty({ example: '2026-03' }) period!: string;
  @ApiProperty({ description: 'the terms version in force at the end of the period' }) termsVersion!: number;
  @ApiProperty({ type: MoneyView }) plan!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'net of corrections and cancellations, every sale booked up to salesUpToPosition' })
  actual!: MoneyView;
  @ApiProperty({ example: 10_250, description: 'actual / plan in basis points (10000 = 100%)' }) attainmentBp!: number;
  @ApiProperty({ enum: ['retroactive', 'incremental'] }) bonusMode!: BonusMode;
  @ApiProperty({ type: BonusTermsView }) bonusTerms!: BonusTermsView;
  @ApiPropertyOptional({ description: 'the highest tier reached, absent when none' }) tierThresholdBp?: number;
  @ApiProperty({ type: MoneyView }) bonus!: MoneyView;
  @ApiProperty({ type: [PeriodAdjustmentView], description: 'late changes to periods closed before' }) adjustments!: PeriodAdjustmentView[];
  @ApiProperty({ type: MoneyView, description: 'bonus + Σ adjustments.bonusDelta; may be negative (money owed back)' }) payable!: MoneyView;
  @ApiProperty() paymentTermsDays!: number;
  @ApiProperty({ format: 'date-time' }) paymentDue!: string;
  @ApiProperty({ description: 'the global log position the sales were counted up to' }) salesUpToPosition!: number;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ description: 'revision of the settlement stream; also the ETag' }) revision!: number;
}

export class ReceivedAdjustmentView {
  @ApiProperty({ example: '2026-02', description: 'the close that recorded it' }) closedIn!: string;
  @ApiProperty({ type: MoneyView }) actualDelta!: MoneyView;
  @ApiProperty({ type: MoneyView }) bonusDelta!: MoneyView;
  @ApiProperty({ type: MoneyView }) actualNow!: MoneyView;
  @ApiProperty() attainmentBpNow!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SettledSoFarView {
  @ApiProperty({ type: MoneyView }) actual!: MoneyView;
  @ApiProperty({ type: MoneyView }) bonus!: MoneyView;
  @ApiProperty() attainmentBp!: number;
}

export class SettlementView {
  @ApiProperty({ example: '2026-03' }) period!: string;
  @ApiProperty() termsVersion!: number;
  @ApiProperty({ type: MoneyView }) plan!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'at the close' }) actual!: MoneyView;
  @ApiProperty() attainmentBp!: number;
  @ApiProperty({ enum: ['retroactive', 'incremental'] }) bonusMode!: BonusMode;
  @ApiPropertyOptional({ type: Number, nullable: true }) tierThresholdBp!: number | null;
  @ApiProperty({ type: MoneyView }) bonus!: MoneyView;
  @ApiProperty({ type: [PeriodAdjustmentView], description: 'adjustments to earlier periods this close paid' })
  adjustmentsCarried!: PeriodAdjustmentView[];
  @ApiProperty({ type: MoneyView }) payable!: MoneyView;
  @ApiProperty() paymentTermsDays!: number;
  @ApiProperty({ format: 'date-time' }) paymentDue!: string;
  @ApiProperty() salesUpToPosition!: number;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ type: SettledSoFarView, description: 'this period as settled so far: at its close, then as later closes adjusted it' })
  settled!: SettledSoFarView;
  @ApiProperty({ type: [ReceivedAdjustmentView], description: "later closes' changes to this period" })
  adjustments!: ReceivedAdjustmentView[];
  @ApiProperty() revision!: number;
}

export class SettlementList {
  @ApiProperty({ example: 'acme-2026' }) policyId!: string;
  @ApiProperty({ type: [SettlementView], description: 'closed periods in calendar order' }) settlements!: SettlementView[];
}
