/**
 * The sales list reads the page of all sales (or of one period's, or of a date range's) from the date
 * index instead of sorting every sale: the page must be exactly the page of the full sort, on many sales sharing days.
 */
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { salesProjection, SALES } from '@cl/projections/sales/sales.projection';
import type { Principal } from '../../shared/auth/principal';
import type { ListSalesParams } from './list-sales.dto';
import { ListSalesHandler, ListSalesQuery } from './list-sales.handler';

const COMPANY: Principal = { party: 'company', userId: 'spec' };

describe('ListSalesHandler, the page of all sales, of one period or of a date range', () => {
  let reads: SqliteReadStore;
  let seed = 7; // MINSTD (products stay below 2^53): the same sales every run
  const int = (min: number, max: number) => min + ((seed = (seed * 48_271) % 2_147_483_647) % (max - min + 1));
  // 300 sales over 12 days of two periods: ~25 per day, so pages end inside a day.
  const sales = Array.from({ length: 300 }, (_, i) => {
    const day = int(1, 12);
    return { _id: `s-${String(int(0, 99_999)).padStart(5, '0')}-${i}`, date: `2026-0${day <= 6 ? 1 : 2}-${String(day).padStart(2, '0')}`, period: day <= 6 ? '2026-01' : '2026-02' };
  });
  const fullSort = (docs: typeof sales) =>
    [...docs].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a._id < b._id ? -1 : 1)).map((s) => s._id);

  beforeAll(async () => {
    reads = new SqliteReadStore(':memory:');
    await reads.registerProjection(salesProjection.name, salesProjection.collections);
    await reads.ensureIndexes(salesProjection.indexes ?? []);
    const ops = sales.map((doc) => ({ op: 'replace' as const, collection: SALES, doc }));
    await reads.commit({ projection: salesProjection.name, generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops });
  });
  afterAll(() => reads.close());

  it.each([
    [{}, 0],
    [{}, 37],
    [{}, 275],
    [{ period: '2026-01' }, 0],
    [{ period: '2026-02' }, 23],
    [{ period: '2026-02' }, 140],
    [{ from: '2026-01-03', to: '2026-02-08' }, 0],
    [{ from: '2026-01-03', to: '2026-02-08' }, 61],
    [{ from: '2026-01-05' }, 30],
    [{ to: '2026-01-04' }, 10],
    [{ period: '2026-02', from: '2026-02-09' }, 5],
    [{ period: '2026-01', to: '2026-01-02' }, 0],
  ])('%j at offset %i is the page of the full sort', async (filter: Partial<ListSalesParams>, offset) => {
    const page = await new ListSalesHandler(reads).execute(new ListSalesQuery({ limit: 20, offset, ...filter } as ListSalesParams, COMPANY));
    const { period, from, to } = filter;
    const matching = sales.filter((s) => (!period || s.period === period) && (!from || s.date >= from) && (!to || s.date <= to));
    expect(page.items.map((s) => s.id)).toEqual(fullSort(matching).slice(offset, offset + 20));
    expect(page.total).toBe(matching.length);
  });
});
