/**
 * The `special_prices` read model: one document per special price the company approved for a client
 * and SKU, with its revocation if any. The stream is the client's (`special-prices-<clientId>`), shared
 * by all its special prices: `revision` is the stream revision of the last event that changed this
 * price, not necessarily the stream's head.
 *
 * `validUntil` is the first day a sale can no longer use the price: the day after `validTo`, brought
 * forward to a revocation's `effectiveFrom`. The prices usable on a date `d` are
 * `{ clientId, sku, validFrom: { $lte: d }, validUntil: { $gt: d } }` (`usableOn`).
 */
import type { Money } from '@cl/domain/policy/terms';
import type { SpecialPriceApproved, SpecialPriceEvent } from '@cl/domain/sales/events';
import type { Doc, Filter } from '@cl/read-models';
import { actedBy, stamp, type ActedBy } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';

export const SPECIAL_PRICES = 'special_prices';

export interface SpecialPriceDoc extends Doc {
  /** The special price id. */
  _id: string;
  clientId: string;
  sku: string;
  unitPrice: Money;
  /** Inclusive YYYY-MM-DD dates, as approved. */
  validFrom: string;
  validTo: string;
  /** Exclusive end: the day after validTo, or the revocation's effectiveFrom if earlier. */
  validUntil: string;
  reason: string;
  approvedAt: string;
  approvedBy: ActedBy;
  revoked?: { effectiveFrom: string; reason: string; revokedAt: string; by: ActedBy };
  revision: number;
  updatedAt: string;
}

export const usableOn = (date: string, clientId: string, sku?: string): Filter => ({
  clientId,
  ...(sku ? { sku } : {}),
  validFrom: { $lte: date },
  validUntil: { $gt: date },
});

const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

export const specialPricesProjection: Projection = {
  name: 'special_prices',
  collections: [SPECIAL_PRICES],
  project(event) {
    const e = event as ProjectedEvent<SpecialPriceEvent>;
    switch (e.type) {
      case 'SpecialPriceApproved':
        return [{ op: 'replace', collection: SPECIAL_PRICES, doc: approved(e) }];
      case 'SpecialPriceRevoked': {
        const { specialPriceId, effectiveFrom, reason, revokedAt } = e.data;
        const update = {
          $set: { revoked: { effectiveFrom, reason, revokedAt, by: actedBy(e) }, ...stamp(e) },
          $min: { validUntil: effectiveFrom },
        };
        return [{ op: 'update', collection: SPECIAL_PRICES, filter: { _id: specialPriceId }, update }];
      }
      default:
        return [];
    }
  },
};

function approved(e: ProjectedEvent<SpecialPriceApproved>): SpecialPriceDoc {
  const { specialPriceId, clientId, sku, unitPrice, validFrom, validTo, reason, approvedAt } = e.data;
  return {
    _id: specialPriceId,
    clientId,
    sku,
    unitPrice,
    validFrom,
    validTo,
    validUntil: dayAfter(validTo),
    reason,
    approvedAt,
    approvedBy: actedBy(e),
    ...stamp(e),
  };
}
