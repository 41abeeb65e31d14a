/**
 * Which sales a distributor may see: its own, those to clients it owns now, and those flagged as a
 * channel conflict against it (it owned the client on the sale date). The company and compliance see
 * every sale. Any other sale is answered as one that does not exist (404), never 403.
 */
import { sameSide, sideKey, type Side } from '@cl/domain/shared/sides';
import type { ChannelConflict } from '@cl/domain/sales';
import type { Filter } from '@cl/read-models';
import type { Principal } from '../shared/auth/principal';

export interface SaleParties {
  seller: Side;
  channelConflict?: ChannelConflict | null;
}

const sideOfViewer = (viewer: Principal) => ({ party: 'distributor', distributorId: viewer.distributorId ?? '' }) as const;

export function canSeeSale(viewer: Principal, sale: SaleParties, clientOwnerNow: Side | null): boolean {
  if (viewer.party !== 'distributor') return true;
  const me = sideOfViewer(viewer);
  return sameSide(sale.seller, me) || sameSide(sale.channelConflict?.owner, me) || sameSide(clientOwnerNow, me);
}

/** The same rule as a filter on the `sales` collection, given the clients the distributor owns now. */
export function saleScope(viewer: Principal, ownedClientIds: readonly string[]): Filter {
  if (viewer.party !== 'distributor') return {};
  const me = sideOfViewer(viewer);
  return {
    $or: [
      { sellerKey: sideKey(me) },
      { 'channelConflict.owner.distributorId': me.distributorId },
      { clientId: { $in: [...ownedClientIds] } },
    ],
  };
}
