/**
 * A promotion budget as two stacked bars of the same length (the accrued budget): where it comes from
 * (the company's and the distributor's contribution) and where it stands (settled, committed, balance).
 */
import type { Budget } from '../api/types';
import { money } from '../lib/format';

const W = 760;
const BAR = 26;
const LEFT = 90;

interface Segment {
  key: string;
  label: string;
  minor: number;
}

export function BudgetBar({ budget }: { budget: Budget }) {
  const funding: Segment[] = [
    { key: 'company', label: 'company contribution', minor: budget.companyContributionMinor },
    { key: 'distributor', label: 'distributor contribution', minor: budget.distributorContributionMinor },
  ];
  const use: Segment[] = [
    { key: 'settled', label: 'settled', minor: budget.settledMinor },
    { key: 'committed', label: 'committed', minor: budget.committedMinor },
    { key: 'balance', label: 'balance', minor: budget.balanceMinor },
  ];
  const total = Math.max(budget.accruedMinor, 1);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${BAR * 2 + 40}`}
      role="img"
      aria-label={`Promotion budget of ${budget.policyId}`}
      data-testid="budget-bar"
    >
      <Stack y={4} title="funding" segments={funding} total={total} currency={budget.currency} />
      <Stack y={BAR + 24} title="use" segments={use} total={total} currency={budget.currency} />
    </svg>
  );
}

function Stack({
  y,
  title,
  segments,
  total,
  currency,
}: {
  y: number;
  title: string;
  segments: Segment[];
  total: number;
  currency: string;
}) {
  const width = W - LEFT - 10;
  let x = LEFT;
  return (
    <g>
      <text class="axis" x={LEFT - 8} y={y + BAR / 2 + 4} text-anchor="end">
        {title}
      </text>
      {segments.map((s) => {
        const w = (s.minor / total) * width;
        const at = x;
        x += w;
        return (
          <rect class={`seg seg-${s.key}`} data-segment={s.key} x={at} y={y} width={Math.max(w, 0)} height={BAR}>
            <title>{`${s.label}: ${money(s.minor, currency)}`}</title>
          </rect>
        );
      })}
    </g>
  );
}
