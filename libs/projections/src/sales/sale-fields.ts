/** What the sales read models derive from a sale's events, alike in each of them. */
import type { SaleLine, SaleLineInput } from '@cl/domain/sales/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';

export interface SellerFields {
  seller: Side;
  /** `sideKey(seller)`: 'company' or 'distributor:<id>'. */
  sellerKey: string;
  /** The seller's distributor id; null when the company sold. */
  distributorId: string | null;
}

export const sellerFields = (seller: Side): SellerFields => ({
  seller,
  sellerKey: sideKey(seller),
  distributorId: seller.party === 'distributor' ? seller.distributorId : null,
});

/** 'YYYY-MM' of a 'YYYY-MM-DD' sale date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The distinct SKUs of the lines, in order of first appearance. */
export const skusOf = (lines: readonly SaleLineInput[]): string[] => [...new Set(lines.map((l) => l.sku))];

export interface SkuAmount {
  quantity: number;
  amountMinor: number;
}

/** Quantity and Σ lineTotal per SKU (a sale may list a SKU on several lines). */
export function amountsBySku(lines: readonly SaleLine[]): Map<string, SkuAmount> {
  const bySku = new Map<string, SkuAmount>();
  for (const { sku, quantity, lineTotal } of lines) {
    const sum = bySku.get(sku) ?? { quantity: 0, amountMinor: 0 };
    bySku.set(sku, { quantity: sum.quantity + quantity, amountMinor: sum.amountMinor + lineTotal.minor });
  }
  return bySku;
}

/** `after − before` per SKU, leaving out SKUs that did not change; a SKU gone from `after` counts as zero there. */
export function skuDifferences(after: readonly SaleLine[], before: readonly SaleLine[]): Map<string, SkuAmount> {
  const now = amountsBySku(after);
  const was = amountsBySku(before);
  const differences = new Map<string, SkuAmount>();
  for (const sku of new Set([...now.keys(), ...was.keys()])) {
    const a = now.get(sku) ?? { quantity: 0, amountMinor: 0 };
    const b = was.get(sku) ?? { quantity: 0, amountMinor: 0 };
    const d = { quantity: a.quantity - b.quantity, amountMinor: a.amountMinor - b.amountMinor };
    if (d.quantity !== 0 || d.amountMinor !== 0) differences.set(sku, d);
  }
  return differences;
}
