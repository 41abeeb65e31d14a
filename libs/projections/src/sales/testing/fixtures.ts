/**
 * Event builders for the sales read-model specs. `SaleBook` records, corrects and cancels sales the
 * way the sale decider does — a correction and a cancellation carry the lines and total they replace —
 * and remembers each sale's final state, so a spec can compute the expected totals on its own.
 */
import type { Money } from '@cl/domain/policy/terms';
import {
  saleStream,
  specialPriceStream,
  type ChannelConflict,
  type SaleCancelled,
  type SaleCorrected,
  type SaleEvent,
  type SaleLine,
  type SaleRecorded,
  type SaleRefused,
  type SpecialPriceApproved,
  type SpecialPriceEvent,
  type SpecialPriceRevoked,
} from '@cl/domain/sales/events';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import type { Actor } from '@cl/domain/shared/types';
import type { ProjectedEvent } from '../../projection';
import { asProjected } from '../../testing/project-events';

export { COMPANY };
export const D1: Side = { party: 'distributor', distributorId: 'd-1' };
export const D2: Side = { party: 'distributor', distributorId: 'd-2' };
export const JAN: Actor = { party: 'distributor', userId: 'jan', distributorId: 'd-1' };
export const EWA: Actor = { party: 'distributor', userId: 'ewa', distributorId: 'd-2' };
export const CEO: Actor = { party: 'company', userId: 'ceo' };

const pln = (minor: number, currency = 'PLN'): Money => ({ minor, currency });

/** A line at `unitMinor` per unit; `extra` adds the floor, special price or discretion-band flag. */
export const line = (sku: string, quantity: number, unitMinor: number, extra: Partial<SaleLine> = {}, currency = 'PLN'): SaleLine => ({
  sku,
  quantity,
  unitPrice: pln(unitMinor, currency),
  lineTotal: pln(quantity * unitMinor, currency),
  ...extra,
});

const totalOf = (lines: SaleLine[], currency: string): Money =>
  pln(
    lines.reduce((n, l) => n + l.lineTotal.minor, 0),
    currency,
  );

export interface SaleSpec {
  saleId: string;
  seller: Side;
  date: string;
  lines: SaleLine[];
  clientId?: string;
  territory?: string;
  segment?: string;
  currency?: string;
  policyId?: string | null;
  period?: string | null;
  channelConflict?: ChannelConflict | null;
}

/** A sale as the book knows it now. */
export interface BookedSale {
  recorded: SaleRecorded['data'];
  lines: SaleLine[];
  total: Money;
  corrections: number;
  cancelled: boolean;
}

const defaultPolicy = (seller: Side, date: string) =>
  seller.party === 'distributor'
    ? { policyId: `${seller.distributorId}-${date.slice(0, 4)}`, period: date.slice(0, 7) }
    : { policyId: null, period: null };

export class SaleBook {
  readonly sales = new Map<string, BookedSale>();

  record(spec: SaleSpec): SaleRecorded {
    const currency = spec.currency ?? 'PLN';
    const policy = defaultPolicy(spec.seller, spec.date);
    const data: SaleRecorded['data'] = {
      saleId: spec.saleId,
      seller: spec.seller,
      clientId: spec.clientId ?? 'c-1',
      territory: spec.territory ?? 'PL-MZ',
      segment: spec.segment ?? 'retail',
      date: spec.date,
      currency,
      lines: spec.lines,
      total: totalOf(spec.lines, currency),
      policyId: spec.policyId === undefined ? policy.policyId : spec.policyId,
      period: spec.period === undefined ? policy.period : spec.period,
      channelConflict: spec.channelConflict ?? null,
      recordedAt: `${spec.date}T12:00:00.000Z`,
    };
    this.sales.set(spec.saleId, { recorded: data, lines: spec.lines, total: data.total, corrections: 0, cancelled: false });
    return { type: 'SaleRecorded', data };
  }

  correct(saleId: string, lines: SaleLine[], correctedAt = '2026-06-01T09:00:00.000Z'): SaleCorrected {
    const sale = this.live(saleId);
    const { currency, territory, seller, clientId, policyId, period, date } = sale.recorded;
    const total = totalOf(lines, currency);
    const correctionNo = sale.corrections + 1;
    const data: SaleCorrected['data'] = {
      saleId,
      correctionNo,
      lines,
      total,
      previousLines: sale.lines,
      previousTotal: sale.total,
      delta: pln(total.minor - sale.total.minor, currency),
      territory,
      seller,
      clientId,
      policyId,
      period,
      date,
      reason: 'wrong quantity on the invoice',
      correctedAt,
    };
    this.sales.set(saleId, { ...sale, lines, total, corrections: correctionNo });
    return { type: 'SaleCorrected', data };
  }

