import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readStoreContract } from '../testing/read-store.contract';
import { equalityPlan, indexedOrder, pinnedToOne, selectSql } from './indexes';
import { SqliteReadStore } from './sqlite-read-store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-rm-'));
  dirs.push(dir);
  return join(dir, 'read-models.db');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

readStoreContract('SQLite (embedded default)', async () => new SqliteReadStore(tempFile()));
readStoreContract(
  'SQLite with WAL checkpoints on a worker thread (as the API and projector run it)',
  async () => new SqliteReadStore(tempFile(), { backgroundCheckpoints: { everyMs: 1 } }),
);

describe('SqliteReadStore specifics', () => {
  it('keeps documents, checkpoints, generations and leases across a reopen of the file', async () => {
    const file = tempFile();
    const first = new SqliteReadStore(file);
    await first.registerProjection('p', ['items']);
    await first.commit({
      projection: 'p',
      generation: 1,
      expectedCheckpoint: 0,
      checkpoint: 5,
      ops: [{ op: 'update', collection: 'items', filter: { _id: 'x' }, update: { $inc: { n: 2 } }, upsert: true }],
    });
    const building = await first.beginRebuild('p');
    await first.write([{ op: 'insert', collection: 'plain', doc: { _id: 'k', v: 1 } }]);
    await first.acquireLease('lease', 'A', 60_000);
    await first.close();

    const second = new SqliteReadStore(file);
    expect(await second.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', n: 2 });
    expect(await second.findOne('plain', { _id: 'k' })).toEqual({ _id: 'k', v: 1 });
    expect(await second.status('p')).toEqual({
      name: 'p',
      activeGeneration: 1,
      checkpoint: 5,
      building: { generation: building, checkpoint: 0 },
    });
    expect(await second.acquireLease('lease', 'B', 60_000)).toBe(false);
    await second.commit({ projection: 'p', generation: 1, expectedCheckpoint: 5, checkpoint: 6, ops: [] });
    await second.close();
  });

  it('reads follow a generation swap made by another connection to the same file', async () => {
    const file = tempFile();
    const reader = new SqliteReadStore(file);
    const rebuilder = new SqliteReadStore(file);
    await rebuilder.registerProjection('p', ['items']);
    await rebuilder.commit({
      projection: 'p',
      generation: 1,
      expectedCheckpoint: 0,
      checkpoint: 1,
      ops: [{ op: 'replace', collection: 'items', doc: { _id: 'x', v: 1 } }],
    });
    expect(await reader.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', v: 1 });

    const generation = await rebuilder.beginRebuild('p');
    await rebuilder.commit({
      projection: 'p',
      generation,
      expectedCheckpoint: 0,
      checkpoint: 1,
      ops: [{ op: 'replace', collection: 'items', doc: { _id: 'x', v: 2 } }],
      activate: true,
    });
    await rebuilder.dropGeneration('p', 1);
    expect(await reader.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', v: 2 });
    expect(await reader.count('items', {})).toBe(1);
    await Promise.all([reader.close(), rebuilder.close()]);
  });

  it('forgets a table created by a rolled-back commit and recreates it on the next one', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.registerProjection('p', ['items']);
    const bad = { op: 'update' as const, collection: 'items', filter: { _id: 'x' }, update: { $bogus: { n: 1 } }, upsert: true };
    await expect(store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: [bad] })).rejects.toThrow(
      'Unsupported update operator',
    );
    await store.commit({
      projection: 'p',
      generation: 1,
      expectedCheckpoint: 0,
      checkpoint: 1,
      ops: [{ ...bad, update: { $inc: { n: 1 } } }],
    });
    expect(await store.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', n: 1 });
    await store.close();
  });

  it('plans an indexed filter and sort on the declared index, and stops using an index once it is mixed', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.registerProjection('p', ['items']);
    await store.ensureIndexes([
      { collection: 'items', fields: ['clientId'] },
      { collection: 'items', fields: ['at', '_id'] },
    ]);
    const commit = (from: number, ops: Array<{ _id: string; [k: string]: unknown }>) =>
      store.commit({ projection: 'p', generation: 1, expectedCheckpoint: from, checkpoint: from + 1, ops: ops.map((doc) => ({ op: 'replace', collection: 'items', doc })) });
    await commit(0, [{ _id: 'a', clientId: 'c1', at: '2026-01-01' }]);
    const db = new Database(file, { readonly: true });
    const indexesOf = () =>
      db.prepare<[], { fields: string; plain: number }>("SELECT fields, plain FROM _rm_table_indexes WHERE tbl = 'rm_items__g1' ORDER BY rowid").all();
    const indexes = () => indexesOf().map((r) => ({ fields: JSON.parse(r.fields) as string[], plain: r.plain === 1 }));
    const planOf = (sql: string, params: unknown[]) =>
      db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail).join('; ');

    const plan = equalityPlan({ clientId: 'c1' }, indexes())!;
    expect(plan.exact).toBe(true);
    expect(planOf(selectSql('rm_items__g1', plan), plan.params)).toContain('USING INDEX rm_items__g1__ix__clientId');
    const order = indexedOrder({ at: 1, _id: 1 }, indexes())!;
    expect(planOf(selectSql('rm_items__g1', undefined, order, true), [10, 0])).toContain('USING INDEX rm_items__g1__ix__at___id');
    expect(planOf(selectSql('rm_items__g1', undefined, order, true), [10, 0])).not.toContain('TEMP B-TREE');

    await commit(1, [{ _id: 'b', clientId: ['c1', 'c2'], at: '2026-01-02' }]);
    expect(indexesOf()).toEqual([
      { fields: '["clientId"]', plain: 0 },
      { fields: '["at","_id"]', plain: 1 },
    ]);
    expect(equalityPlan({ clientId: 'c1' }, indexes())).toBeUndefined();
    expect((await store.find('items', { clientId: 'c2' })).map((d) => d._id)).toEqual(['b']);
    db.close();
    await store.close();
  });

  it('serves a sort from a composite index whose leading fields the filter pins to one value', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.registerProjection('p', ['items']);
    const docs = Array.from({ length: 40 }, (_, i) => ({ _id: `s${String(i).padStart(2, '0')}`, period: `P${i % 3}`, date: `2026-01-${String((i % 7) + 1).padStart(2, '0')}` }));
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: docs.map((doc) => ({ op: 'replace', collection: 'items', doc })) });
    const page = () => store.find('items', { period: 'P1' }, { sort: { date: -1, _id: -1 }, skip: 2, limit: 5 });
    const before = await page(); // no index yet: read whole, sorted in memory
    await store.ensureIndexes([{ collection: 'items', fields: ['period', 'date', '_id'] }]);
    expect(await page()).toEqual(before);
    expect(before.map((d) => d._id)).toEqual(['s19', 's25', 's04', 's31', 's10']); // P1: i = 1, 4, …, 37; date 7, 6, … by i % 7
    const indexes = [{ fields: ['period', 'date', '_id'], plain: true }];
    expect(indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: 'P1' }))).toBeDefined();
    expect(indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: { $in: ['P1', 'P2'] } }))).toBeUndefined(); // two values: not one order
    expect(indexedOrder({ date: -1, _id: -1 }, indexes)).toBeUndefined();
    const db = new Database(file, { readonly: true });
    const plan = equalityPlan({ period: 'P1' }, indexes)!;
    const sql = selectSql('rm_items__g1', plan, indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: 'P1' })), true);
    const detail = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all('P1', 5, 2).map((r) => r.detail).join('; ');
    expect(detail).toContain('USING INDEX rm_items__g1__ix__period__date___id');
    db.close();
    await store.close();
  });

  it('answers an $in too long for one SQL statement on an indexed field (it is not planned on the index)', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.registerProjection('p', ['items']);
    await store.ensureIndexes([{ collection: 'items', fields: ['clientId'] }]);
    const docs = Array.from({ length: 50 }, (_, i) => ({ _id: `s${i}`, clientId: `c${i}` }));
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: docs.map((doc) => ({ op: 'replace', collection: 'items', doc })) });
    const many = [...Array.from({ length: 40_000 }, (_, i) => `other-${i}`), 'c7', 'c42'];
    expect(equalityPlan({ clientId: { $in: many } }, [{ fields: ['clientId'], plain: true }])).toBeUndefined();
    expect(equalityPlan({ clientId: { $in: many.slice(-1_000) } }, [{ fields: ['clientId'], plain: true }])?.exact).toBe(true);
    expect((await store.find('items', { clientId: { $in: many } }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['s42', 's7']);
    expect(await store.count('items', { $or: [{ clientId: { $in: many } }, { clientId: 'c1' }] })).toBe(3);
    await store.close();
  });

  it('rejects collection names that could escape their table', async () => {
    const store = new SqliteReadStore(':memory:');
    for (const bad of ['a"b', 'rm_x__g1', '_rm_projections', 'sqlite_master', '', 'a b']) {
      await expect(store.find(bad, {})).rejects.toThrow('Invalid read-model collection name');
    }
    await store.close();
  });
});
