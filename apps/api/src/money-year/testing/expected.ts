/**
 * What the reports must say about the money year, computed here from the facts' own lists with plain
 * integer arithmetic — deliberately not with the domain's or the reports' functions, so that a wrong
 * formula there cannot hide behind the same formula here.
 */
import {
  at,
  CLIENTS,
  CLOSES,
  PLAN,
  SALES,
  SPENDS,
  TERMS,
  Y,
  type DistributorName,
  type Line,
  type SaleFact,
  type Seller,
} from './year-facts';

const END = '9999';

/** [threshold bp, rate bp] of each distributor's tiers, as written in its terms. */
const TIERS: Record<DistributorName, { mode: 'retroactive' | 'incremental'; tiers: Array<[number, number]> }> = {
  north: {
    mode: 'retroactive',
    tiers: [
      [10_000, 200],
      [11_000, 300],
    ],
  },
  south: {
    mode: 'incremental',
    tiers: [
      [9_000, 100],
      [10_000, 200],
      [11_000, 300],
    ],
  },
};

export const bonusModeOf = (d: DistributorName) => TIERS[d].mode;

export const totalOf = (lines: Line[]) => lines.reduce((sum, [, quantity, unit]) => sum + quantity * unit, 0);

/** When each change to a sale was booked: the sale at 16:00, a correction at 16:30, a cancellation at 16:45. */
const bookedAt = (s: SaleFact) => at(s.booked ?? s.date);

/** A sale's total as the log stood at `asOf`: nothing if refused, not yet booked or cancelled by then. */
export function netAsOf(s: SaleFact, asOf = END): number {
  if (s.refused || bookedAt(s) >= asOf) return 0;
  if (s.cancelledOn && at(s.cancelledOn, '16:45') < asOf) return 0;
  return totalOf(s.correction && at(s.correction.on, '16:30') < asOf ? s.correction.lines : s.lines);
}

/** north plans by month, south by quarter. */
export function periodOf(d: DistributorName, date: string): string {
  const month = Number(date.slice(0, 2));
  return d === 'south' ? `${Y}-Q${Math.ceil(month / 3)}` : `${Y}-${date.slice(0, 2)}`;
}

const salesIn = (d: DistributorName, period: string) => SALES.filter((s) => s.seller === d && periodOf(d, s.date) === period);

export const actualOf = (d: DistributorName, period: string, asOf = END) =>
  salesIn(d, period).reduce((sum, s) => sum + netAsOf(s, asOf), 0);

export const salesCountOf = (d: DistributorName, period: string) => salesIn(d, period).filter((s) => !s.refused && !s.cancelledOn).length;

/** ⌊actual × 10 000 / plan⌋ */
export const attainmentBp = (plan: number, actual: number) => Math.floor((actual * 10_000) / plan);

/** retroactive: the highest rate reached on the whole actual; incremental: each rate on its band, bands at plan × threshold. */
export function bonusOf(d: DistributorName, plan: number, actual: number): { bonus: number; tier: number | null } {
  const { mode, tiers } = TIERS[d];
  const reached = tiers.filter(([threshold]) => actual * 10_000 >= plan * threshold);
  if (reached.length === 0) return { bonus: 0, tier: null };
  const [tier, rate] = reached[reached.length - 1];
  if (mode === 'retroactive') return { bonus: Math.floor((actual * rate) / 10_000), tier };
  const scaledActual = BigInt(actual) * 10_000n;
  let sum = 0n;
  tiers.forEach(([threshold, bandRate], i) => {
    const from = BigInt(plan) * BigInt(threshold);
    const top = i + 1 < tiers.length ? BigInt(plan) * BigInt(tiers[i + 1][0]) : scaledActual;
    const to = top < scaledActual ? top : scaledActual;
    if (to > from) sum += BigInt(bandRate) * (to - from);
  });
  return { bonus: Number(sum / 100_000_000n), tier };
}

export interface ExpectedClose {
  period: string;
  closedAt: string;
  planMinor: number;
  actualMinor: number;
  attainmentBp: number;
  bonusMinor: number;
  tierThresholdBp: number | null;
  adjustmentsCarried: Array<{ period: string; actualDeltaMinor: number; bonusDeltaMinor: number }>;
  payableMinor: number;
  paymentDue: string;
  /** As settled by the end: at the close, then as later closes adjusted it. */
  settledActualMinor: number;
  settledBonusMinor: number;
}

