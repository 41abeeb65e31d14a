/**
 * GET /reports/monthly as CSV: a flattened summary, one row per distributor — the counts and sums of
 * each part of the JSON report, which lists the facts themselves.
 */
import type { CsvColumn } from '../../shared/csv';
import type { AmountView, MonthlyDistributorReport } from './monthly.dto';

/** `PLN 11318000`, several currencies separated by '; '. */
const amounts = (totals: readonly AmountView[]) => totals.map((t) => `${t.currency} ${t.amountMinor}`).join('; ');

export const MONTHLY_COLUMNS: readonly CsvColumn<MonthlyDistributorReport>[] = [
  { header: 'distributorId', description: 'the distributor', value: (r) => r.distributorId },
  { header: 'name', description: 'its name', value: (r) => r.name },
  { header: 'policyId', description: "its policy of the month's year, if any", value: (r) => r.policyId },
  { header: 'salesCount', description: 'its sales dated in the month, not cancelled', value: (r) => r.sales.count },
  { header: 'cancelledSales', description: 'its sales dated in the month, cancelled since', value: (r) => r.sales.cancelledCount },
  { header: 'refusedSales', description: 'its sales dated in the month refused below the floor', value: (r) => r.sales.refusedCount },
  {
    header: 'salesTotals',
    description: "their totals in minor units per currency ('PLN 11318000', '; '-separated)",
    value: (r) => amounts(r.sales.totals),
  },
  {
    header: 'companySalesCount',
    description: "the company's direct sales in its territories",
    value: (r) => r.companySalesInTerritories.count,
  },
  { header: 'companySalesTotals', description: 'their totals, as salesTotals', value: (r) => amounts(r.companySalesInTerritories.totals) },
  { header: 'period', description: 'the plan period containing the month', value: (r) => r.planVsActual?.period },
  { header: 'planMinor', description: "the period's plan", value: (r) => r.planVsActual?.planMinor },
  { header: 'actualMinor', description: "the period's actual so far", value: (r) => r.planVsActual?.actualMinor },
  { header: 'attainmentBp', description: 'actual / plan in basis points, floored', value: (r) => r.planVsActual?.attainmentBp },
  { header: 'attainment', description: 'the same as a percentage', value: (r) => r.planVsActual?.attainment },
  { header: 'bonusMinor', description: 'the bonus the tiers give so far', value: (r) => r.planVsActual?.bonusMinor },
  { header: 'periodClosed', description: 'whether the period was closed', value: (r) => r.planVsActual?.closed },
  { header: 'claims', description: 'claims of the month concerning it', value: (r) => r.claims.length },
  { header: 'transferRequests', description: 'hand-over requests of the month to or by it', value: (r) => r.transferRequests.length },
  { header: 'transfers', description: 'clients moved to or from it in the month', value: (r) => r.transfers.length },
  { header: 'disputes', description: 'its disputes opened or closed in the month', value: (r) => r.disputes.length },
  { header: 'priceComplianceEntries', description: 'price-compliance entries of the month', value: (r) => r.priceCompliance.length },
  { header: 'promotionSpends', description: 'promotion spends that moved in the month', value: (r) => r.promotionSpends.length },
  { header: 'overdueTransferRequests', description: 'requests to or by it overdue now', value: (r) => r.overdueTransferRequests.length },
  {
    header: 'overdueObligations',
    description: "obligations of its policy (either party's) due by the month's end and overdue at asOf",
    value: (r) => r.overdueObligations.length,
  },
  {
    header: 'overdueReports',
    description: 'of those, its periodic reports missing',
    value: (r) => r.overdueObligations.filter((o) => o.kind === 'report').length,
  },
  {
    header: 'overduePayments',
    description: 'of those, settlement payments the company has not completed',
    value: (r) => r.overdueObligations.filter((o) => o.kind === 'payment').length,
  },
  {
    header: 'obligationsKeptLate',
    description: 'obligations of its policy kept late in the month',
    value: (r) => r.obligationsKeptLate.length,
  },
];
