/**
 * When a special price lets a sale go below the floor: approved for that client and SKU, the sale
 * date within its validity (inclusive) and before any revocation's effectiveFrom. Dates are
 * YYYY-MM-DD strings, which compare correctly as text.
 */
import type { Money } from '../policy/terms';
import type { SpecialPriceEvent } from './events';
import { allSpecialPrices, specialPricesOf, type SpecialPrice, type SpecialPriceState } from './special-price-state';

type Source = readonly SpecialPriceEvent[] | SpecialPriceState;

export const isValidOn = (price: SpecialPrice, date: string): boolean =>
  price.validFrom <= date && date <= price.validTo && (price.revokedFrom === undefined || date < price.revokedFrom);

/** Every special price valid for the client and SKU on the date, in approval order. */
export function validSpecialPrices(source: Source, clientId: string, sku: string, date: string): SpecialPrice[] {
  const state = isEvents(source) ? specialPricesOf(source) : source;
  return allSpecialPrices(state).filter((p) => p.clientId === clientId && p.sku === sku && isValidOn(p, date));
}

/** The special price that applies on the date: the latest approved of the valid ones (the company's last word). */
export function validSpecialPrice(source: Source, clientId: string, sku: string, date: string): SpecialPrice | undefined {
  return validSpecialPrices(source, clientId, sku, date).at(-1);
}

/**
 * The valid special price that allows selling at `unitPrice`: same currency and not above it
 * (selling below even the special price is still a violation). The lowest such, then the earliest.
 */
export function specialPriceAllowing(
  source: Source,
  clientId: string,
  sku: string,
  date: string,
  unitPrice: Money,
): SpecialPrice | undefined {
  const allowing = validSpecialPrices(source, clientId, sku, date).filter(
    (p) => p.unitPrice.currency === unitPrice.currency && p.unitPrice.minor <= unitPrice.minor,
  );
  return allowing.reduce<SpecialPrice | undefined>((best, p) => (!best || p.unitPrice.minor < best.unitPrice.minor ? p : best), undefined);
}

const isEvents = (source: Source): source is readonly SpecialPriceEvent[] => Array.isArray(source);
