/** What the sale queries share: finding a sale the viewer may see, and a stored sale as the API shows it. */
import { SaleErrors } from '@cl/domain/sales';
import type { ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import { SALES, SALES_REFUSED, type RefusedSaleDoc, type SaleDoc } from '@cl/projections/sales/sales.projection';
import type { Principal } from '../shared/auth/principal';
import type { SaleView } from './sale-view.dto';
import { canSeeSale } from './sale-visibility';

/** A recorded, cancelled or refused sale; one the viewer may not see is answered as one that does not exist. */
export async function findVisibleSale(reads: ReadStore, id: string, viewer: Principal): Promise<SaleView> {
  const recorded = await reads.findOne<SaleDoc>(SALES, { _id: id });
  const doc = recorded ?? (await reads.findOne<RefusedSaleDoc>(SALES_REFUSED, { _id: id }));
  if (!doc) throw SaleErrors.notFound(id);
  const client = viewer.party === 'distributor' ? await reads.findOne<ClientDoc>(CLIENTS, { _id: doc.clientId }) : null;
  const conflict = recorded ? recorded.channelConflict : null;
  if (!canSeeSale(viewer, { seller: doc.seller, channelConflict: conflict }, client?.owner ?? null)) throw SaleErrors.notFound(id);
  return recorded ? toSaleView(recorded) : toRefusedSaleView(doc as RefusedSaleDoc);
}

/** The document's `_id` is the sale id; storage keys (starting with `_`) stay internal. */
export function toSaleView(doc: SaleDoc): SaleView {
  return { id: doc._id, ...publicFields(doc) } as SaleView;
}

function toRefusedSaleView(doc: RefusedSaleDoc): SaleView {
  const { by, ...rest } = publicFields(doc) as Omit<RefusedSaleDoc, '_id'>;
  return { id: doc._id, status: 'refused', ...rest, recordedBy: by } as SaleView;
}

const publicFields = (doc: object) => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
