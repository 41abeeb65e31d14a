import { replayed } from '../clients/testing/fixtures';
import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { SPECIAL_PRICES, specialPricesProjection, usableOn, type SpecialPriceDoc } from './special-prices.projection';
import { by, CEO, D1, delivered, JAN, refused, specialPriceApproved, specialPriceRevoked } from './testing/fixtures';

/** sp-1 for SKU-1 over Q2, revoked from May; sp-2 for SKU-1 over June; sp-3 for SKU-2 over the year. */
const approvals = (): ProjectedEvent[] =>
  delivered([
    specialPriceApproved('sp-1', '2026-04-01', '2026-06-30'),
    specialPriceApproved('sp-2', '2026-06-01', '2026-06-30'),
    specialPriceApproved('sp-3', '2026-01-01', '2026-12-31', 'SKU-2'),
    by(CEO, specialPriceRevoked('sp-1', '2026-05-01')),
  ]);

describe('special prices projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  const price = (id: string) => reads.store.findOne<SpecialPriceDoc>(SPECIAL_PRICES, { _id: id });

  it('keeps a special price as approved, usable until the day after its last valid day', async () => {
    const events = approvals();
    await reads.apply(specialPricesProjection, events.slice(0, 1));
    expect(await price('sp-1')).toEqual({
      _id: 'sp-1',
      clientId: 'c-1',
      sku: 'SKU-1',
      unitPrice: { minor: 850, currency: 'PLN' },
      validFrom: '2026-04-01',
      validTo: '2026-06-30',
      validUntil: '2026-07-01',
      reason: 'volume commitment',
      approvedAt: '2026-04-01T08:00:00.000Z',
      approvedBy: CEO,
      revision: 0,
      updatedAt: events[0].metadata.recordedAt,
    });
  });

  it('records a revocation and brings the end forward to it', async () => {
    await reads.apply(specialPricesProjection, approvals());
    expect(await price('sp-1')).toMatchObject({
      validTo: '2026-06-30',
      validUntil: '2026-05-01',
      revoked: { effectiveFrom: '2026-05-01', reason: 'commitment not met', revokedAt: '2026-05-01T07:00:00.000Z', by: CEO },
      revision: 3,
    });
    expect(await price('sp-2')).toMatchObject({ validUntil: '2026-07-01', revision: 1 });
    expect(await price('sp-3')).toMatchObject({ validTo: '2026-12-31', validUntil: '2027-01-01' });
  });

  it('keeps the end of a price revoked after it had run out', async () => {
    await reads.apply(
      specialPricesProjection,
      delivered([specialPriceApproved('sp-1', '2026-04-01', '2026-04-30'), specialPriceRevoked('sp-1', '2026-06-01')]),
    );
    expect(await price('sp-1')).toMatchObject({ validUntil: '2026-05-01', revoked: { effectiveFrom: '2026-06-01' } });
  });

  it('finds the prices a sale on a date could use', async () => {
    await reads.apply(specialPricesProjection, approvals());
    const ids = async (date: string, sku?: string) =>
      (await reads.store.find(SPECIAL_PRICES, usableOn(date, 'c-1', sku), { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids('2026-04-30', 'SKU-1')).toEqual(['sp-1']);
    expect(await ids('2026-05-01', 'SKU-1')).toEqual([]);
    expect(await ids('2026-06-30', 'SKU-1')).toEqual(['sp-2']);
    expect(await ids('2026-07-01', 'SKU-1')).toEqual([]);
    expect(await ids('2026-06-15')).toEqual(['sp-2', 'sp-3']);
    expect(await reads.store.find(SPECIAL_PRICES, usableOn('2026-06-15', 'c-2'))).toEqual([]);
  });

  it('reads the same after the same events are applied again', async () => {
    const events = approvals();
    await reads.apply(specialPricesProjection, events);
    const first = await reads.store.find(SPECIAL_PRICES, {});
    await reads.apply(specialPricesProjection, replayed(events));
    expect(await reads.store.find(SPECIAL_PRICES, {})).toEqual(first);
  });

  it('ignores sales', () => {
    expect(specialPricesProjection.project(delivered([by(JAN, refused('s-9', D1))])[0])).toEqual([]);
  });
});