  cancel(saleId: string, cancelledAt = '2026-06-02T09:00:00.000Z'): SaleCancelled {
    const sale = this.live(saleId);
    const { territory, seller, clientId, policyId, period, date } = sale.recorded;
    this.sales.set(saleId, { ...sale, cancelled: true });
    return {
      type: 'SaleCancelled',
      data: {
        saleId,
        previousLines: sale.lines,
        previousTotal: sale.total,
        territory,
        seller,
        clientId,
        policyId,
        period,
        date,
        reason: 'returned',
        cancelledAt,
      },
    };
  }

  /** The sales not cancelled, with their final lines. */
  standing(): BookedSale[] {
    return [...this.sales.values()].filter((s) => !s.cancelled);
  }

  private live(saleId: string): BookedSale {
    const sale = this.sales.get(saleId);
    if (!sale || sale.cancelled) throw new Error(`No standing sale ${saleId}`);
    return sale;
  }
}

export const refused = (saleId: string, seller: Side, refusedAt = '2026-03-05T10:00:00.000Z'): SaleRefused => ({
  type: 'SaleRefused',
  data: {
    saleId,
    seller,
    clientId: 'c-1',
    date: '2026-03-05',
    currency: 'PLN',
    lines: [
      { sku: 'SKU-1', quantity: 10, unitPrice: pln(800) },
      { sku: 'SKU-2', quantity: 1, unitPrice: pln(5_000) },
    ],
    total: pln(13_000),
    violations: [{ lineIndex: 0, sku: 'SKU-1', unitPrice: pln(800), floor: pln(900), policyId: 'd-1-2026' }],
    refusedAt,
  },
});

export const specialPriceApproved = (specialPriceId: string, validFrom: string, validTo: string, sku = 'SKU-1'): SpecialPriceApproved => ({
  type: 'SpecialPriceApproved',
  data: {
    clientId: 'c-1',
    specialPriceId,
    sku,
    unitPrice: pln(850),
    validFrom,
    validTo,
    reason: 'volume commitment',
    approvedAt: `${validFrom}T08:00:00.000Z`,
  },
});

export const specialPriceRevoked = (specialPriceId: string, effectiveFrom: string, sku = 'SKU-1'): SpecialPriceRevoked => ({
  type: 'SpecialPriceRevoked',
  data: { clientId: 'c-1', specialPriceId, sku, effectiveFrom, reason: 'commitment not met', revokedAt: `${effectiveFrom}T07:00:00.000Z` },
});

export interface Delivered {
  event: SaleEvent | SpecialPriceEvent;
  actor: Actor;
}

export const by = (actor: Actor, event: SaleEvent | SpecialPriceEvent): Delivered => ({ event, actor });

const streamOf = (event: SaleEvent | SpecialPriceEvent): string =>
  event.type === 'SpecialPriceApproved' || event.type === 'SpecialPriceRevoked'
    ? specialPriceStream(event.data.clientId)
    : saleStream(event.data.saleId);

/** As the projector delivers them, each with its own actor (the CEO unless said otherwise). */
export function delivered(events: Array<SaleEvent | SpecialPriceEvent | Delivered>): ProjectedEvent[] {
  const withActors = events.map((e): Delivered => ('actor' in e ? e : { event: e, actor: CEO }));
  return asProjected(withActors.map(({ event }) => ({ stream: streamOf(event), event }))).map((e, i) => ({
    ...e,
    metadata: { ...e.metadata, actor: withActors[i].actor },
  }));
}

/** A small deterministic PRNG (mulberry32), so the generated histories are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A history of many sales by the company and two distributors, across SKUs, months, territories and
 * two currencies for the company, with corrections (SKUs added, dropped, repriced) and cancellations.
 */
export function busyQuarter(seed = 7): { book: SaleBook; events: SaleEvent[] } {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const someLines = (currency: string): SaleLine[] =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      line(pick(['SKU-1', 'SKU-2', 'SKU-3']), 1 + Math.floor(random() * 20), 500 + Math.floor(random() * 2_000), {}, currency),
    );
  const book = new SaleBook();
  const events: SaleEvent[] = [];
  for (let i = 0; i < 60; i++) {
    const seller = pick([COMPANY, D1, D2]);
    const currency = seller.party === 'company' ? pick(['PLN', 'EUR']) : 'PLN';
    const date = `2026-0${pick([1, 2, 3])}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    events.push(book.record({ saleId: `s-${i}`, seller, date, currency, territory: pick(['PL-MZ', 'PL-MA']), lines: someLines(currency) }));
    const standing = book.standing();
    const r = random();
    if (r < 0.35) {
      const target = pick(standing);
      events.push(book.correct(target.recorded.saleId, someLines(target.recorded.currency)));
    } else if (r < 0.55) events.push(book.cancel(pick(standing).recorded.saleId));
  }
  return { book, events };
}