/**
 * Each close in order: the period's actual as the log stood then and its bonus, and for every period
 * closed before whose actual has moved since it was last settled, the difference in actual and bonus.
 */
export function expectedCloses(d: DistributorName): ExpectedClose[] {
  const settled = new Map<string, { actual: number; bonus: number }>();
  const closes: ExpectedClose[] = [];
  for (const c of CLOSES.filter((x) => x.distributor === d)) {
    const adjustmentsCarried = [...settled].flatMap(([period, was]) => {
      const now = actualOf(d, period, c.at);
      if (now === was.actual) return [];
      const bonus = bonusOf(d, PLAN[d][period], now).bonus;
      settled.set(period, { actual: now, bonus });
      return [{ period, actualDeltaMinor: now - was.actual, bonusDeltaMinor: bonus - was.bonus }];
    });
    const plan = PLAN[d][c.period];
    const actual = actualOf(d, c.period, c.at);
    const { bonus, tier } = bonusOf(d, plan, actual);
    settled.set(c.period, { actual, bonus });
    const payableMinor = adjustmentsCarried.reduce((sum, a) => sum + a.bonusDeltaMinor, bonus);
    const paymentDue = new Date(Date.parse(c.at) + 30 * 86_400_000).toISOString();
    closes.push({
      period: c.period,
      closedAt: c.at,
      planMinor: plan,
      actualMinor: actual,
      attainmentBp: attainmentBp(plan, actual),
      bonusMinor: bonus,
      tierThresholdBp: tier,
      adjustmentsCarried,
      payableMinor,
      paymentDue,
      settledActualMinor: 0,
      settledBonusMinor: 0,
    });
  }
  return closes.map((c) => ({ ...c, settledActualMinor: settled.get(c.period)!.actual, settledBonusMinor: settled.get(c.period)!.bonus }));
}

/** A promotion budget under terms: bp of the planned annual volume, split by the funding shares. */
export function budgetOf(terms: (typeof TERMS)[keyof typeof TERMS]) {
  const plannedAnnual = terms.plan.periods.reduce((sum, p) => sum + p.amount.minor, 0);
  const total = (plannedAnnual * terms.promotion.budgetBp) / 10_000;
  const company = (total * terms.promotion.funding.companyBp) / 10_000;
  const distributor = (total * terms.promotion.funding.distributorBp) / 10_000;
  if (![total, company, distributor].every(Number.isInteger)) throw new Error('the scenario keeps budgets exact: no rounding to mirror');
  return { budgetBp: terms.promotion.budgetBp, plannedAnnual, total, company, distributor };
}

/** The ledger after the year: what is spoken for (proposed or approved, not settled), spent, and left. */
export function ledgerOf(d: DistributorName, accrued: number) {
  const spends = SPENDS.filter((s) => s.policy === d && !s.refused);
  const proposed = spends.filter((s) => !s.approved && !s.rejected).reduce((sum, s) => sum + s.amount, 0);
  const approved = spends.filter((s) => s.approved && !s.settled).reduce((sum, s) => sum + s.amount, 0);
  const settled = spends.reduce((sum, s) => sum + (s.settled?.amount ?? 0), 0);
  return {
    proposed,
    approved,
    committed: proposed + approved,
    settled,
    balance: accrued - proposed - approved - settled,
    count: spends.length,
  };
}

export const ownerOf = (clientId: string): Seller => CLIENTS.find(([id]) => id === clientId)![4];
const segmentOf = (clientId: string) => CLIENTS.find(([id]) => id === clientId)![2];

/** The floor of PUMP-100 and VALVE-20 in both policies, and the key-account band: 15% above it. */
export const FLOOR: Record<string, number> = { 'PUMP-100': 125_000, 'VALVE-20': 8_990 };
const KEY_ACCOUNT_BAND_BP = 1_500;

/** Sales to a client the seller did not own (no ownership changed during the year). */
export const channelConflicts = () => SALES.filter((s) => !s.refused && ownerOf(s.client) !== s.seller);

/** Company sale lines priced above the band of a key-account client. */
export const aboveBand = () =>
  SALES.filter((s) => s.seller === 'company' && segmentOf(s.client) === 'key-account').flatMap((s) =>
    s.lines.flatMap(([sku, quantity, unit], lineIndex) =>
      unit * 10_000 > FLOOR[sku] * (10_000 + KEY_ACCOUNT_BAND_BP) ? [{ sale: s, lineIndex, sku, quantity, unit }] : [],
    ),
  );
