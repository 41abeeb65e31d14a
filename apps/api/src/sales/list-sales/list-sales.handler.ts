import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { sideKey } from '@cl/domain/shared/sides';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import { SALES, type SaleDoc } from '@cl/projections/sales/sales.projection';
import type { Principal } from '../../shared/auth/principal';
import { toSaleView } from '../sale-read';
import type { SalePage } from '../sale-view.dto';
import { saleScope } from '../sale-visibility';
import type { ListSalesParams } from './list-sales.dto';

export class ListSalesQuery extends Query<SalePage> {
  constructor(
    readonly query: ListSalesParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** Latest sale date first, then by id: a total order, so pages neither repeat nor skip a sale. */
const ORDER = { date: -1, _id: 1 } as const;

@QueryHandler(ListSalesQuery)
export class ListSalesHandler implements IQueryHandler<ListSalesQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ query, viewer }: ListSalesQuery): Promise<SalePage> {
    const { limit, offset } = query;
    // One top-level conjunction (the scope is at most an $or), so a clientId or sellerKey index narrows it.
    const filter: Filter = { ...filterOf(query), ...(await this.scope(viewer)) };
    const [docs, total] = await Promise.all([
      // A selective filter (a client, a seller, a distributor's scope) is read through its own index and
      // sorted; reading all sales in date order to find its few would cost more. A period and a date
      // range are read in date order from the `period, date, _id` or `date, _id` index.
      Object.keys(filter).every((k) => k === 'period' || k === 'date')
        ? latestFirst(this.reads, filter, offset, limit)
        : this.reads.find<SaleDoc>(SALES, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(SALES, filter),
    ]);
    return { items: docs.map(toSaleView), total, limit, offset };
  }

  /** A distributor's own sales, the sales to the clients it owns now, and the channel conflicts against it. */
  private async scope(viewer: Principal): Promise<Filter> {
    if (viewer.party !== 'distributor') return {};
    const me = sideKey({ party: 'distributor', distributorId: viewer.distributorId ?? '' });
    const owned = await this.reads.find<ClientDoc>(CLIENTS, { ownerKey: me }, { sort: { _id: 1 } });
    return saleScope(
      viewer,
      owned.map((c) => c._id),
    );
  }
}

/**
 * The page of all sales, or of one period's or date range's, in ORDER without sorting them all (ORDER mixes directions:
 * no index serves it). The first offset + limit matches latest date first (the `date, _id` or
 * `period, date, _id` index serves that order) hold every match dated after the last one's day; that
 * day's first matches by id complete the list in ORDER.
 */
async function latestFirst(reads: ReadStore, filter: Filter, offset: number, limit: number): Promise<SaleDoc[]> {
  const head = await reads.find<SaleDoc>(SALES, filter, { sort: { date: -1, _id: -1 }, limit: offset + limit });
  if (head.length === 0) return [];
  const lastDay = head[head.length - 1].date;
  const later = head.filter((s) => s.date > lastDay).sort(byOrder);
  // The day replaces any date range of the filter: it lies within it, being a match's.
  const sameDay = await reads.find<SaleDoc>(SALES, { ...filter, date: lastDay }, { sort: { _id: 1 }, limit: offset + limit - later.length });
  return [...later, ...sameDay].slice(offset, offset + limit);
}

const byOrder = (a: SaleDoc, b: SaleDoc) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

function filterOf({ clientId, sellerKey, from, to, period }: ListSalesParams): Filter {
  const date = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
  return {
    ...(clientId ? { clientId } : {}),
    ...(sellerKey ? { sellerKey } : {}),
    ...(period ? { period } : {}),
    ...(Object.keys(date).length > 0 ? { date } : {}),
  };
}
