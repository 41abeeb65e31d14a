/** The plan: every period of the policy year exactly once, in money, optionally split by category. */
import { periodsOf } from './calendar';
import { at, each, isObj, money, obj, oneOf, text, unique, type Errors } from './field-checks';
import type { Granularity, PlanPeriod } from './terms';

const GRANULARITIES: readonly Granularity[] = ['month', 'quarter'];

export function checkPlan(out: Errors, plan: unknown, year: number, currency: string | undefined): void {
  if (!obj(out, 'plan', plan)) return;
  const granularity = oneOf(out, 'plan.granularity', plan.granularity, GRANULARITIES) ? plan.granularity : undefined;
  const expected = granularity ? periodsOf(year, granularity) : undefined;
  const ok = each(out, 'plan.periods', plan.periods, (p, path) => checkPeriod(out, p, path, expected, currency));
  if (!ok) return;
  const names = (plan.periods as unknown[]).map((p) => (isObj(p) ? p.period : undefined));
  unique(out, 'plan.periods', names, 'period');
  const missing = expected?.filter((name) => !names.includes(name)) ?? [];
  if (missing.length > 0) out.push({ field: 'plan.periods', message: `must cover the whole year; missing ${missing.join(', ')}` });
  checkTotal(out, plan.periods as unknown[]);
}

function checkPeriod(out: Errors, p: unknown, path: string, expected: string[] | undefined, currency: string | undefined): void {
  if (!obj(out, path, p)) return;
  const before = out.length;
  if (expected && !expected.includes(p.period as string)) {
    out.push({ field: at(path, 'period'), message: `must be one of ${expected[0]}…${expected[expected.length - 1]}` });
  }
  money(out, at(path, 'amount'), p.amount, { min: 0, currency });
  if (p.byCategory === undefined) return;
  const split = at(path, 'byCategory');
  each(out, split, p.byCategory, (c, cPath) => {
    if (!obj(out, cPath, c)) return;
    text(out, at(cPath, 'category'), c.category);
    money(out, at(cPath, 'amount'), c.amount, { min: 0, currency });
  });
  // The sum is only meaningful once every amount in this period is well-formed.
  if (out.length === before) checkSplitSum(out, split, p as unknown as PlanPeriod);
}

function checkSplitSum(out: Errors, split: string, p: PlanPeriod): void {
  const items = p.byCategory ?? [];
  unique(
    out,
    split,
    items.map((c) => c.category),
    'category',
  );
  const sum = items.reduce((s, c) => s + BigInt(c.amount.minor), 0n);
  if (sum !== BigInt(p.amount.minor)) {
    out.push({ field: split, message: `sums to ${sum} minor units, not the period amount ${p.amount.minor}` });
  }
}

/** Money arithmetic elsewhere is exact only while the year's total stays a safe integer. */
function checkTotal(out: Errors, periods: unknown[]): void {
  const total = periods.reduce<bigint>((s, p) => {
    const minor = isObj(p) && isObj(p.amount) ? p.amount.minor : 0;
    return Number.isSafeInteger(minor) ? s + BigInt(minor as number) : s;
  }, 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) out.push({ field: 'plan.periods', message: 'the yearly total is too large' });
}
