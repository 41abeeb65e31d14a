/** The sales part of the monthly report: counts and sums over the `sales` read model's documents of a month. */
import type { SaleDoc } from '@cl/projections/sales/sales.projection';
import type { MonthSalesView } from './monthly.dto';

/** Totals and SKU quantities of the sales not cancelled (their current lines: corrections applied). */
export function salesSummary(docs: readonly SaleDoc[]): MonthSalesView {
  const live = docs.filter((s) => s.status === 'recorded');
  const totals = new Map<string, number>();
  const bySku = new Map<string, { sku: string; currency: string; quantity: number; amountMinor: number }>();
  for (const sale of live) {
    totals.set(sale.total.currency, (totals.get(sale.total.currency) ?? 0) + sale.total.minor);
    for (const line of sale.lines) {
      const key = `${line.sku}|${line.lineTotal.currency}`;
      const sum = bySku.get(key) ?? { sku: line.sku, currency: line.lineTotal.currency, quantity: 0, amountMinor: 0 };
      bySku.set(key, { ...sum, quantity: sum.quantity + line.quantity, amountMinor: sum.amountMinor + line.lineTotal.minor });
    }
  }
  return {
    count: live.length,
    cancelledCount: docs.length - live.length,
    totals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
    bySku: [...bySku.values()].sort((a, b) => a.sku.localeCompare(b.sku) || a.currency.localeCompare(b.currency)),
  };
}
