/**
 * Price differences between the channels that sold a SKU in a territory and month. A channel's
 * effective unit price is amountMinor / quantity; two prices are compared exactly, by cross
 * multiplication in integers, never through a rounded quotient: the difference is relative to the
 * lower price, and it is beyond the tolerance when (high − low) / low > toleranceBp / 10 000.
 */
import { percentOf, unitPriceText } from '../percent';

export interface ChannelCell {
  channelKey: string;
  quantity: number;
  amountMinor: number;
}

export interface PriceDifference {
  lower: string;
  higher: string;
  lowerUnitPriceMinor: string;
  higherUnitPriceMinor: string;
  /** (high − low) / low in bp, floored; null when the lower price is not positive (no ratio to speak of). */
  differenceBp: number | null;
  difference: string | null;
}

const BP = 10_000n;

/** Every pair of channels whose prices differ beyond the tolerance, the pairs in the order of `cells`. */
export function differencesBeyond(cells: readonly ChannelCell[], toleranceBp: number): PriceDifference[] {
  return cells.flatMap((a, i) => cells.slice(i + 1).flatMap((b) => differenceOf(a, b, toleranceBp)));
}

function differenceOf(a: ChannelCell, b: ChannelCell, toleranceBp: number): PriceDifference[] {
  // a's price vs b's: A_a / Q_a − A_b / Q_b has the sign of A_a·Q_b − A_b·Q_a (quantities are positive).
  const cross = BigInt(a.amountMinor) * BigInt(b.quantity) - BigInt(b.amountMinor) * BigInt(a.quantity);
  if (cross === 0n) return [];
  const [low, high] = cross < 0n ? [a, b] : [b, a];
  const excess = cross < 0n ? -cross : cross; // (p_high − p_low) × Q_a × Q_b
  const base = BigInt(low.amountMinor) * BigInt(high.quantity); // p_low × Q_a × Q_b
  const beyond = base <= 0n || excess * BP > BigInt(toleranceBp) * base;
  if (!beyond) return [];
  const differenceBp = base > 0n ? Number((excess * BP) / base) : null;
  return [
    {
      lower: low.channelKey,
      higher: high.channelKey,
      lowerUnitPriceMinor: unitPriceText(low.amountMinor, low.quantity),
      higherUnitPriceMinor: unitPriceText(high.amountMinor, high.quantity),
      differenceBp,
      difference: differenceBp === null ? null : percentOf(differenceBp),
    },
  ];
}
