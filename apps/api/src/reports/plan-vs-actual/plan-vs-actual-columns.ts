/**
 * GET /reports/plan-vs-actual as CSV: one table holding the period rows, then the distributor
 * totals, then the company totals, told apart by `rowType`; a column that does not apply is empty.
 */
import type { CsvColumn, CsvValue } from '../../shared/csv';
import type { CompanyTotalView, DistributorTotalView, PlanVsActualReport, PlanVsActualRow } from './plan-vs-actual.dto';

export type PlanCsvRow =
  | ({ rowType: 'period' } & PlanVsActualRow)
  | ({ rowType: 'distributor-total' } & DistributorTotalView)
  | ({ rowType: 'company-total' } & CompanyTotalView);

export function planCsvRows(report: PlanVsActualReport): PlanCsvRow[] {
  return [
    ...report.rows.map((r) => ({ rowType: 'period' as const, ...r })),
    ...report.distributorTotals.map((r) => ({ rowType: 'distributor-total' as const, ...r })),
    ...report.companyTotals.map((r) => ({ rowType: 'company-total' as const, ...r })),
  ];
}

/** A column only some kinds of row have. */
const field = (key: string) => (r: PlanCsvRow) => (r as unknown as Record<string, CsvValue>)[key];
const period = (r: PlanCsvRow) => (r.rowType === 'period' ? r : undefined);

export const PLAN_COLUMNS: readonly CsvColumn<PlanCsvRow>[] = [
  { header: 'rowType', description: 'period, distributor-total or company-total', value: (r) => r.rowType },
  { header: 'distributorId', description: 'period and distributor-total rows', value: field('distributorId') },
  { header: 'policyId', description: 'period rows', value: field('policyId') },
  { header: 'period', description: 'period and company-total rows: 2026-03 or 2026-Q1', value: field('period') },
  { header: 'currency', description: 'ISO 4217; amounts are integer minor units of it', value: (r) => r.currency },
  { header: 'planMinor', description: 'the plan (totals: the sum); empty when no terms planned the period', value: (r) => r.planMinor },
  { header: 'actualMinor', description: 'sales net of corrections and cancellations (totals: the sum)', value: (r) => r.actualMinor },
  { header: 'salesCount', description: 'period rows: sales counted', value: field('salesCount') },
  { header: 'attainmentBp', description: 'actual / plan in basis points, floored (totals: of the sums)', value: (r) => r.attainmentBp },
  { header: 'attainment', description: 'the same as a percentage with two decimals', value: (r) => r.attainment },
  { header: 'bonusMode', description: 'period rows: retroactive or incremental', value: field('bonusMode') },
  { header: 'tierThresholdBp', description: 'period rows: the highest tier reached', value: field('tierThresholdBp') },
  { header: 'bonusMinor', description: 'the bonus the tiers give so far (totals: the sum)', value: (r) => r.bonusMinor },
  { header: 'closed', description: 'period rows: true once the period was closed', value: field('closed') },
  { header: 'closedAt', description: 'closed periods: when', value: (r) => period(r)?.settlement?.closedAt },
  {
    header: 'settledActualMinor',
    description: 'closed periods: the actual settled so far',
    value: (r) => period(r)?.settlement?.settledActualMinor,
  },
  {
    header: 'settledBonusMinor',
    description: 'closed periods: the bonus settled so far; distributor totals: the sum',
    value: (r) => (r.rowType === 'period' ? r.settlement?.settledBonusMinor : field('settledBonusMinor')(r)),
  },
  {
    header: 'payableMinor',
    description: 'closed periods: what the close paid, adjustments included',
    value: (r) => period(r)?.settlement?.payableMinor,
  },
  {
    header: 'pendingAdjustmentMinor',
    description: 'closed periods: actual − settled actual (the next close adjusts it)',
    value: field('pendingAdjustmentMinor'),
  },
  { header: 'periods', description: 'distributor totals: periods summed', value: field('periods') },
  { header: 'closedPeriods', description: 'distributor totals: closed periods among them', value: field('closedPeriods') },
  { header: 'distributors', description: 'company totals: distributors with the period', value: field('distributors') },
];
