/**
 * Plan vs actual per period of one policy: the plan as a light bar, the actual as a dark one, and each
 * bonus tier as a dashed step line at plan × threshold (the plan differs by period, so does the
 * line). An actual bar that crosses a line has reached that tier.
 */
import type { BonusTier, PlanRow } from '../api/types';
import { compact, money, percent } from '../lib/format';
import { niceMax, ticks, yScale } from '../lib/scale';

const W = 760;
const H = 280;
const M = { top: 16, right: 90, bottom: 28, left: 56 };

export function PlanChart({ rows, tiersOf }: { rows: PlanRow[]; tiersOf: (termsVersion: number | null) => BonusTier[] }) {
  const currency = rows[0]?.currency ?? 'PLN';
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const tierValue = (row: PlanRow, tier: BonusTier) => ((row.planMinor ?? 0) * tier.thresholdBp) / 10_000;
  const highest = Math.max(
    ...rows.flatMap((r) => [r.planMinor ?? 0, r.actualMinor, ...tiersOf(r.termsVersion).map((t) => tierValue(r, t))]),
  );
  const max = niceMax(highest);
  const y = yScale(max, innerH);
  const band = innerW / Math.max(rows.length, 1);
  const bar = Math.min(22, band / 3);
  const tierCount = Math.max(0, ...rows.map((r) => tiersOf(r.termsVersion).length));
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Plan versus actual per period" data-testid="plan-chart">
      <g transform={`translate(${M.left},${M.top})`}>
        {ticks(max).map((v) => (
          <g>
            <line class="grid" x1={0} x2={innerW} y1={y(v)} y2={y(v)} />
            <text class="axis" x={-6} y={y(v) + 4} text-anchor="end">
              {compact(v, currency)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g data-period={r.period} transform={`translate(${i * band},0)`}>
            <rect class="plan" x={band / 2 - bar} y={y(r.planMinor ?? 0)} width={bar} height={innerH - y(r.planMinor ?? 0)}>
              <title>{`${r.period} plan ${money(r.planMinor, currency)}`}</title>
            </rect>
            <rect class="actual" x={band / 2} y={y(r.actualMinor)} width={bar} height={innerH - y(r.actualMinor)}>
              <title>{`${r.period} actual ${money(r.actualMinor, currency)} (${r.attainment ?? 'no plan'}), bonus ${money(r.bonusMinor, currency)}`}</title>
            </rect>
            <text class="axis" x={band / 2} y={innerH + 16} text-anchor="middle">
              {r.period.slice(5)}
            </text>
          </g>
        ))}
        {Array.from({ length: tierCount }, (_, t) => (
          <TierLine rows={rows} index={t} band={band} innerW={innerW} y={(r, tier) => y(tierValue(r, tier))} tiersOf={tiersOf} />
        ))}
      </g>
    </svg>
  );
}

/** Tier `index` as a dashed segment over each period that has a plan and such a tier, labelled at the right. */
function TierLine(props: {
  rows: PlanRow[];
  index: number;
  band: number;
  innerW: number;
  y: (row: PlanRow, tier: BonusTier) => number;
  tiersOf: (v: number | null) => BonusTier[];
}) {
  const { rows, index, band, innerW, y, tiersOf } = props;
  const drawn = rows.flatMap((row, i) => {
    const tier = tiersOf(row.termsVersion)[index];
    return tier && row.planMinor !== null ? [{ row, i, tier }] : [];
  });
  const last = drawn[drawn.length - 1];
  return (
    <g class={`tier tier-${index}`} data-testid="tier-line">
      {drawn.map(({ row, i, tier }) => (
        <line x1={i * band} x2={(i + 1) * band} y1={y(row, tier)} y2={y(row, tier)}>
          <title>{`${row.period}: from ${percent(tier.thresholdBp)} of plan the bonus is ${percent(tier.rateBp)}`}</title>
        </line>
      ))}
      {last && (
        <text x={innerW + 4} y={y(last.row, last.tier) + 4}>
          {`${percent(last.tier.thresholdBp)} → ${percent(last.tier.rateBp)}`}
        </text>
      )}
    </g>
  );
}
