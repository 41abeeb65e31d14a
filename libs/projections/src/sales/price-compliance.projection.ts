/**
 * The `price_compliance` read model: one entry per fact the price-compliance report lists — a sale
 * refused below the floor, a special price approved or revoked, a sale to a client the seller did not
 * own, a company sale line above its discretion band. Entries are written once and never change:
 * `_id` is the event id (`${eventId}:${lineIndex}` for a line), so a repeated event rewrites the same
 * entry.
 *
 * `distributorId` is the selling distributor (null for the company and for special prices, which the
 * API scopes by client); `distributorIds` lists every distributor the fact concerns — the seller, the
 * owner a channel conflict sold past, the distributors whose policy's floor or band the sale met.
 */
import { parsePolicyId } from '@cl/domain/policy/events';
import type { Money } from '@cl/domain/policy/terms';
import type {
  ChannelConflict,
  FloorViolation,
  SaleEvent,
  SaleLineInput,
  SaleRecorded,
  SaleRefused,
  SpecialPriceEvent,
} from '@cl/domain/sales/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, WriteOp } from '@cl/read-models';
import { actedBy, type ActedBy } from '../clients/envelope';
import type { Projection, ProjectedEvent } from '../projection';
import { sellerFields, skusOf } from './sale-fields';

export const PRICE_COMPLIANCE = 'price_compliance';

export type PriceComplianceFact =
  | {
      kind: 'floor-refusal';
      details: { saleId: string; date: string; currency: string; lines: SaleLineInput[]; violations: FloorViolation[] };
    }
  | {
      kind: 'special-price-approved';
      details: { specialPriceId: string; unitPrice: Money; validFrom: string; validTo: string; reason: string };
    }
  | { kind: 'special-price-revoked'; details: { specialPriceId: string; effectiveFrom: string; reason: string } }
  | {
      kind: 'channel-conflict';
      details: { saleId: string; date: string; territory: string; owner: ChannelConflict['owner']; ownerKey: string | null; total: Money };
    }
  | {
      kind: 'above-discretion-band';
      details: {
        saleId: string;
        date: string;
        territory: string;
        segment: string;
        lineIndex: number;
        quantity: number;
        unitPrice: Money;
        floor?: Money;
        maxAboveFloorBp: number;
        policyId: string | null;
      };
    };

export type PriceComplianceKind = PriceComplianceFact['kind'];

interface EntryFields {
  /** The event id, or `${eventId}:${lineIndex}` for a sale line. */
  _id: string;
  /** When it happened: refusedAt, approvedAt, revokedAt, or the sale's recordedAt. */
  at: string;
  clientId: string;
  /** The seller, for entries about a sale. */
  seller?: Side;
  sellerKey?: string;
  /** The selling distributor; null for the company and for special prices. */
  distributorId: string | null;
  /** Every distributor the fact concerns: filter with `{ distributorIds: 'd-1' }`. */
  distributorIds: string[];
  /** The SKU of a line or a special price approval (a revocation does not name it). */
  sku?: string;
  /** The SKUs the entry is about (empty for a revocation): filter with `{ skus: 'SKU-1' }`. */
  skus: string[];
  /** Who acted (event metadata). */
  by: ActedBy;
  updatedAt: string;
}

export type PriceComplianceDoc = Doc & EntryFields & PriceComplianceFact;

