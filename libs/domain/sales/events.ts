/**
 * Sales and special prices. A sale has its own stream (`sale-<saleId>`): recorded — or refused, when
 * a line is below the price floor without a valid special price (the refusal is a fact compliance
 * must see) — then corrected or cancelled by new events that refer to it; history is never rewritten.
 * Special prices live in one stream per client (`special-prices-<clientId>`), so a sale reads every
 * approval that could apply to it from a single stream, consistently.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { Side } from '../shared/sides';
import type { Money } from '../policy/terms';
import { upcastSaleRefusedV1 } from './upcasters';

export interface SaleLineInput {
  sku: string;
  /** Units, a positive integer. */
  quantity: number;
  /** Per unit, in the sale's currency. */
  unitPrice: Money;
}

/** A line as recorded: what the floor was and which special price, if any, allowed going below it. */
export interface SaleLine extends SaleLineInput {
  lineTotal: Money;
  /** The floor in force for this SKU on the sale date (absent: the SKU has none). */
  floor?: Money;
  /** Set when the unit price is below the floor and an approved special price allows it. */
  specialPriceId?: string;
  /**
   * Company sales only: the unit price exceeds the floor by more than the company's discretion band
   * for the client's segment. Recorded, not refused; the price-compliance report lists it.
   */
  aboveDiscretionBand?: { maxAboveFloorBp: number; segment: string };
}

/** A line below its floor with no valid special price. */
export interface FloorViolation {
  lineIndex: number;
  sku: string;
  unitPrice: Money;
  floor: Money;
  policyId: string;
}

/** The seller does not own the client on the sale date: recorded, flagged, reported. */
export interface ChannelConflict {
  /** Who owned the client on the sale date (null: nobody). */
  owner: Side | null;
}

export type SaleRecorded = Event<
  'SaleRecorded',
  {
    saleId: string;
    seller: Side;
    clientId: string;
    /** The client's territory and segment when sold (the non-discrimination report groups by territory). */
    territory: string;
    segment: string;
    /** YYYY-MM-DD, the date of the sale (not of recording). */
    date: string;
    currency: string;
    lines: SaleLine[];
    total: Money;
    /**
     * The distributor policy whose terms governed the sale (its floors, currency and plan period):
     * the seller's own for a distributor, the one covering the client's territory for the company;
     * null for a company sale no distributor policy covers.
     */
    policyId: string | null;
    /** The plan period of that policy the sale counts in ('2026-03' or '2026-Q1'); null when policyId is. */
    period: string | null;
    channelConflict: ChannelConflict | null;
    recordedAt: string;
  }
>;

export type SaleRefused = Event<
  'SaleRefused',
  {
    saleId: string;
    seller: Side;
    clientId: string;
    date: string;
    currency: string;
    lines: SaleLineInput[];
    /**
     * Σ quantity × unit price of the lines tried, exact, in the sale's currency: what the refused sale
     * was worth, computed as a recorded sale's total is (since version 2).
     */
    total: Money;
    violations: FloorViolation[];
    refusedAt: string;
  }
>;

/**
 * SaleRefused as stored before version 2, which added `total`. Frozen: events of this version are
 * still in the log, and are read as the current version through `upcastSaleRefusedV1`.
 */
export type SaleRefusedV1 = Event<
  'SaleRefused',
  {
    saleId: string;
    seller: Side;
    clientId: string;
    date: string;
    currency: string;
    lines: SaleLineInput[];
    violations: FloorViolation[];
    refusedAt: string;
  }
>;

/** Replaces the lines (quantities, prices) of a recorded sale; `delta` = total − previousTotal. */
export type SaleCorrected = Event<
  'SaleCorrected',
  {
    saleId: string;
    correctionNo: number;
    lines: SaleLine[];
    total: Money;
    /** The lines and total before this correction: projections apply the difference without reading the sale. */
    previousLines: SaleLine[];
    previousTotal: Money;
    delta: Money;
    territory: string;
    /** Repeated from the sale so projections can apply the delta without reading it. */
    seller: Side;
    clientId: string;
    policyId: string | null;
    period: string | null;
    date: string;
    reason: string;
    correctedAt: string;
  }
>;

export type SaleCancelled = Event<
  'SaleCancelled',
  {
    saleId: string;
    /** The lines and total being cancelled (after any corrections). */
    previousLines: SaleLine[];
    previousTotal: Money;
    territory: string;
    seller: Side;
    clientId: string;
    policyId: string | null;
    period: string | null;
    date: string;
    reason: string;
    cancelledAt: string;
  }
>;

export type SaleEvent = SaleRecorded | SaleRefused | SaleCorrected | SaleCancelled;

export type SpecialPriceApproved = Event<
  'SpecialPriceApproved',
  {
    clientId: string;
    specialPriceId: string;
    sku: string;
    unitPrice: Money;
    /** Inclusive YYYY-MM-DD dates. */
    validFrom: string;
    validTo: string;
    reason: string;
    approvedAt: string;
  }
>;

/** Ends a special price early: sales dated on or after `effectiveFrom` can no longer use it. */
export type SpecialPriceRevoked = Event<
  'SpecialPriceRevoked',
  { clientId: string; specialPriceId: string; sku: string; effectiveFrom: string; reason: string; revokedAt: string }
>;

export type SpecialPriceEvent = SpecialPriceApproved | SpecialPriceRevoked;

export const salesEventSchemas: EventSchemas = {
  SaleRecorded: { version: 1 },
  SaleRefused: { version: 2, upcasters: { 1: upcastSaleRefusedV1 } },
  SaleCorrected: { version: 1 },
  SaleCancelled: { version: 1 },
  SpecialPriceApproved: { version: 1 },
  SpecialPriceRevoked: { version: 1 },
};

export const saleStream = (saleId: string) => `sale-${saleId}`;
export const specialPriceStream = (clientId: string) => `special-prices-${clientId}`;
