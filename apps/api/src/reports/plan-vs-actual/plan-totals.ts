/**
 * The total rows of plan vs actual: per distributor (over its periods) and per period (over the
 * distributors), each per currency. Attainment is of the sums — never an average of percentages —
 * so a total reads the same way a period does.
 */
import { attainmentBpOf, percentOf } from '../percent';
import type { CompanyTotalView, DistributorTotalView, PlanVsActualRow } from './plan-vs-actual.dto';

interface Sums {
  planMinor: number;
  actualMinor: number;
  bonusMinor: number;
  settledBonusMinor: number;
  rows: PlanVsActualRow[];
}

/** Rows grouped by a key, in the order the keys first appear. */
function sumsBy(rows: readonly PlanVsActualRow[], keyOf: (r: PlanVsActualRow) => string): Map<string, Sums> {
  const groups = new Map<string, Sums>();
  for (const r of rows) {
    const key = keyOf(r);
    const s = groups.get(key) ?? { planMinor: 0, actualMinor: 0, bonusMinor: 0, settledBonusMinor: 0, rows: [] };
    s.planMinor += r.planMinor ?? 0;
    s.actualMinor += r.actualMinor;
    s.bonusMinor += r.bonusMinor ?? 0;
    s.settledBonusMinor += r.settlement?.settledBonusMinor ?? 0;
    s.rows.push(r);
    groups.set(key, s);
  }
  return groups;
}

function attainment(s: Sums, currency: string) {
  const attainmentBp = attainmentBpOf(s.planMinor, s.actualMinor, currency);
  return { attainmentBp, attainment: attainmentBp === null ? null : percentOf(attainmentBp) };
}

export function distributorTotals(rows: readonly PlanVsActualRow[]): DistributorTotalView[] {
  return [...sumsBy(rows, (r) => `${r.distributorId}|${r.currency}`).values()].map((s) => {
    const { distributorId, currency } = s.rows[0];
    return {
      distributorId,
      currency,
      planMinor: s.planMinor,
      actualMinor: s.actualMinor,
      ...attainment(s, currency),
      bonusMinor: s.bonusMinor,
      settledBonusMinor: s.settledBonusMinor,
      periods: s.rows.length,
      closedPeriods: s.rows.filter((r) => r.closed).length,
    };
  });
}

/** In period order (by the period's end, then its label), whatever the order of the rows. */
export function companyTotals(rows: readonly PlanVsActualRow[]): CompanyTotalView[] {
  const ordered = [...rows].sort((a, b) => byCodeUnits(a.periodEnd, b.periodEnd) || byCodeUnits(a.period, b.period));
  return [...sumsBy(ordered, (r) => `${r.period}|${r.currency}`).values()].map((s) => {
    const { period, currency } = s.rows[0];
    return {
      period,
      currency,
      planMinor: s.planMinor,
      actualMinor: s.actualMinor,
      ...attainment(s, currency),
      bonusMinor: s.bonusMinor,
      distributors: new Set(s.rows.map((r) => r.distributorId)).size,
    };
  });
}

/** ISO instants and period labels order by their characters; localeCompare's collation is not needed and cost a share of the report. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
