import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { SPECIAL_PRICES, type SpecialPriceDoc } from '@cl/projections/sales/special-prices.projection';
import { allOf, visibleClientIds } from '../../clients/client-reads';
import { ClientVisibility } from '../../clients/client-visibility';
import type { Principal } from '../../shared/auth/principal';
import { toSpecialPriceView } from '../special-price-read';
import type { SpecialPricePage } from '../special-price-view.dto';
import type { ListSpecialPricesParams } from './list-special-prices.dto';

export class ListSpecialPricesQuery extends Query<SpecialPricePage> {
  constructor(
    readonly query: ListSpecialPricesParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** By client, then SKU, then the latest approval first (the one a sale uses when several are valid and low enough). */
const ORDER = { clientId: 1, sku: 1, approvedAt: -1, _id: 1 } as const;

@QueryHandler(ListSpecialPricesQuery)
export class ListSpecialPricesHandler implements IQueryHandler<ListSpecialPricesQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ query, viewer }: ListSpecialPricesQuery): Promise<SpecialPricePage> {
    const { limit, offset } = query;
    const filter = allOf(await this.scope(viewer), filterOf(query));
    const [docs, total] = await Promise.all([
      this.reads.find<SpecialPriceDoc>(SPECIAL_PRICES, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(SPECIAL_PRICES, filter),
    ]);
    return { items: docs.map(toSpecialPriceView), total, limit, offset };
  }

  /** A distributor sees the approvals for the clients it may see (owned, or in its territories in force). */
  private async scope(viewer: Principal): Promise<Filter> {
    if (viewer.party !== 'distributor') return {};
    return { clientId: { $in: await visibleClientIds(this.reads, this.visibility, viewer) } };
  }
}

/** `validOn`: valid that day and not revoked by then — `validUntil` is the first day it no longer is. */
function filterOf({ clientId, sku, validOn }: ListSpecialPricesParams): Filter {
  return {
    ...(clientId ? { clientId } : {}),
    ...(sku ? { sku } : {}),
    ...(validOn ? { validFrom: { $lte: validOn }, validUntil: { $gt: validOn } } : {}),
  };
}
