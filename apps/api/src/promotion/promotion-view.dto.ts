/** What the promotion reads answer, described for the OpenAPI document. Amounts are exact: integer minor units. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SpendStatus } from '@cl/projections/promotion/promotion.projection';

const STATUSES: SpendStatus[] = ['proposed', 'approved', 'rejected', 'settled'];

export class MoneyView {
  @ApiProperty({ example: 1_800_000 }) minor!: number;
  @ApiProperty({ example: 'PLN' }) currency!: string;
}

export class PartyUserView {
  @ApiProperty({ enum: ['company', 'distributor'] }) party!: 'company' | 'distributor';
  @ApiProperty() userId!: string;
}

export class AccruedView {
  @ApiProperty({ type: MoneyView, description: 'the whole budget under the latest accrual' }) total!: MoneyView;
  @ApiProperty({ type: MoneyView, description: "the company's contribution" }) company!: MoneyView;
  @ApiProperty({ type: MoneyView, description: "the distributor's contribution" }) distributor!: MoneyView;
}

export class AccrualView extends AccruedView {
  @ApiProperty({ description: 'the terms version it accrued under' }) termsVersion!: number;
  @ApiProperty({ example: 150, description: 'the budget share of the planned volume, basis points' }) budgetBp!: number;
  @ApiProperty({ type: MoneyView }) plannedAnnual!: MoneyView;
  @ApiProperty({ type: MoneyView, description: "total minus the previous accrual's total" }) delta!: MoneyView;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SpendView {
  @ApiProperty() spendId!: string;
  @ApiProperty({ enum: STATUSES }) status!: SpendStatus;
  @ApiProperty({ type: PartyUserView }) proposedBy!: PartyUserView;
  @ApiProperty() activity!: string;
  @ApiProperty({ type: MoneyView, description: 'proposed (and, once approved, what may be spent)' }) amount!: MoneyView;
  @ApiProperty() evidenceRef!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ type: PartyUserView }) approvedBy?: PartyUserView;
  @ApiPropertyOptional({ format: 'date-time' }) approvedAt?: string;
  @ApiPropertyOptional({ type: PartyUserView }) rejectedBy?: PartyUserView;
  @ApiPropertyOptional({ format: 'date-time' }) rejectedAt?: string;
  @ApiPropertyOptional({ description: 'why it was rejected' }) reason?: string;
  @ApiPropertyOptional({ type: PartyUserView }) settledBy?: PartyUserView;
  @ApiPropertyOptional({ format: 'date-time' }) settledAt?: string;
  @ApiPropertyOptional({ type: MoneyView, description: 'what was actually spent' }) settledAmount?: MoneyView;
  @ApiPropertyOptional() proofRef?: string;
  @ApiProperty({ description: 'revision of the ledger event that last changed it' }) revision!: number;
}

export class BudgetView {
  @ApiProperty({ example: 'acme-2026' }) policyId!: string;
  @ApiProperty({ example: 'acme' }) distributorId!: string;
  @ApiProperty({ example: 'PLN' }) currency!: string;
  @ApiProperty({ type: AccruedView }) accrued!: AccruedView;
  @ApiProperty({ type: MoneyView, description: 'proposed, awaiting a decision' }) proposed!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'approved, not settled yet' }) approved!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'proposed + approved: spoken for, not spent yet' }) committed!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'the amounts proven spent' }) settled!: MoneyView;
  @ApiProperty({ type: MoneyView, description: 'accrued − committed − settled; below zero only after an amendment lowered the budget' })
  balance!: MoneyView;
  @ApiProperty({
    type: [AccrualView],
    description: 'every accrual in order: on coming into force, then per amendment that changed the budget',
  })
  accruals!: AccrualView[];
  @ApiProperty({ type: [SpendView], description: 'every spend, oldest first' }) spends!: SpendView[];
  @ApiProperty({ description: 'revision of the ledger stream (any event); also the ETag' }) revision!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
