/**
 * GET /reports/promotion-budget as CSV: each budget's row, followed by one row per spend of it,
 * told apart by `rowType`; a column that does not apply is empty.
 */
import type { CsvColumn } from '../../shared/csv';
import type { BudgetRowView, PromotionBudgetReport, SpendRowView } from './promotion-budget.dto';

export interface BudgetCsvRow {
  rowType: 'budget' | 'spend';
  budget: BudgetRowView;
  spend?: SpendRowView;
}

export function budgetCsvRows(report: PromotionBudgetReport): BudgetCsvRow[] {
  return report.budgets.flatMap((budget) => [
    { rowType: 'budget' as const, budget },
    ...budget.spends.map((spend) => ({ rowType: 'spend' as const, budget, spend })),
  ]);
}

const onBudget =
  <T>(value: (b: BudgetRowView) => T) =>
  (r: BudgetCsvRow) =>
    r.rowType === 'budget' ? value(r.budget) : undefined;
const actorCell = (a?: { party: string; userId: string }) => a && `${a.party}:${a.userId}`;

export const BUDGET_COLUMNS: readonly CsvColumn<BudgetCsvRow>[] = [
  { header: 'rowType', description: 'budget, or spend (of the budget above it)', value: (r) => r.rowType },
  { header: 'policyId', description: 'the policy', value: (r) => r.budget.policyId },
  { header: 'distributorId', description: "the policy's distributor", value: (r) => r.budget.distributorId },
  { header: 'currency', description: 'ISO 4217; amounts are integer minor units of it', value: (r) => r.budget.currency },
  { header: 'budgetBp', description: 'budget rows: share of the planned annual volume', value: onBudget((b) => b.budgetBp) },
  { header: 'plannedAnnualMinor', description: 'budget rows: the planned annual volume', value: onBudget((b) => b.plannedAnnualMinor) },
  { header: 'accruedMinor', description: 'budget rows: the budget accrued', value: onBudget((b) => b.accruedMinor) },
  {
    header: 'companyContributionMinor',
    description: "budget rows: the company's share",
    value: onBudget((b) => b.companyContributionMinor),
  },
  {
    header: 'distributorContributionMinor',
    description: "budget rows: the distributor's share",
    value: onBudget((b) => b.distributorContributionMinor),
  },
  { header: 'committedMinor', description: 'budget rows: proposed + approved, not settled', value: onBudget((b) => b.committedMinor) },
  { header: 'settledMinor', description: 'budget rows: settled spend', value: onBudget((b) => b.settledMinor) },
  { header: 'balanceMinor', description: 'budget rows: accrued − committed − settled', value: onBudget((b) => b.balanceMinor) },
  { header: 'spendId', description: 'spend rows', value: (r) => r.spend?.spendId },
  { header: 'status', description: 'spend rows: proposed, approved, rejected or settled', value: (r) => r.spend?.status },
  { header: 'activity', description: 'spend rows: what the money is for', value: (r) => r.spend?.activity },
  { header: 'proposedBy', description: "spend rows: '<party>:<userId>'", value: (r) => actorCell(r.spend?.proposedBy) },
  { header: 'amountMinor', description: 'spend rows: the amount proposed', value: (r) => r.spend?.amountMinor },
  { header: 'settledAmountMinor', description: 'settled spends: the amount proven spent', value: (r) => r.spend?.settledAmountMinor },
  { header: 'proposedAt', description: 'spend rows', value: (r) => r.spend?.proposedAt },
  { header: 'answeredAt', description: 'spend rows: approved or rejected at', value: (r) => r.spend?.approvedAt ?? r.spend?.rejectedAt },
  { header: 'settledAt', description: 'settled spends', value: (r) => r.spend?.settledAt },
  { header: 'evidenceRef', description: 'spend rows: the evidence of the proposal', value: (r) => r.spend?.evidenceRef },
  { header: 'proofRef', description: 'settled spends: the proof of the spending', value: (r) => r.spend?.proofRef },
];
