import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { IntegerParam, MAX_YEAR, MIN_YEAR, POLICY_ID_PATTERN } from '../report-params';

export class PromotionBudgetParams {
  @ApiPropertyOptional({
    example: 'acme-2026',
    pattern: POLICY_ID_PATTERN.source,
    description: "one policy's budget; another distributor's is a 404",
  })
  @IsOptional()
  @Matches(POLICY_ID_PATTERN, { message: 'policyId must be a policy id such as acme-2026' })
  policyId?: string;

  @ApiPropertyOptional({
    example: 2026,
    minimum: MIN_YEAR,
    maximum: MAX_YEAR,
    description: "the policies' year; default: the current year (UTC), or the policy's",
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
    description: "one distributor's budgets; a distributor naming another gets a 404",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'distributorId must be a distributor id' })
  distributorId?: string;
}

export class ActorView {
  @ApiProperty({ enum: ['company', 'distributor'] }) party!: string;
  @ApiProperty() userId!: string;
}

export class AccrualRowView {
  @ApiProperty() termsVersion!: number;
  @ApiProperty({ description: 'the budget share of the planned annual volume' }) budgetBp!: number;
  @ApiProperty() plannedAnnualMinor!: number;
  @ApiProperty() totalMinor!: number;
  @ApiProperty() companyMinor!: number;
  @ApiProperty() distributorMinor!: number;
  @ApiProperty({ description: 'total − the previous accrual' }) deltaMinor!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SpendRowView {
  @ApiProperty() spendId!: string;
  @ApiProperty({ enum: ['proposed', 'approved', 'rejected', 'settled'] }) status!: string;
  @ApiProperty() activity!: string;
  @ApiProperty({ description: 'proposed (and approved) amount' }) amountMinor!: number;
  @ApiProperty({ type: ActorView }) proposedBy!: ActorView;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty() evidenceRef!: string;
  @ApiPropertyOptional({ type: ActorView }) approvedBy?: ActorView;
  @ApiPropertyOptional({ format: 'date-time' }) approvedAt?: string;
  @ApiPropertyOptional({ type: ActorView }) rejectedBy?: ActorView;
  @ApiPropertyOptional({ format: 'date-time' }) rejectedAt?: string;
  @ApiPropertyOptional({ description: 'rejected: why' }) reason?: string;
  @ApiPropertyOptional({ type: ActorView }) settledBy?: ActorView;
  @ApiPropertyOptional({ format: 'date-time' }) settledAt?: string;
  @ApiPropertyOptional({ description: 'settled: what was actually spent' }) settledAmountMinor?: number;
  @ApiPropertyOptional() proofRef?: string;
}

export class BudgetRowView {
  @ApiProperty({ example: 'acme-2026' }) policyId!: string;
  @ApiProperty() distributorId!: string;
  @ApiProperty({ example: 'PLN' }) currency!: string;
  @ApiProperty({ description: 'of the latest accrual' }) budgetBp!: number;
  @ApiProperty({ description: 'of the latest accrual' }) plannedAnnualMinor!: number;
  @ApiProperty({ description: 'the budget under the latest accrual' }) accruedMinor!: number;
  @ApiProperty({ description: "the company's contribution to it" }) companyContributionMinor!: number;
  @ApiProperty({ description: "the distributor's contribution to it" }) distributorContributionMinor!: number;
  @ApiProperty({ description: 'proposed, not answered yet' }) proposedMinor!: number;
  @ApiProperty({ description: 'approved, not settled yet' }) approvedMinor!: number;
  @ApiProperty({ description: 'proposed + approved: spoken for, not spent' }) committedMinor!: number;
  @ApiProperty({ description: 'settled: proven spent' }) settledMinor!: number;
  @ApiProperty({ description: 'accrued − committed − settled (never negative)' }) balanceMinor!: number;
  @ApiProperty() spendCount!: number;
  @ApiProperty({ type: [AccrualRowView] }) accruals!: AccrualRowView[];
  @ApiProperty({ type: [SpendRowView], description: 'oldest proposal first' }) spends!: SpendRowView[];
}

export class PromotionBudgetReport {
  @ApiProperty({ type: Number, nullable: true, description: 'the year asked for; null when one policy was' }) year!: number | null;
  @ApiProperty({ type: String, nullable: true }) policyId!: string | null;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [BudgetRowView], description: 'by policy id' }) budgets!: BudgetRowView[];
}
