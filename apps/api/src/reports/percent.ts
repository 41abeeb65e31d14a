/**
 * Percentages in the reports are integer basis points (10 000 bp = 100%), computed exactly, with a
 * formatted string beside them for people. Nothing here goes through a binary float.
 */
import { bonusFor } from '@cl/domain/policy/bonus';
import type { BonusTerms } from '@cl/domain/policy/terms';

/** 10756 → '107.56%', -5 → '-0.05%'. */
export function percentOf(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** No tiers: bonusFor then only measures attainment, the same floored way a settlement does. */
const MEASURE_ONLY: BonusTerms = { mode: 'retroactive', tiers: [] };

/**
 * actual / plan in bp, floored, exactly as the bonus tiers judge it; null when there is no plan to
 * measure against (none, or zero).
 */
export function attainmentBpOf(planMinor: number | null, actualMinor: number, currency: string): number | null {
  if (planMinor === null || planMinor <= 0) return null;
  return bonusFor(MEASURE_ONLY, { minor: planMinor, currency }, { minor: actualMinor, currency }).attainmentBp;
}

/** `amountMinor / quantity` rounded half away from zero to two decimals of the minor unit, as text: 11300000/90 → '125555.56'. */
export function unitPriceText(amountMinor: number, quantity: number): string {
  const scaled = BigInt(amountMinor) * 100n;
  const q = BigInt(quantity);
  const negative = scaled < 0n !== q < 0n;
  const [n, d] = [scaled < 0n ? -scaled : scaled, q < 0n ? -q : q];
  const hundredths = (2n * n + d) / (2n * d);
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}
