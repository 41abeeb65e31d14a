import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Side } from '@cl/domain/shared/sides';
import { SideView } from '../../clients/client-view.dto';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { PlanVsActualRow } from '../plan-vs-actual/plan-vs-actual.dto';
import { ActedByView } from '../price-compliance/price-compliance.dto';
import { MONTH_PATTERN } from '../report-params';

export class MonthlyParams {
  @ApiPropertyOptional({
    example: 'acme',
    pattern: ID_PATTERN.source,
    description: 'one distributor; default: the caller (a distributor) or every distributor',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'distributorId must be a distributor id' })
  distributorId?: string;

  @ApiPropertyOptional({ example: '2026-03', pattern: MONTH_PATTERN.source, description: 'YYYY-MM; default: the current month (UTC)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'month must be a month such as 2026-03' })
  month?: string;
}

export class AmountView {
  @ApiProperty() currency!: string;
  @ApiProperty() amountMinor!: number;
}

export class SkuSalesView {
  @ApiProperty() sku!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() amountMinor!: number;
}

export class MonthSalesView {
  @ApiProperty({ description: 'sales dated in the month and not cancelled' }) count!: number;
  @ApiProperty({ description: 'sales dated in the month, cancelled since' }) cancelledCount!: number;
  @ApiProperty({ type: [AmountView], description: 'their totals (corrections applied), per currency' }) totals!: AmountView[];
  @ApiProperty({ type: [SkuSalesView] }) bySku!: SkuSalesView[];
}

export class OwnSalesView extends MonthSalesView {
  @ApiProperty({ description: 'sales dated in the month refused below the floor' }) refusedCount!: number;
}

export class ClaimRowView {
  @ApiProperty() id!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: SideView }) claimant!: Side;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['claimed', 'disputed'] }) outcome!: string;
  @ApiPropertyOptional() disputeId?: string;
}

export class TransferRequestRowView {
  @ApiProperty() requestId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: SideView }) from!: Side;
  @ApiProperty({ type: SideView }) to!: Side;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueBy!: string;
  @ApiProperty() status!: string;
}

export class TransferRowView {
  @ApiProperty() transferId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: SideView, nullable: true }) from!: Side | null;
  @ApiProperty({ type: SideView }) to!: Side;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['request', 'owner-initiative', 'dispute'] }) cause!: string;
}

export class DisputeRowView {
  @ApiProperty() disputeId!: string;
  @ApiProperty({ enum: ['client', 'sale', 'price'] }) subjectKind!: string;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ['open', 'resolved', 'withdrawn'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
}

export class ComplianceRowView {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ type: [String] }) skus!: string[];
  @ApiProperty({ type: ActedByView }) by!: ActedByView;
}

export class SpendMonthView {
  @ApiProperty() spendId!: string;
  @ApiProperty() policyId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() activity!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() amountMinor!: number;
  @ApiPropertyOptional() settledAmountMinor?: number;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) approvedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) rejectedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) settledAt?: string;
}

export class ObligationRowView {
  @ApiProperty({ description: "the distributor's policy of the month's year" }) policyId!: string;
  @ApiProperty({ example: 'report:2026-02', description: 'as GET /policies/{id}/obligations names it' }) obligationId!: string;
  @ApiProperty({ enum: ['qualification', 'sales-script', 'commitment', 'report', 'meeting', 'payment'] }) kind!: string;
  @ApiProperty({ enum: ['distributor', 'company'], description: 'who owes it' }) responsibleParty!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date', description: 'the last day on which keeping it is on time' }) due!: string;
  @ApiPropertyOptional({ format: 'date', description: 'for one kept late: the day it was kept' }) fulfilledOn?: string;
}

export class OverdueObligationRowView extends ObligationRowView {
  @ApiPropertyOptional({ type: AmountView, description: 'for a settlement payment: what is still unpaid at asOf' })
  outstanding?: AmountView;
}

export class MonthlyDistributorReport {
  @ApiProperty() distributorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: "the distributor's policy of the month's year, if any" }) policyId!:
    string | null;
  @ApiProperty({ type: [String], description: 'its territories for the month: of the terms governing at its end, else those in force now' })
  territories!: string[];
  @ApiProperty({ type: OwnSalesView, description: 'its own sales dated in the month' }) sales!: OwnSalesView;
  @ApiProperty({ type: MonthSalesView, description: "the company's direct sales dated in the month to clients in its territories" })
  companySalesInTerritories!: MonthSalesView;
  @ApiProperty({ type: PlanVsActualRow, nullable: true, description: 'the plan period containing the month' })
  planVsActual!: PlanVsActualRow | null;
  @ApiProperty({ type: [ClaimRowView], description: 'claims in the month it made or that contested its ownership' })
  claims!: ClaimRowView[];
  @ApiProperty({ type: [TransferRequestRowView], description: 'hand-over requests made in the month, to or by it' })
  transferRequests!: TransferRequestRowView[];
  @ApiProperty({ type: [TransferRowView], description: 'clients moved to or from it in the month' }) transfers!: TransferRowView[];
  @ApiProperty({ type: [DisputeRowView], description: 'disputes it is a party to, opened or closed in the month' })
  disputes!: DisputeRowView[];
  @ApiProperty({ type: [ComplianceRowView], description: 'price-compliance entries of the month it sees' })
  priceCompliance!: ComplianceRowView[];
  @ApiProperty({ type: [SpendMonthView], description: 'promotion spends proposed, answered or settled in the month' })
  promotionSpends!: SpendMonthView[];
  @ApiProperty({ type: [TransferRequestRowView], description: 'requests to or by it pending past their due date now' })
  overdueTransferRequests!: TransferRequestRowView[];
  @ApiProperty({
    type: [OverdueObligationRowView],
    description:
      "obligations of its policy of the month's year, either party's, due by the month's last day and overdue at asOf (a missing periodic " +
      'report, an unpaid settlement with what is outstanding, a qualification, script, commitment or meeting not kept), in due order',
  })
  overdueObligations!: OverdueObligationRowView[];
  @ApiProperty({
    type: [ObligationRowView],
    description:
      'obligations of that policy kept late on a day of the month (a report submitted, a meeting held, evidence dated or the last instalment paid after the due day)',
  })
  obligationsKeptLate!: ObligationRowView[];
}

export class MonthlyReport {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ format: 'date-time', description: 'the instant overdue (hand-over requests, obligations) was judged at' }) asOf!: string;
  @ApiProperty({ type: [MonthlyDistributorReport], description: 'by distributor id' }) reports!: MonthlyDistributorReport[];
}
