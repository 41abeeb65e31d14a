/** Plan vs actual of a year, one chart per policy, with the bonus tiers of the terms that planned each period. */
import { useState } from 'preact/hooks';
import { get, query } from '../api/http';
import type { BonusTier, PlanReport, PlanRow, Policy } from '../api/types';
import { PlanChart } from '../charts/plan-chart';
import { money } from '../lib/format';
import { useLive } from '../live';
import { useLoad } from '../use-load';
import { ErrorNote, Loading } from './parts';

interface PolicyPlan {
  policyId: string;
  rows: PlanRow[];
  tiers: Map<number, BonusTier[]>;
}

async function loadPlans(year: number): Promise<PolicyPlan[]> {
  const report = await get<PlanReport>(`/reports/plan-vs-actual${query({ year })}`);
  const ids = [...new Set(report.rows.map((r) => r.policyId))];
  return Promise.all(
    ids.map(async (policyId) => {
      const policy = await get<Policy>(`/policies/${encodeURIComponent(policyId)}`);
      const tiers = new Map(policy.versions.map((v) => [v.version, v.terms.bonus.tiers]));
      return { policyId, rows: report.rows.filter((r) => r.policyId === policyId), tiers };
    }),
  );
}

export function PlanView() {
  const [year, setYear] = useState(new Date().getUTCFullYear());
  const plans = useLoad(() => loadPlans(year), [year]);
  useLive(['Sale', 'PeriodClosed', 'PolicyAmended', 'PolicyCameIntoForce'], plans.reload);
  return (
    <section>
      <h1>Plan vs actual</h1>
      <label>
        Year <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.currentTarget.value))} />
      </label>
      <Loading when={plans.loading && !plans.data} />
      {plans.error && <ErrorNote text={plans.error} />}
      {plans.data?.length === 0 && <p class="muted">No policy in force planned {year}.</p>}
      {plans.data?.map((p) => (
        <article data-testid={`plan-${p.policyId}`}>
          <h2>{p.policyId}</h2>
          <p class="legend">
            <span class="key plan" /> plan <span class="key actual" /> actual <span class="key tier" /> bonus tier thresholds
          </p>
          <PlanChart rows={p.rows} tiersOf={(v) => (v === null ? [] : (p.tiers.get(v) ?? []))} />
          <PlanTable rows={p.rows} />
        </article>
      ))}
    </section>
  );
}

function PlanTable({ rows }: { rows: PlanRow[] }) {
  return (
    <table class="compact">
      <thead>
        <tr>
          <th>period</th>
          <th>plan</th>
          <th>actual</th>
          <th>attainment</th>
          <th>bonus so far</th>
          <th>closed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.period}</td>
            <td>{money(r.planMinor, r.currency)}</td>
            <td>{money(r.actualMinor, r.currency)}</td>
            <td>{r.attainment ?? '—'}</td>
            <td>{money(r.bonusMinor, r.currency)}</td>
            <td>{r.closed ? 'yes' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
