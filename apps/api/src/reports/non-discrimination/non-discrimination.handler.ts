import { Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { CHANNEL_PRICES, type ChannelPriceDoc } from '@cl/projections/sales/channel-prices.projection';
import { SALES, type SaleDoc } from '@cl/projections/sales/sales.projection';
import type { AppConfig } from '../../config/config.schema';
import type { Principal } from '../../shared/auth/principal';
import { allOf } from '../../clients/client-reads';
import { ClientVisibility } from '../../clients/client-visibility';
import { percentOf, unitPriceText } from '../percent';
import { ownDistributor } from '../report-scope';
import { differencesBeyond } from './price-differences';
import type { NonDiscriminationParams, NonDiscriminationReport, PriceGroupView, SaleBehindView } from './non-discrimination.dto';

export class NonDiscriminationQuery extends Query<NonDiscriminationReport> {
  constructor(
    readonly params: NonDiscriminationParams,
    readonly viewer: Principal,
    readonly now: Date,
  ) {
    super();
  }
}

/** Cells in group order; within a group 'company' sorts before every 'distributor:…'. */
const ORDER = { territory: 1, sku: 1, month: 1, currency: 1, channelKey: 1 } as const;

@QueryHandler(NonDiscriminationQuery)
export class NonDiscriminationHandler implements IQueryHandler<NonDiscriminationQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async execute({ params, viewer, now }: NonDiscriminationQuery): Promise<NonDiscriminationReport> {
    const configured: number = this.config.get('NON_DISCRIMINATION_TOLERANCE_BP', { infer: true });
    const toleranceBp: number = params.toleranceBp ?? configured;
    const cells = await this.reads.find<ChannelPriceDoc>(CHANNEL_PRICES, allOf(await this.scope(viewer), filtersOf(params)), {
      sort: ORDER,
    });
    const groups = await Promise.all(groupsOf(cells).map((group) => this.withSales(group, toleranceBp, viewer)));
    return { toleranceBp, tolerance: percentOf(toleranceBp), asOf: now.toISOString(), groups };
  }

  /** A distributor sees the groups of its territories in force now. */
  private async scope(viewer: Principal): Promise<Filter> {
    const own = ownDistributor(viewer);
    if (own === undefined) return {};
    return { territoryPath: { $in: await this.visibility.territoriesOf(own) } };
  }

  private async withSales(cells: ChannelPriceDoc[], toleranceBp: number, viewer: Principal): Promise<PriceGroupView> {
    const { territory, sku, month, currency } = cells[0];
    const channels = cells.map((c) => ({
      channel: c.channelKey,
      quantity: c.quantity,
      amountMinor: c.amountMinor,
      unitPriceMinor: unitPriceText(c.amountMinor, c.quantity),
    }));
    const differences = differencesBeyond(cells, toleranceBp);
    const involved = [...new Set(differences.flatMap((d) => [d.lower, d.higher]))].filter((key) => salesShownTo(viewer, key));
    const sales = involved.length > 0 ? await this.salesBehind(cells[0], involved) : [];
    return { territory, sku, month, currency, channels, differences, sales };
  }

  /** The sales a cell sums, filtered the way the cell was built: territory, SKU, month, seller and currency, cancelled ones left out. */
  private async salesBehind(cell: ChannelPriceDoc, sellerKeys: string[]): Promise<SaleBehindView[]> {
    const { territory, sku, month, currency } = cell;
    const filter = { territory, skus: sku, month, currency, status: 'recorded', sellerKey: { $in: sellerKeys } };
    const docs = await this.reads.find<SaleDoc>(SALES, filter, { sort: { sellerKey: 1, date: 1, _id: 1 } });
    return docs.map((s) => {
      const lines = s.lines.filter((l) => l.sku === sku);
      const quantity = lines.reduce((n, l) => n + l.quantity, 0);
      const amountMinor = lines.reduce((n, l) => n + l.lineTotal.minor, 0);
      return {
        saleId: s._id,
        channel: s.sellerKey,
        clientId: s.clientId,
        date: s.date,
        quantity,
        amountMinor,
        unitPriceMinor: unitPriceText(amountMinor, quantity),
      };
    });
  }
}

function filtersOf({ territory, sku, from, to }: NonDiscriminationParams): Filter {
  const month = from || to ? { month: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } } : {};
  return { ...(territory ? { territoryPath: territory } : {}), ...(sku !== undefined ? { sku } : {}), ...month };
}

/** Consecutive cells of one territory, SKU, month and currency (the cells arrive sorted so). */
function groupsOf(cells: readonly ChannelPriceDoc[]): ChannelPriceDoc[][] {
  const groups = new Map<string, ChannelPriceDoc[]>();
  for (const c of cells) {
    const key = [c.territory, c.sku, c.month, c.currency].join('|');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/**
 * A distributor sees every channel's price in its territories (that is the point of the report),
 * but the sales behind them only for its own channel and the company's, whose work with clients is
 * open to it: another distributor's clients are that distributor's business.
 */
function salesShownTo(viewer: Principal, channelKey: string): boolean {
  const own = ownDistributor(viewer);
  return own === undefined || channelKey === 'company' || channelKey === `distributor:${own}`;
}
