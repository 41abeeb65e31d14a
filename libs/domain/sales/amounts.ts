/**
 * Exact sale amounts. Unit prices and quantities are safe integers, but their product can exceed
 * 2^53, where a float silently rounds: every product and sum is computed in BigInt and only turned
 * back into a number once it is known to be a safe integer.
 */
import type { Money } from '../policy/terms';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export const isSafeAmount = (minor: bigint): boolean => minor >= -MAX && minor <= MAX;

/** quantity × unit price, exact. */
export const lineAmount = (quantity: number, unitPrice: Money): bigint => BigInt(quantity) * BigInt(unitPrice.minor);

/** A BigInt amount as Money; the caller has checked it is a safe integer. */
export function toMoney(minor: bigint, currency: string): Money {
  if (!isSafeAmount(minor)) throw new RangeError(`${minor} minor units is not a safe integer`);
  return { minor: Number(minor), currency };
}

/** a − b, refusing to compare different currencies. */
export function difference(a: Money, b: Money): Money {
  requireSameCurrency(a, b);
  return toMoney(BigInt(a.minor) - BigInt(b.minor), a.currency);
}

/** −1, 0 or 1 as a is below, equal to or above b, refusing to compare different currencies. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  requireSameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

/**
 * Amounts reaching here were validated to share the sale's currency, so a mismatch is a broken
 * invariant (terms whose floors are not in their settlement currency), never a user error.
 */
function requireSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot compare ${a.currency} with ${b.currency}`);
}

/** price > floor × (1 + bp / 10 000), exact: price × 10 000 > floor × (10 000 + bp). */
export function exceedsBand(price: Money, floor: Money, bp: number): boolean {
  requireSameCurrency(price, floor);
  return BigInt(price.minor) * 10_000n > BigInt(floor.minor) * (10_000n + BigInt(bp));
}
