import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { CHANNEL_PRICES, channelPricesProjection, unitPriceOf, type ChannelPriceDoc } from './channel-prices.projection';
import { allDocs, applyOneByOne, rebuild } from './testing/batches';
import { busyQuarter, COMPANY, D1, delivered, line, SaleBook } from './testing/fixtures';

/** Quantity and amount per cell as computed here from the final lines of the sales still standing. */
function expectedCells(book: SaleBook) {
  const cells = new Map<string, { quantity: number; amountMinor: number }>();
  for (const { recorded, lines } of book.standing()) {
    const channel = recorded.seller.party === 'company' ? 'company' : `distributor:${recorded.seller.distributorId}`;
    for (const l of lines) {
      const id = [recorded.territory, l.sku, recorded.date.slice(0, 7), channel, recorded.currency].join('|');
      const cell = cells.get(id) ?? { quantity: 0, amountMinor: 0 };
      cells.set(id, { quantity: cell.quantity + l.quantity, amountMinor: cell.amountMinor + l.lineTotal.minor });
    }
  }
  return [...cells].sort(([a], [b]) => (a < b ? -1 : 1)).map(([_id, c]) => ({ _id, ...c }));
}

describe('channel prices projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  const cell = (id: string) => reads.store.findOne<ChannelPriceDoc>(CHANNEL_PRICES, { _id: id });

  it('sums each channel’s units and amounts per territory, SKU, month and currency', async () => {
    const book = new SaleBook();
    const events = delivered([
      book.record({
        saleId: 's-1',
        seller: D1,
        date: '2026-03-10',
        lines: [line('SKU-1', 10, 1_000), line('SKU-2', 1, 5_000), line('SKU-1', 5, 900)],
      }),
      book.record({ saleId: 's-2', seller: COMPANY, date: '2026-03-12', lines: [line('SKU-1', 4, 950)] }),
    ]);
    await reads.apply(channelPricesProjection, events);
    const d1 = await cell('PL-MZ|SKU-1|2026-03|distributor:d-1|PLN');
    expect(d1).toEqual({
      _id: 'PL-MZ|SKU-1|2026-03|distributor:d-1|PLN',
      territory: 'PL-MZ',
      territoryPath: ['PL', 'PL-MZ'],
      sku: 'SKU-1',
      month: '2026-03',
      channelKey: 'distributor:d-1',
      currency: 'PLN',
      quantity: 15,
      amountMinor: 14_500,
      updatedAt: events[0].metadata.recordedAt,
    });
    expect(unitPriceOf(d1!)).toBeCloseTo(966.67, 2);
    expect(unitPriceOf((await cell('PL-MZ|SKU-1|2026-03|company|PLN'))!)).toBe(950);
    const inPoland = await reads.store.find<ChannelPriceDoc>(
      CHANNEL_PRICES,
      { territoryPath: 'PL', sku: 'SKU-1' },
      { sort: { channelKey: 1 } },
    );
    expect(inPoland.map((c) => c.channelKey)).toEqual(['company', 'distributor:d-1']);
  });

  it('moves by the difference of each correction, and a SKU dropped or cancelled leaves no cell behind', async () => {
    const book = new SaleBook();
    await reads.apply(
      channelPricesProjection,
      delivered([
        book.record({ saleId: 's-1', seller: D1, date: '2026-03-10', lines: [line('SKU-1', 10, 1_000), line('SKU-2', 1, 5_000)] }),
        book.record({ saleId: 's-2', seller: D1, date: '2026-03-11', lines: [line('SKU-1', 2, 1_100), line('SKU-3', 1, 300)] }),
        book.correct('s-1', [line('SKU-1', 8, 1_000), line('SKU-3', 3, 300)]),
        book.cancel('s-2'),
      ]),
    );
    const cells = await allDocs<ChannelPriceDoc>(reads, CHANNEL_PRICES);
    expect(cells.map(({ sku, quantity, amountMinor }) => ({ sku, quantity, amountMinor }))).toEqual([
      { sku: 'SKU-1', quantity: 8, amountMinor: 8_000 },
      { sku: 'SKU-3', quantity: 3, amountMinor: 900 },
    ]);
  });

  it('after many corrections and cancellations, equals the sums of the final sales’ lines', async () => {
    const { book, events } = busyQuarter();
    await applyOneByOne(reads, channelPricesProjection, delivered(events));
    const cells = await allDocs<ChannelPriceDoc>(reads, CHANNEL_PRICES);
    expect(cells.map(({ _id, quantity, amountMinor }) => ({ _id, quantity, amountMinor }))).toEqual(expectedCells(book));
  });

  it('reads the same rebuilt from the log in one batch as applied live event by event', async () => {
    const events = delivered(busyQuarter(11).events);
    await applyOneByOne(reads, channelPricesProjection, events);
    const live = await allDocs(reads, CHANNEL_PRICES);
    await rebuild(reads, channelPricesProjection, events);
    expect(await allDocs(reads, CHANNEL_PRICES)).toEqual(live);
  });
});
