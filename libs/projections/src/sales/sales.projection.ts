/**
 * The `sales` and `sales_refused` read models. `sales`: one document per recorded sale with its
 * current lines — a correction replaces them, a cancellation only changes the status, so a cancelled
 * sale still shows what was cancelled. `sales_refused`: one document per sale refused at the price
 * floor, with the violations and who tried. Each sale has its own stream; `revision` is its ETag.
 */
import type {
  ChannelConflict,
  FloorViolation,
  SaleEvent,
  SaleLine,
  SaleLineInput,
  SaleRecorded,
  SaleRefused,
} from '@cl/domain/sales/events';
import type { Money } from '@cl/domain/policy/terms';
import type { Doc, WriteOp } from '@cl/read-models';
import { actedBy, stamp, type ActedBy } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';
import { monthOf, sellerFields, skusOf, type SellerFields } from './sale-fields';

export const SALES = 'sales';
export const SALES_REFUSED = 'sales_refused';

export type SaleStatus = 'recorded' | 'cancelled';

export interface SaleCorrectionView {
  correctionNo: number;
  reason: string;
  previousTotal: Money;
  delta: Money;
  correctedAt: string;
  by: ActedBy;
}

export interface SaleDoc extends Doc, SellerFields {
  /** The sale id. */
  _id: string;
  clientId: string;
  /** The client's territory and segment when sold. */
  territory: string;
  segment: string;
  /** YYYY-MM-DD, the date of the sale; `month` is its YYYY-MM. */
  date: string;
  month: string;
  /** The governing distributor policy and the plan period the sale counts in; null for a company sale no policy covers. */
  policyId: string | null;
  period: string | null;
  currency: string;
  /** The current lines and total: a correction replaces them; a cancellation leaves the cancelled ones. */
  lines: SaleLine[];
  /** The distinct SKUs of `lines`: filter with `{ skus: 'SKU-1' }`. */
  skus: string[];
  total: Money;
  status: SaleStatus;
  /** Number of corrections applied (the last correctionNo), and each one in order. */
  corrections: number;
  correctionLog: SaleCorrectionView[];
  /** cancelled: why, when and by whom. */
  cancellation?: { reason: string; cancelledAt: string; by: ActedBy };
  /** Set when the seller did not own the client on the sale date. */
  channelConflict: ChannelConflict | null;
  recordedAt: string;
  /** Who recorded it (event metadata). */
  recordedBy: ActedBy;
  revision: number;
  updatedAt: string;
}

export interface RefusedSaleDoc extends Doc, SellerFields {
  /** The sale id. */
  _id: string;
  clientId: string;
  date: string;
  month: string;
  currency: string;
  lines: SaleLineInput[];
  /** What the lines tried add up to. */
  total: Money;
  violations: FloorViolation[];
  refusedAt: string;
  /** Who tried (event metadata). */
  by: ActedBy;
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<SaleEvent>;

export const salesProjection: Projection = {
  name: 'sales',
  collections: [SALES, SALES_REFUSED],
  // clientId, sellerKey and the conflict's owner: the three branches of a distributor's sales list (each
  // must be indexed for its $or to be). The first two are followed by date, _id, so a date range narrows
  // inside the index and a page's sort keys come without reading rows: with clientId and sellerKey alone,
  // a week of one distributor's sales at 1M events read ~18,000 rows to keep ~340 (docs/benchmarks.md,
  // 2026-11-29). Conflicts are few; their index stays narrow — SQLite counts the whole collection on
  // the smallest index (with date, _id in every index it took 8 ms instead of 0.2). sellerKey + month: a
  // seller's month (monthly report, the sales behind a non-discrimination cell); date, _id: the whole
  // list, latest first.
  indexes: [
    { collection: SALES, fields: ['date', '_id'] },
    { collection: SALES, fields: ['period', 'date', '_id'] },
    { collection: SALES, fields: ['clientId', 'date', '_id'] },
    { collection: SALES, fields: ['sellerKey', 'date', '_id'] },
    { collection: SALES, fields: ['sellerKey', 'month'] },
    { collection: SALES, fields: ['channelConflict.owner.distributorId'] },
    { collection: SALES_REFUSED, fields: ['sellerKey', 'month'] },
  ],
  project(event) {
    const e = event as Projected;
    switch (e.type) {
      case 'SaleRecorded':
        return [{ op: 'replace', collection: SALES, doc: recorded(e) }];
      case 'SaleRefused':
        return [{ op: 'replace', collection: SALES_REFUSED, doc: refused(e) }];
      case 'SaleCorrected': {
        const { saleId, correctionNo, lines, total, previousTotal, delta, reason, correctedAt } = e.data;
        const entry: SaleCorrectionView = { correctionNo, reason, previousTotal, delta, correctedAt, by: actedBy(e) };
        return [
          update(e, saleId, { $set: { lines, skus: skusOf(lines), total, corrections: correctionNo }, $push: { correctionLog: entry } }),
        ];
      }
      case 'SaleCancelled': {
        const { saleId, reason, cancelledAt } = e.data;
        return [update(e, saleId, { $set: { status: 'cancelled', cancellation: { reason, cancelledAt, by: actedBy(e) } } })];
      }
      default:
        return [];
    }
  },
};

function recorded(e: ProjectedEvent<SaleRecorded>): SaleDoc {
  const d = e.data;
  return {
    _id: d.saleId,
    ...sellerFields(d.seller),
    clientId: d.clientId,
    territory: d.territory,
    segment: d.segment,
    date: d.date,
    month: monthOf(d.date),
    policyId: d.policyId,
    period: d.period,
    currency: d.currency,
    lines: d.lines,
    skus: skusOf(d.lines),
    total: d.total,
    status: 'recorded',
    corrections: 0,
    correctionLog: [],
    channelConflict: d.channelConflict,
    recordedAt: d.recordedAt,
    recordedBy: actedBy(e),
    ...stamp(e),
  };
}

function refused(e: ProjectedEvent<SaleRefused>): RefusedSaleDoc {
  const d = e.data;
  return {
    _id: d.saleId,
    ...sellerFields(d.seller),
    clientId: d.clientId,
    date: d.date,
    month: monthOf(d.date),
    currency: d.currency,
    lines: d.lines,
    total: d.total,
    violations: d.violations,
    refusedAt: d.refusedAt,
    by: actedBy(e),
    ...stamp(e),
  };
}

function update(e: Projected, saleId: string, update: { $set: object; $push?: object }): WriteOp {
  return { op: 'update', collection: SALES, filter: { _id: saleId }, update: { ...update, $set: { ...update.$set, ...stamp(e) } } };
}
