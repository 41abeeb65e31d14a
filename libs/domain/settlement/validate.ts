/**
 * Checks on a ClosePeriod command. The terms and actuals are computed by the handler, not typed by a
 * user, but they decide money: anything malformed is refused before a figure is derived from it.
 */
import { isPolicyYear, periodsOf } from '../policy/calendar';
import { currency, each, int, isObj, obj, oneOf, text, type Errors } from '../policy/field-checks';
import type { Granularity, Money } from '../policy/terms';
import { checkBonus } from '../policy/validate-commercial';
import type { ClosePeriod, SettlementTerms } from './commands';
import { SettlementErrors } from './errors';
import { planFor } from './periods';
import type { SettlementState } from './state';

const GRANULARITIES: readonly Granularity[] = ['month', 'quarter'];

/**
 * Throws the first class of problem found, in this order: malformed fields (every one of them at
 * once), a period the terms do not plan, an actual in a foreign currency.
 */
export function requireValidClose(d: ClosePeriod['data'], state: SettlementState): void {
  const out: Errors = [];
  text(out, 'policyId', d.policyId);
  int(out, 'salesUpToPosition', d.salesUpToPosition, 0);
  validTerms(out, d.terms);
  validActuals(out, d.actuals, state);
  if (out.length > 0) throw SettlementErrors.invalidCommand(out);
  requireKnownPeriod(d.period, d.terms);
  requirePlanned(d.terms, d.period);
  requireCurrency(d.terms.currency, d.actuals);
}

function validTerms(out: Errors, t: unknown): void {
  if (!isObj(t)) {
    out.push({ field: 'terms', message: t === undefined ? 'is required' : 'must be an object' });
    return;
  }
  int(out, 'terms.termsVersion', t.termsVersion, 1);
  if (!isPolicyYear(t.year)) out.push({ field: 'terms.year', message: 'must be a calendar year such as 2026' });
  oneOf(out, 'terms.granularity', t.granularity, GRANULARITIES);
  currency(out, 'terms.currency', t.currency);
  int(out, 'terms.paymentTermsDays', t.paymentTermsDays, 0, 366);
  each(out, 'terms.plan', t.plan, (p, path) => obj(out, path, p) && text(out, `${path}.period`, p.period));
  // The policy's own tier rules (integers, ascending thresholds): bonusFor relies on them.
  const bonusErrors: Errors = [];
  checkBonus(bonusErrors, t.bonus);
  out.push(...bonusErrors.map((e) => ({ ...e, field: `terms.${e.field}` })));
}

function requireKnownPeriod(period: unknown, terms: SettlementTerms): void {
  const expected = periodsOf(terms.year, terms.granularity);
  if (typeof period !== 'string' || !expected.includes(period)) throw SettlementErrors.unknownPeriod(period, expected);
}

function requirePlanned(terms: SettlementTerms, period: string): void {
  const plan = planFor(terms, period);
  if (!plan || !Number.isSafeInteger(plan.minor) || plan.minor < 0 || plan.currency !== terms.currency) {
    const message = `must hold a non-negative amount in ${terms.currency} for ${period}`;
    throw SettlementErrors.invalidCommand([{ field: 'terms.plan', message }]);
  }
}

/** Net actuals are never negative; every period already closed must be given, as its actual may have moved. */
function validActuals(out: Errors, actuals: unknown, state: SettlementState): void {
  if (!isObj(actuals)) {
    out.push({ field: 'actuals', message: actuals === undefined ? 'is required' : 'must be an object' });
    return;
  }
  for (const [period, m] of Object.entries(actuals)) {
    const field = `actuals.${period}`;
    if (!isObj(m)) out.push({ field, message: 'must be an amount {minor, currency}' });
    else {
      int(out, `${field}.minor`, m.minor, 0);
      currency(out, `${field}.currency`, m.currency);
    }
  }
  for (const period of Object.keys(state.closed)) {
    if (!Object.hasOwn(actuals, period)) {
      out.push({ field: `actuals.${period}`, message: 'is required: the period is closed and its actual may have changed' });
    }
  }
}

function requireCurrency(expected: string, actuals: Record<string, Money>): void {
  const errors = Object.entries(actuals)
    .filter(([, m]) => m.currency !== expected)
    .map(([period]) => ({ field: `actuals.${period}.currency`, message: `must be the settlement currency ${expected}` }));
  if (errors.length > 0) throw SettlementErrors.currencyMismatch(errors);
}
