import { CheckpointConflictError } from '@cl/read-models';
import { filterPlan } from '@cl/read-models/sqlite/indexes';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { SALES_TOTALS, salesTotalsProjection, type SalesTotalDoc } from './sales-totals.projection';
import { allDocs, applyOneByOne, rebuild } from './testing/batches';
import { busyQuarter, COMPANY, D1, D2, delivered, line, refused, SaleBook, type BookedSale } from './testing/fixtures';

/** The totals as computed here from the final sales, without the projection's increments. */
function expectedTotals(book: SaleBook) {
  const keyOf = ({ recorded: r, total }: BookedSale) =>
    r.seller.party === 'company' ? `company|${r.date.slice(0, 7)}|${total.currency}` : `${r.policyId}|${r.period}`;
  const totals = new Map<string, { actualMinor: number; salesCount: number }>();
  // Every total a sale ever counted in stays, at zero once its sales are all cancelled.
  for (const sale of book.sales.values()) totals.set(keyOf(sale), { actualMinor: 0, salesCount: 0 });
  for (const sale of book.standing()) {
    const t = totals.get(keyOf(sale))!;
    t.actualMinor += sale.total.minor;
    t.salesCount += 1;
  }
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([_id, t]) => ({ _id, ...t }));
}

describe('sales totals projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  const total = async (id: string) => reads.store.findOne<SalesTotalDoc>(SALES_TOTALS, { _id: id });

  it('counts distributor sales in their policy period and company sales per month and currency', async () => {
    const book = new SaleBook();
    const events = delivered([
      book.record({ saleId: 's-1', seller: D1, date: '2026-03-10', lines: [line('SKU-1', 10, 1_000)] }),
      book.record({ saleId: 's-2', seller: D1, date: '2026-03-20', lines: [line('SKU-2', 2, 5_000)] }),
      book.correct('s-1', [line('SKU-1', 7, 1_000), line('SKU-3', 1, 250)]),
      book.cancel('s-2'),
      book.record({ saleId: 's-3', seller: COMPANY, date: '2026-03-05', lines: [line('SKU-1', 1, 990)] }),
      book.record({ saleId: 's-4', seller: COMPANY, date: '2026-03-06', currency: 'EUR', lines: [line('SKU-1', 2, 230, {}, 'EUR')] }),
      book.record({
        saleId: 's-5',
        seller: D1,
        date: '2026-04-01',
        policyId: 'd-1-2026',
        period: '2026-Q2',
        lines: [line('SKU-1', 1, 1_000)],
      }),
    ]);
    await reads.apply(salesTotalsProjection, events);

    expect(await total('d-1-2026|2026-03')).toEqual({
      _id: 'd-1-2026|2026-03',
      kind: 'policy-period',
      sellerKey: 'distributor:d-1',
      policyId: 'd-1-2026',
      distributorId: 'd-1',
      period: '2026-03',
      currency: 'PLN',
      actualMinor: 7_250, // 10 000, + 10 000, corrected −2 750, cancelled −10 000
      salesCount: 1,
      lastSaleAt: '2026-03-20T12:00:00.000Z',
      updatedAt: events[3].metadata.recordedAt,
    });
    expect(await total('company|2026-03|PLN')).toEqual({
      _id: 'company|2026-03|PLN',
      kind: 'company-month',
      sellerKey: 'company',
      month: '2026-03',
      currency: 'PLN',
      actualMinor: 990,
      salesCount: 1,
      lastSaleAt: '2026-03-05T12:00:00.000Z',
      updatedAt: events[4].metadata.recordedAt,
    });
    expect(await total('company|2026-03|EUR')).toMatchObject({ actualMinor: 460, salesCount: 1 });
    expect(await total('d-1-2026|2026-Q2')).toMatchObject({ period: '2026-Q2', actualMinor: 1_000 });
  });

  it('counts neither refusals nor a distributor sale that no policy governs', async () => {
    const book = new SaleBook();
    await reads.apply(
      salesTotalsProjection,
      delivered([
        refused('s-9', D1),
        book.record({ saleId: 's-1', seller: D2, date: '2026-03-10', policyId: null, period: null, lines: [line('SKU-1', 1, 1)] }),
      ]),
    );
    expect(await reads.store.count(SALES_TOTALS, {})).toBe(0);
  });

  it('after many corrections and cancellations, equals the sums of the final sales', async () => {
    const { book, events } = busyQuarter();
    expect(events.filter((e) => e.type === 'SaleCorrected').length).toBeGreaterThan(10);
    expect(events.filter((e) => e.type === 'SaleCancelled').length).toBeGreaterThan(3);
    await applyOneByOne(reads, salesTotalsProjection, delivered(events));
    const docs = await allDocs<SalesTotalDoc>(reads, SALES_TOTALS);
    expect(docs.map(({ _id, actualMinor, salesCount }) => ({ _id, actualMinor, salesCount }))).toEqual(expectedTotals(book));
    expect(docs.some((d) => d._id.endsWith('|EUR'))).toBe(true);
  });

  it('reads the same rebuilt from the log in one batch as applied live event by event', async () => {
    const events = delivered(busyQuarter(11).events);
    await applyOneByOne(reads, salesTotalsProjection, events);
    const live = await allDocs(reads, SALES_TOTALS);
    await rebuild(reads, salesTotalsProjection, events);
    expect(await allDocs(reads, SALES_TOTALS)).toEqual(live);
  });

  it('counts nothing twice: a batch re-delivered from a checkpoint already passed is refused', async () => {
    const book = new SaleBook();
    const events = delivered([book.record({ saleId: 's-1', seller: D1, date: '2026-03-10', lines: [line('SKU-1', 10, 1_000)] })]);
    await reads.apply(salesTotalsProjection, events);
    const ops = salesTotalsProjection.project(events[0]);
    const again = reads.store.commit({ projection: 'sales_totals', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops });
    await expect(again).rejects.toBeInstanceOf(CheckpointConflictError);
    expect(await total('d-1-2026|2026-03')).toMatchObject({ actualMinor: 10_000, salesCount: 1 });
  });

  // Plan vs actual (the policies of a year) and a period close (one policy) read by kind and policy:
  // answered by the index alone, no document is parsed to be tested again (0.5 ms of the company report at 1M).
  it.each([
    ['plan vs actual', { kind: 'policy-period', policyId: { $in: ['d-1-2026', 'd-2-2026'] } }],
    ['a period close', { kind: 'policy-period', policyId: 'd-1-2026' }],
  ])("its declared index answers %s's filter exactly", (_reader, filter) => {
    const indexes = (salesTotalsProjection.indexes ?? []).map((i) => ({ fields: i.fields, plain: true, deferred: false }));
    expect(filterPlan(filter, indexes)).toMatchObject({ exact: true, indexed: true });
  });
});
