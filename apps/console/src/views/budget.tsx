/** The promotion budget of each policy of a year: funding and use as stacked bars, then the spends. */
import { useState } from 'preact/hooks';
import { get, query } from '../api/http';
import type { Budget, BudgetReport } from '../api/types';
import { BudgetBar } from '../charts/budget-bar';
import { instant, money, percent } from '../lib/format';
import { useLive } from '../live';
import { useLoad } from '../use-load';
import { Badge, ErrorNote, Loading } from './parts';

export function BudgetView() {
  const [year, setYear] = useState(new Date().getUTCFullYear());
  const report = useLoad(() => get<BudgetReport>(`/reports/promotion-budget${query({ year })}`), [year]);
  useLive(['Promotion'], report.reload);
  return (
    <section>
      <h1>Promotion budget</h1>
      <label>
        Year <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.currentTarget.value))} />
      </label>
      <Loading when={report.loading && !report.data} />
      {report.error && <ErrorNote text={report.error} />}
      {report.data?.budgets.length === 0 && <p class="muted">No budget for {year}: a budget accrues when a policy comes into force.</p>}
      {report.data?.budgets.map((b) => (
        <BudgetCard budget={b} />
      ))}
    </section>
  );
}

function BudgetCard({ budget: b }: { budget: Budget }) {
  const legend: Array<[string, string, number]> = [
    ['company', 'company contribution', b.companyContributionMinor],
    ['distributor', 'distributor contribution', b.distributorContributionMinor],
    ['settled', 'settled', b.settledMinor],
    ['committed', 'committed (proposed + approved)', b.committedMinor],
    ['balance', 'balance', b.balanceMinor],
  ];
  return (
    <article data-testid={`budget-${b.policyId}`}>
      <h2>
        {b.policyId}: {money(b.accruedMinor, b.currency)} accrued ({percent(b.budgetBp)} of the planned volume)
      </h2>
      <BudgetBar budget={b} />
      <ul class="legend-list">
        {legend.map(([key, label, minor]) => (
          <li>
            <span class={`key seg-${key}`} /> {label}: <strong>{money(minor, b.currency)}</strong>
          </li>
        ))}
      </ul>
      <table class="compact">
        <thead>
          <tr>
            <th>spend</th>
            <th>status</th>
            <th>amount</th>
            <th>settled</th>
            <th>proposed</th>
          </tr>
        </thead>
        <tbody>
          {b.spends.map((s) => (
            <tr>
              <td>{s.activity}</td>
              <td>
                <Badge kind={s.status}>{s.status}</Badge>
              </td>
              <td>{money(s.amountMinor, b.currency)}</td>
              <td>{s.settledAmountMinor === undefined ? '' : money(s.settledAmountMinor, b.currency)}</td>
              <td>{instant(s.proposedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
