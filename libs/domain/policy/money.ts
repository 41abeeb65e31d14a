/**
 * Exact money arithmetic. Amounts are safe integers of minor units; products such as
 * amount × basis points can exceed 2^53, so they are computed in BigInt and rounded once, at the end.
 * Rounding rule everywhere in this area: FLOOR to the minor unit (toward −∞). A payable derived from
 * a percentage never exceeds what the terms give, both parties get the same figure, and the remainder
 * of a split goes to one named side so the parts always add up to the whole.
 */
import { DomainError } from '../shared/errors';
import type { Money, PolicyTerms } from './terms';

export const BP = 10_000n;

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function assertMoney(m: Money, name: string): void {
  if (!Number.isSafeInteger(m?.minor) || typeof m?.currency !== 'string' || !/^[A-Z]{3}$/.test(m.currency)) {
    throw new DomainError('POLICY.INVALID_MONEY', 'invalid', `${name} must be an integer of minor units with an ISO 4217 currency`, {
      field: name,
    });
  }
}

export function assertSameCurrency(a: Money, b: Money, what: string): void {
  if (a.currency !== b.currency) {
    throw new DomainError('POLICY.CURRENCY_MISMATCH', 'invalid', `${what}: ${a.currency} and ${b.currency} cannot be compared`, {
      expected: a.currency,
      actual: b.currency,
    });
  }
}

export const money = (minor: bigint, currency: string): Money => ({ minor: Number(minor), currency });

/** The planned volume of the whole year (valid terms: one currency, a safe-integer total). */
export function planTotal(terms: PolicyTerms): Money {
  const total = terms.plan.periods.reduce((s, p) => s + BigInt(p.amount.minor), 0n);
  return money(total, terms.settlement.currency);
}

export interface PromotionBudget {
  total: Money;
  company: Money;
  distributor: Money;
}

/**
 * The year's promotion budget: budgetBp of the planned volume, floored, split by the funding shares.
 * The company's share is floored and the distributor's is the rest, so the two always sum to the total.
 */
export function promotionBudget(terms: PolicyTerms): PromotionBudget {
  const plan = BigInt(planTotal(terms).minor);
  const total = floorDiv(plan * BigInt(terms.promotion.budgetBp), BP);
  const company = floorDiv(total * BigInt(terms.promotion.funding.companyBp), BP);
  const currency = terms.settlement.currency;
  return { total: money(total, currency), company: money(company, currency), distributor: money(total - company, currency) };
}
