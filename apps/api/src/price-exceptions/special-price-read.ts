/** What the price-exception queries share: a special price the viewer may see, as the API shows it. */
import { SpecialPriceErrors } from '@cl/domain/sales';
import type { ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import { SPECIAL_PRICES, type SpecialPriceDoc } from '@cl/projections/sales/special-prices.projection';
import type { ClientVisibility } from '../clients/client-visibility';
import type { Principal } from '../shared/auth/principal';
import type { SpecialPriceView } from './special-price-view.dto';

/**
 * The company and compliance see every special price; a distributor those of the clients it may see
 * (owned, or in its territories). Any other is answered as one that does not exist.
 */
export async function findVisibleSpecialPrice(reads: ReadStore, visibility: ClientVisibility, id: string, viewer: Principal) {
  const doc = await reads.findOne<SpecialPriceDoc>(SPECIAL_PRICES, { _id: id });
  if (!doc) throw SpecialPriceErrors.notFound(id);
  if (viewer.party === 'distributor') {
    const client = await reads.findOne<ClientDoc>(CLIENTS, { _id: doc.clientId });
    if (!client || !(await visibility.canSee(viewer, client))) throw SpecialPriceErrors.notFound(id);
  }
  return toSpecialPriceView(doc);
}

export function toSpecialPriceView(doc: SpecialPriceDoc): SpecialPriceView {
  const { _id, clientId, sku, unitPrice, validFrom, validTo, validUntil, reason, approvedAt, approvedBy, revoked, revision, updatedAt } =
    doc;
  return {
    id: _id,
    clientId,
    sku,
    unitPrice,
    validFrom,
    validTo,
    validUntil,
    reason,
    approvedAt,
    approvedBy,
    ...(revoked ? { revoked } : {}),
    revision,
    updatedAt,
  };
}
