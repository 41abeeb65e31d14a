/**
 * The `sales_totals` read model: the actual sales volume, kept by `$inc` as sales are recorded,
 * corrected and cancelled (the events carry the differences, so no write reads the sale):
 *
 * - per distributor policy and plan period (`${policyId}|${period}`): distributor sales only, under
 *   the seller's own policy — the actual that plan attainment is measured against;
 * - per month and currency for the company's direct sales (`company|${month}|${currency}`).
 *
 * A correction moves `actualMinor` by its delta; a cancellation by −previousTotal and `salesCount`
 * by −1. Increments are not idempotent: the store applies each event exactly once per generation
 * (the checkpoint moves in the same transaction), and a rebuild starts from an empty generation.
 */
import type { Money } from '@cl/domain/policy/terms';
import type { SaleEvent } from '@cl/domain/sales/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, WriteOp } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';
import { monthOf } from './sale-fields';

export const SALES_TOTALS = 'sales_totals';

interface TotalFields {
  currency: string;
  /** Σ totals of the sales counted, net of corrections and cancellations, in minor units. */
  actualMinor: number;
  /** Sales recorded minus sales cancelled. */
  salesCount: number;
  /** The latest `recordedAt` of a sale counted (a cancellation does not lower it). */
  lastSaleAt: string;
  updatedAt: string;
}

export interface PolicyPeriodTotalDoc extends Doc, TotalFields {
  /** `${policyId}|${period}` */
  _id: string;
  kind: 'policy-period';
  /** 'distributor:<distributorId>' */
  sellerKey: string;
  policyId: string;
  distributorId: string;
  /** The plan period: '2026-03' or '2026-Q1'. */
  period: string;
}

export interface CompanyMonthTotalDoc extends Doc, TotalFields {
  /** `company|${month}|${currency}` */
  _id: string;
  kind: 'company-month';
  sellerKey: 'company';
  /** YYYY-MM of the sale dates. */
  month: string;
}

export type SalesTotalDoc = PolicyPeriodTotalDoc | CompanyMonthTotalDoc;

export const policyPeriodTotalId = (policyId: string, period: string) => `${policyId}|${period}`;
export const companyMonthTotalId = (month: string, currency: string) => `company|${month}|${currency}`;

interface Counted {
  seller: Side;
  policyId: string | null;
  period: string | null;
  date: string;
}

export const salesTotalsProjection: Projection = {
  name: 'sales_totals',
  collections: [SALES_TOTALS],
  /**
   * Plan vs actual and period closes read a policy's totals by `kind` and `policyId`: with both in the
   * index SQL answers the filter and no document is parsed twice (plan-vs-actual at 1M: 0.5 ms less).
   */
  indexes: [{ collection: SALES_TOTALS, fields: ['policyId', 'kind'] }],
  project(event) {
    const e = event as ProjectedEvent<SaleEvent>;
    switch (e.type) {
      case 'SaleRecorded':
        return counted(e, e.data, e.data.total, 1, e.data.recordedAt);
      case 'SaleCorrected':
        return counted(e, e.data, e.data.delta, 0);
      case 'SaleCancelled': {
        const { minor, currency } = e.data.previousTotal;
        return counted(e, e.data, { minor: -minor, currency }, -1);
      }
      default:
        return [];
    }
  },
};

function counted(e: ProjectedEvent, sale: Counted, amount: Money, sales: number, recordedAt?: string): WriteOp[] {
  const target = totalOf(sale, amount.currency);
  if (!target) return [];
  const update = {
    $setOnInsert: target.fields,
    $inc: { actualMinor: amount.minor, salesCount: sales },
    $set: { updatedAt: e.metadata.recordedAt },
    ...(recordedAt ? { $max: { lastSaleAt: recordedAt } } : {}),
  };
  return [{ op: 'update', collection: SALES_TOTALS, filter: { _id: target.id }, update, upsert: true }];
}

/** The total a sale counts in: its seller's policy period, or the company's month; none for a distributor sale without a policy. */
function totalOf({ seller, policyId, period, date }: Counted, currency: string): { id: string; fields: object } | undefined {
  if (seller.party === 'company') {
    const month = monthOf(date);
    return { id: companyMonthTotalId(month, currency), fields: { kind: 'company-month', sellerKey: 'company', month, currency } };
  }
  if (!policyId || !period) return undefined;
  const { distributorId } = seller;
  const fields = { kind: 'policy-period', sellerKey: sideKey(seller), policyId, distributorId, period, currency };
  return { id: policyPeriodTotalId(policyId, period), fields };
}
