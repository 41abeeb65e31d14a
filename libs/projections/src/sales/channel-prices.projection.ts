/**
 * The `channel_prices` read model, for the non-discrimination report: what each channel sold of a SKU
 * in a territory and month, per currency — quantity and Σ lineTotal. The effective unit price is
 * `amountMinor / quantity`, computed at read time (`unitPriceOf`), so that corrections and
 * cancellations stay exact: they `$inc` by the per-SKU difference between the new and the previous
 * lines (a SKU dropped from a sale gets negative increments). A cell emptied to zero is deleted.
 * Increments rely on the store applying each event exactly once per generation.
 */
import type { SaleEvent } from '@cl/domain/sales/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, WriteOp } from '@cl/read-models';
import { territoryPath } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';
import { amountsBySku, monthOf, skuDifferences, type SkuAmount } from './sale-fields';

export const CHANNEL_PRICES = 'channel_prices';

export interface ChannelPriceDoc extends Doc {
  /** `${territory}|${sku}|${month}|${channelKey}|${currency}` */
  _id: string;
  /** The client's territory when sold, and every coarser code: filter with `{ territoryPath: 'PL' }`. */
  territory: string;
  territoryPath: string[];
  sku: string;
  /** YYYY-MM of the sale dates. */
  month: string;
  /** The selling side: 'company' or 'distributor:<id>'. */
  channelKey: string;
  currency: string;
  /** Units sold, net of corrections and cancellations (always > 0: emptied cells are deleted). */
  quantity: number;
  /** Σ lineTotal of those units, in minor units. */
  amountMinor: number;
  updatedAt: string;
}

export const channelPriceId = (territory: string, sku: string, month: string, channelKey: string, currency: string) =>
  `${territory}|${sku}|${month}|${channelKey}|${currency}`;

/** The average unit price the channel sold at, in minor units (fractional: compare it with a tolerance). */
export const unitPriceOf = (doc: Pick<ChannelPriceDoc, 'quantity' | 'amountMinor'>): number => doc.amountMinor / doc.quantity;

interface Cell {
  territory: string;
  seller: Side;
  date: string;
  currency: string;
}

export const channelPricesProjection: Projection = {
  name: 'channel_prices',
  collections: [CHANNEL_PRICES],
  project(event) {
    const e = event as ProjectedEvent<SaleEvent>;
    switch (e.type) {
      case 'SaleRecorded':
        return increments(e, e.data, amountsBySku(e.data.lines));
      case 'SaleCorrected':
        return increments(e, { ...e.data, currency: e.data.total.currency }, skuDifferences(e.data.lines, e.data.previousLines));
      case 'SaleCancelled':
        return increments(e, { ...e.data, currency: e.data.previousTotal.currency }, skuDifferences([], e.data.previousLines));
      default:
        return [];
    }
  },
};

function increments(e: ProjectedEvent, cell: Cell, bySku: Map<string, SkuAmount>): WriteOp[] {
  return [...bySku].flatMap(([sku, { quantity, amountMinor }]) => {
    const month = monthOf(cell.date);
    const channelKey = sideKey(cell.seller);
    const { territory, currency } = cell;
    const _id = channelPriceId(territory, sku, month, channelKey, currency);
    const inc: WriteOp = {
      op: 'update',
      collection: CHANNEL_PRICES,
      filter: { _id },
      update: {
        $setOnInsert: { territory, territoryPath: territoryPath(territory), sku, month, channelKey, currency },
        $inc: { quantity, amountMinor },
        $set: { updatedAt: e.metadata.recordedAt },
      },
      upsert: true,
    };
    // Only a decrease can empty a cell; one that did is no price at all.
    const emptied: WriteOp[] = quantity < 0 ? [{ op: 'delete', collection: CHANNEL_PRICES, filter: { _id, quantity: 0 } }] : [];
    return [inc, ...emptied];
  });
}
