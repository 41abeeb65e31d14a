import { replayed } from '../clients/testing/fixtures';
import type { ProjectedEvent } from '../projection';
import { tempReadStore, type TempReadStore } from '../testing/project-events';
import { SALES, SALES_REFUSED, salesProjection, type RefusedSaleDoc, type SaleDoc } from './sales.projection';
import { by, CEO, COMPANY, D1, delivered, JAN, line, refused, SaleBook, specialPriceApproved } from './testing/fixtures';

describe('sales projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function applied(events: ProjectedEvent[]): Promise<void> {
    await reads.apply(salesProjection, events);
  }
  const sale = async (saleId: string) => (await reads.store.findOne<SaleDoc>(SALES, { _id: saleId }))!;

  const marchSale = (book: SaleBook) =>
    book.record({
      saleId: 's-1',
      seller: D1,
      date: '2026-03-10',
      lines: [line('SKU-1', 10, 1_000, { floor: { minor: 900, currency: 'PLN' } }), line('SKU-2', 1, 5_000)],
    });

  it('records a sale whole: seller, client, its policy period, the lines and their SKUs', async () => {
    const book = new SaleBook();
    await applied(delivered([by(JAN, marchSale(book))]));
    expect(await sale('s-1')).toEqual({
      _id: 's-1',
      seller: D1,
      sellerKey: 'distributor:d-1',
      distributorId: 'd-1',
      clientId: 'c-1',
      territory: 'PL-MZ',
      segment: 'retail',
      date: '2026-03-10',
      month: '2026-03',
      policyId: 'd-1-2026',
      period: '2026-03',
      currency: 'PLN',
      lines: [line('SKU-1', 10, 1_000, { floor: { minor: 900, currency: 'PLN' } }), line('SKU-2', 1, 5_000)],
      skus: ['SKU-1', 'SKU-2'],
      total: { minor: 15_000, currency: 'PLN' },
      status: 'recorded',
      corrections: 0,
      correctionLog: [],
      channelConflict: null,
      recordedAt: '2026-03-10T12:00:00.000Z',
      recordedBy: JAN,
      revision: 0,
      updatedAt: expect.any(String),
    });
  });

  it('replaces the lines on each correction and logs it; a cancellation keeps what was cancelled', async () => {
    const book = new SaleBook();
    const events = delivered([
      by(JAN, marchSale(book)),
      by(JAN, book.correct('s-1', [line('SKU-1', 12, 1_000), line('SKU-3', 2, 700)], '2026-03-11T09:00:00.000Z')),
      by(CEO, book.correct('s-1', [line('SKU-3', 2, 700)], '2026-03-12T09:00:00.000Z')),
      by(JAN, book.cancel('s-1', '2026-03-20T09:00:00.000Z')),
    ]);
    await applied(events.slice(0, 3));
    expect(await sale('s-1')).toMatchObject({
      lines: [line('SKU-3', 2, 700)],
      skus: ['SKU-3'],
      total: { minor: 1_400, currency: 'PLN' },
      status: 'recorded',
      corrections: 2,
      correctionLog: [
        {
          correctionNo: 1,
          reason: 'wrong quantity on the invoice',
          previousTotal: { minor: 15_000, currency: 'PLN' },
          delta: { minor: -1_600, currency: 'PLN' },
          correctedAt: '2026-03-11T09:00:00.000Z',
          by: JAN,
        },
        { correctionNo: 2, previousTotal: { minor: 13_400, currency: 'PLN' }, delta: { minor: -12_000, currency: 'PLN' }, by: CEO },
      ],
      revision: 2,
      updatedAt: events[2].metadata.recordedAt,
    });

    await applied(events.slice(3));
    expect(await sale('s-1')).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'returned', cancelledAt: '2026-03-20T09:00:00.000Z', by: JAN },
      lines: [line('SKU-3', 2, 700)],
      total: { minor: 1_400, currency: 'PLN' },
      corrections: 2,
      revision: 3,
    });
  });

  it('keeps a refusal apart, with the violations and who tried', async () => {
    const attempt = refused('s-9', D1);
    await applied(delivered([by(JAN, attempt)]));
    expect(await reads.store.findOne<RefusedSaleDoc>(SALES_REFUSED, { _id: 's-9' })).toEqual({
      _id: 's-9',
      seller: D1,
      sellerKey: 'distributor:d-1',
      distributorId: 'd-1',
      clientId: 'c-1',
      date: '2026-03-05',
      month: '2026-03',
      currency: 'PLN',
      lines: attempt.data.lines,
      total: { minor: 13_000, currency: 'PLN' },
      violations: attempt.data.violations,
      refusedAt: '2026-03-05T10:00:00.000Z',
      by: JAN,
      revision: 0,
      updatedAt: expect.any(String),
    });
    expect(await reads.store.count(SALES, {})).toBe(0);
  });

  it('finds sales by seller, SKU, month, period and status', async () => {
    const book = new SaleBook();
    await applied(
      delivered([
        marchSale(book),
        book.record({ saleId: 's-2', seller: COMPANY, date: '2026-03-15', lines: [line('SKU-2', 3, 4_800)] }),
        book.record({ saleId: 's-3', seller: D1, date: '2026-04-01', lines: [line('SKU-1', 1, 1_000)] }),
        book.cancel('s-3'),
      ]),
    );
    const ids = async (filter: Record<string, unknown>) => (await reads.store.find(SALES, filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ skus: 'SKU-2' })).toEqual(['s-1', 's-2']);
    expect(await ids({ sellerKey: 'distributor:d-1' })).toEqual(['s-1', 's-3']);
    expect(await ids({ distributorId: null })).toEqual(['s-2']);
    expect(await ids({ month: '2026-03' })).toEqual(['s-1', 's-2']);
    expect(await ids({ policyId: 'd-1-2026', period: '2026-04', status: 'recorded' })).toEqual([]);
  });

  it('reads the same after the same events are applied again', async () => {
    const book = new SaleBook();
    const events = delivered([
      by(JAN, marchSale(book)),
      by(JAN, book.correct('s-1', [line('SKU-1', 12, 1_000)])),
      book.record({ saleId: 's-2', seller: COMPANY, date: '2026-03-15', lines: [line('SKU-2', 3, 4_800)] }),
      book.cancel('s-2'),
      by(JAN, refused('s-9', D1)),
    ]);
    await applied(events);
    const first = [await reads.store.find(SALES, {}), await reads.store.find(SALES_REFUSED, {})];
    await applied(replayed(events));
    expect([await reads.store.find(SALES, {}), await reads.store.find(SALES_REFUSED, {})]).toEqual(first);
  });

  it('ignores special prices', () => {
    expect(salesProjection.project(delivered([specialPriceApproved('sp-1', '2026-01-01', '2026-12-31')])[0])).toEqual([]);
  });
});
