/**
 * What the reports must say about the money year, computed here from the scenario's facts with plain
 * integer arithmetic — deliberately not with the domain's or the reports' own functions, so that a
 * wrong formula there cannot hide behind the same formula here.
 */
import { CLIENTS, DISTRIBUTORS, netByPeriod, netLines, SALES, Y, type DistributorName, type SaleSpec, type Seller } from './money-year';

const pad = (n: number) => String(n).padStart(2, '0');

/** The plan periods of each distributor and their planned amounts (acme's from July by its amendment). */
export function plannedPeriods(d: DistributorName): Array<{ period: string; plan: number; termsVersion: number }> {
  if (d === 'beta') return [1, 2, 3, 4].map((q) => ({ period: `${Y}-Q${q}`, plan: 30_000_000, termsVersion: 1 }));
  return Array.from({ length: 12 }, (_, i) => {
    const amended = d === 'acme' && i >= 6;
    return {
      period: `${Y}-${pad(i + 1)}`,
      plan: d === 'gamma' ? 5_000_000 : amended ? 12_000_000 : 10_000_000,
      termsVersion: amended ? 2 : 1,
    };
  });
}

/** ⌊actual × 10 000 / plan⌋. */
export const attainment = (plan: number, actual: number): number | null =>
  plan > 0 ? Number((BigInt(actual) * 10_000n) / BigInt(plan)) : null;

/** acme: retroactive 100% → 2%, 110% → 3% on the whole volume. beta, gamma: incremental 90% → 1%, 100% → 2%, 110% → 3% per band. */
export function bonus(d: DistributorName, plan: number, actual: number): { bonus: number; tier: number | null } {
  const tiers =
    d === 'acme'
      ? [
          [10_000, 200],
          [11_000, 300],
        ]
      : [
          [9_000, 100],
          [10_000, 200],
          [11_000, 300],
        ];
  const reached = tiers.filter(([threshold]) => actual * 10_000 >= plan * threshold);
  if (reached.length === 0) return { bonus: 0, tier: null };
  const tier = reached[reached.length - 1][0];
  if (d === 'acme') return { bonus: Math.floor((actual * reached[reached.length - 1][1]) / 10_000), tier };
  // Band i runs from plan × threshold_i to plan × threshold_i+1 (the last one has no top).
  let scaled = 0n;
  tiers.forEach(([threshold, rate], i) => {
    const from = BigInt(plan) * BigInt(threshold);
    const top = i + 1 < tiers.length ? BigInt(plan) * BigInt(tiers[i + 1][0]) : null;
    const reachedTo = BigInt(actual) * 10_000n;
    const to = top !== null && top < reachedTo ? top : reachedTo;
    if (to > from) scaled += BigInt(rate) * (to - from);
  });
  return { bonus: Number(scaled / 100_000_000n), tier };
}

export interface ExpectedRow {
  distributorId: DistributorName;
  period: string;
  planMinor: number;
  actualMinor: number;
  attainmentBp: number | null;
  bonusMinor: number;
  tierThresholdBp: number | null;
  termsVersion: number;
}

export function expectedRows(only?: DistributorName[]): ExpectedRow[] {
  return (Object.keys(DISTRIBUTORS) as DistributorName[])
    .filter((d) => !only || only.includes(d))
    .flatMap((d) => {
      const actuals = netByPeriod(d);
      return plannedPeriods(d).map(({ period, plan, termsVersion }) => {
        const actual = actuals.get(period) ?? 0;
        const { bonus: b, tier } = bonus(d, plan, actual);
        return {
          distributorId: d,
          period,
          planMinor: plan,
          actualMinor: actual,
          attainmentBp: attainment(plan, actual),
          bonusMinor: b,
          tierThresholdBp: tier,
          termsVersion,
        };
      });
    });
}

/** Net quantity and amount per territory, SKU, month and selling channel (cells emptied by a cancellation are gone). */
export function channelCells(): Map<
  string,
  { territory: string; sku: string; month: string; channel: string; quantity: number; amount: number }
> {
  const cells = new Map<string, { territory: string; sku: string; month: string; channel: string; quantity: number; amount: number }>();
  for (const s of SALES) {
    for (const [sku, quantity, unit] of netLines(s)) {
      const territory = CLIENTS[s.clientId].territory;
      const channel = channelOf(s.seller);
      const key = [territory, sku, s.date.slice(0, 7), channel].join('|');
      const cell = cells.get(key) ?? { territory, sku, month: s.date.slice(0, 7), channel, quantity: 0, amount: 0 };
      cells.set(key, { ...cell, quantity: cell.quantity + quantity, amount: cell.amount + quantity * unit });
    }
  }
  return cells;
}

export const channelOf = (seller: Seller) => (seller === 'company' ? 'company' : `distributor:${seller}`);

/** The sales a distributor recorded with a sale date in the month. */
export const salesOf = (seller: Seller, month: string): SaleSpec[] => SALES.filter((s) => s.seller === seller && s.date.startsWith(month));