export const priceComplianceProjection: Projection = {
  name: 'price_compliance',
  collections: [PRICE_COMPLIANCE],
  // at, _id: the report's order (a page reads its rows in order); clientId: one client's entries.
  indexes: [
    { collection: PRICE_COMPLIANCE, fields: ['at', '_id'] },
    { collection: PRICE_COMPLIANCE, fields: ['clientId'] },
  ],
  project(event) {
    const e = event as ProjectedEvent<SaleEvent | SpecialPriceEvent>;
    switch (e.type) {
      case 'SaleRefused':
        return [refusal(e)];
      case 'SaleRecorded':
        return [...channelConflict(e), ...aboveDiscretionBand(e)];
      case 'SpecialPriceApproved': {
        const { clientId, specialPriceId, sku, unitPrice, validFrom, validTo, reason, approvedAt } = e.data;
        const common = { _id: e.id, at: approvedAt, clientId, ...unscoped, sku, skus: [sku] };
        return [entry(e, common, { kind: 'special-price-approved', details: { specialPriceId, unitPrice, validFrom, validTo, reason } })];
      }
      case 'SpecialPriceRevoked': {
        const { clientId, specialPriceId, sku, effectiveFrom, reason, revokedAt } = e.data;
        const common = { _id: e.id, at: revokedAt, clientId, ...unscoped, sku, skus: [sku] };
        return [entry(e, common, { kind: 'special-price-revoked', details: { specialPriceId, effectiveFrom, reason } })];
      }
      default:
        return [];
    }
  },
};

/** Special prices concern the client, not a distributor: the API scopes them by client. */
const unscoped = { distributorId: null, distributorIds: [] };

type Common = Omit<EntryFields, 'by' | 'updatedAt'>;

function entry(e: ProjectedEvent, common: Common, fact: PriceComplianceFact): WriteOp {
  const doc = { ...common, ...fact, by: actedBy(e), updatedAt: e.metadata.recordedAt } as PriceComplianceDoc;
  return { op: 'replace', collection: PRICE_COMPLIANCE, doc };
}

function refusal(e: ProjectedEvent<SaleRefused>): WriteOp {
  const { saleId, seller, clientId, date, currency, lines, violations, refusedAt } = e.data;
  const s = sellerFields(seller);
  const distributorIds = distributors(s.distributorId, ...violations.map((v) => policyDistributor(v.policyId)));
  const skus = [...new Set(violations.map((v) => v.sku))];
  const common = { _id: e.id, at: refusedAt, clientId, ...s, distributorIds, skus };
  return entry(e, common, { kind: 'floor-refusal', details: { saleId, date, currency, lines, violations } });
}

function channelConflict(e: ProjectedEvent<SaleRecorded>): WriteOp[] {
  const { saleId, seller, clientId, territory, date, lines, total, channelConflict: conflict, recordedAt } = e.data;
  if (!conflict) return [];
  const { owner } = conflict;
  const s = sellerFields(seller);
  const common = {
    _id: e.id,
    at: recordedAt,
    clientId,
    ...s,
    distributorIds: distributors(s.distributorId, ownerDistributor(owner)),
    skus: skusOf(lines),
  };
  const details = { saleId, date, territory, owner, ownerKey: owner && sideKey(owner), total };
  return [entry(e, common, { kind: 'channel-conflict', details })];
}

/** One entry per line; only company sales have a discretion band. */
function aboveDiscretionBand(e: ProjectedEvent<SaleRecorded>): WriteOp[] {
  const { saleId, seller, clientId, territory, date, lines, policyId, recordedAt } = e.data;
  if (seller.party !== 'company') return [];
  return lines.flatMap(({ sku, quantity, unitPrice, floor, aboveDiscretionBand: band }, lineIndex) => {
    if (!band) return [];
    const common = {
      _id: `${e.id}:${lineIndex}`,
      at: recordedAt,
      clientId,
      ...sellerFields(seller),
      distributorIds: distributors(policyDistributor(policyId)),
      sku,
      skus: [sku],
    };
    const details = {
      saleId,
      date,
      territory,
      segment: band.segment,
      lineIndex,
      quantity,
      unitPrice,
      ...(floor ? { floor } : {}),
      maxAboveFloorBp: band.maxAboveFloorBp,
      policyId,
    };
    return [entry(e, common, { kind: 'above-discretion-band', details })];
  });
}

const policyDistributor = (policyId: string | null) => (policyId ? parsePolicyId(policyId)?.distributorId : undefined);
const ownerDistributor = (owner: Side | null) => (owner?.party === 'distributor' ? owner.distributorId : undefined);
const distributors = (...ids: Array<string | null | undefined>): string[] => [...new Set(ids.filter((id): id is string => !!id))];
