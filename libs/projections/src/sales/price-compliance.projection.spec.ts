import { replayed } from '../clients/testing/fixtures';
import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { PRICE_COMPLIANCE, priceComplianceProjection, type PriceComplianceDoc } from './price-compliance.projection';
import {
  by,
  CEO,
  COMPANY,
  D1,
  D2,
  delivered,
  EWA,
  JAN,
  line,
  refused,
  SaleBook,
  specialPriceApproved,
  specialPriceRevoked,
} from './testing/fixtures';

const floor = { minor: 1_000, currency: 'PLN' };
const band = { maxAboveFloorBp: 1_500, segment: 'retail' };

/** A month of price facts: a refusal, a special price and its revocation, a conflict, a company sale above its band. */
function pricingMonth(): ProjectedEvent[] {
  const book = new SaleBook();
  return delivered([
    by(JAN, refused('s-9', D1)),
    by(CEO, specialPriceApproved('sp-1', '2026-03-01', '2026-06-30')),
    by(
      EWA,
      book.record({
        saleId: 's-1',
        seller: D2,
        date: '2026-03-10',
        channelConflict: { owner: D1 },
        lines: [line('SKU-1', 1, 1_000), line('SKU-2', 1, 2_000)],
      }),
    ),
    by(
      CEO,
      book.record({
        saleId: 's-2',
        seller: COMPANY,
        date: '2026-03-12',
        policyId: 'd-1-2026',
        period: '2026-03',
        lines: [
          line('SKU-1', 2, 1_300, { floor, aboveDiscretionBand: band }),
          line('SKU-2', 1, 2_000),
          line('SKU-3', 1, 1_200, { floor, aboveDiscretionBand: band }),
        ],
      }),
    ),
    by(JAN, book.record({ saleId: 's-3', seller: D1, date: '2026-03-13', lines: [line('SKU-1', 1, 1_000)] })),
    by(CEO, specialPriceRevoked('sp-1', '2026-04-01')),
  ]);
}

describe('price compliance projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function entries(events = pricingMonth()): Promise<Record<string, PriceComplianceDoc>> {
    await reads.apply(priceComplianceProjection, events);
    const docs = await reads.store.find<PriceComplianceDoc>(PRICE_COMPLIANCE, {}, { sort: { at: 1, _id: 1 } });
    return Object.fromEntries(docs.map((d) => [d._id, d]));
  }

  it('lists a refusal with its violations, who tried, and the distributor whose floor refused it', async () => {
    const events = pricingMonth();
    const { 'e-0': entry } = await entries(events);
    expect(entry).toEqual({
      _id: 'e-0',
      kind: 'floor-refusal',
      at: '2026-03-05T10:00:00.000Z',
      clientId: 'c-1',
      seller: D1,
      sellerKey: 'distributor:d-1',
      distributorId: 'd-1',
      distributorIds: ['d-1'],
      skus: ['SKU-1'],
      details: {
        saleId: 's-9',
        date: '2026-03-05',
        currency: 'PLN',
        lines: refused('s-9', D1).data.lines,
        violations: refused('s-9', D1).data.violations,
      },
      by: JAN,
      updatedAt: events[0].metadata.recordedAt,
    });
  });

  it('lists special prices approved and revoked, scoped by client', async () => {
    const found = await entries();
    expect(found['e-1']).toMatchObject({
      kind: 'special-price-approved',
      at: '2026-03-01T08:00:00.000Z',
      clientId: 'c-1',
      distributorId: null,
      distributorIds: [],
      sku: 'SKU-1',
      skus: ['SKU-1'],
      details: {
        specialPriceId: 'sp-1',
        unitPrice: { minor: 850, currency: 'PLN' },
        validFrom: '2026-03-01',
        validTo: '2026-06-30',
        reason: 'volume commitment',
      },
      by: CEO,
    });
    expect(found['e-5']).toMatchObject({
      kind: 'special-price-revoked',
      at: '2026-04-01T07:00:00.000Z',
      distributorId: null,
      sku: 'SKU-1',
      skus: ['SKU-1'],
      details: { specialPriceId: 'sp-1', effectiveFrom: '2026-04-01', reason: 'commitment not met' },
    });
    expect(found['e-5'].seller).toBeUndefined();
  });

  it('lists a sale past the owner as a channel conflict that concerns both distributors', async () => {
    const { 'e-2': conflict } = await entries();
    expect(conflict).toMatchObject({
      kind: 'channel-conflict',
      at: '2026-03-10T12:00:00.000Z',
      sellerKey: 'distributor:d-2',
      distributorId: 'd-2',
      distributorIds: ['d-2', 'd-1'],
      skus: ['SKU-1', 'SKU-2'],
      details: {
        saleId: 's-1',
        date: '2026-03-10',
        territory: 'PL-MZ',
        owner: D1,
        ownerKey: 'distributor:d-1',
        total: { minor: 3_000, currency: 'PLN' },
      },
      by: EWA,
    });
  });

  it('lists each company sale line above the discretion band, under the distributor whose policy set it', async () => {
    const found = await entries();
    expect(found['e-3']).toBeUndefined();
    expect(found['e-3:0']).toMatchObject({
      kind: 'above-discretion-band',
      sellerKey: 'company',
      distributorId: null,
      distributorIds: ['d-1'],
      sku: 'SKU-1',
      details: {
        saleId: 's-2',
        lineIndex: 0,
        quantity: 2,
        unitPrice: { minor: 1_300, currency: 'PLN' },
        floor,
        maxAboveFloorBp: 1_500,
        segment: 'retail',
        policyId: 'd-1-2026',
      },
    });
    expect(found['e-3:2']).toMatchObject({ sku: 'SKU-3', details: { lineIndex: 2 } });
    expect(Object.keys(found)).toEqual(['e-1', 'e-0', 'e-2', 'e-3:0', 'e-3:2', 'e-5']);
  });

  it('finds the entries a distributor may see, by kind and SKU', async () => {
    await entries();
    const ids = async (filter: Record<string, unknown>) =>
      (await reads.store.find(PRICE_COMPLIANCE, filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ distributorIds: 'd-1' })).toEqual(['e-0', 'e-2', 'e-3:0', 'e-3:2']);
    expect(await ids({ distributorIds: 'd-2' })).toEqual(['e-2']);
    expect(await ids({ kind: { $in: ['special-price-approved', 'special-price-revoked'] }, clientId: 'c-1' })).toEqual(['e-1', 'e-5']);
    expect(await ids({ skus: 'SKU-3' })).toEqual(['e-3:2']);
  });

  it('reads the same after the same events are applied again', async () => {
    const events = pricingMonth();
    const first = await entries(events);
    expect(await entries(replayed(events))).toEqual(first);
  });
});
