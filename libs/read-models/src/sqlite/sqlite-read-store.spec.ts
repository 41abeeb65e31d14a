import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { Query } from 'mingo';
import type { Doc, Filter, WriteOp } from '../port';
import { readStoreContract } from '../testing/read-store.contract';
import { computedOrder, filterPlan, indexedOrder, pinnedToOne, selectSql } from './indexes';
import { sortDocs } from './mongo-semantics';
import { BatchWriter } from './batch-writer';
import { DocTables } from './doc-tables';
import { prepareSystemStatements, storedFieldsOf, SYSTEM_SCHEMA } from './schema';
import { READ_STORE_PAGE_SIZE, SqliteReadStore } from './sqlite-read-store';
import { CheckpointConflictError, StaleGenerationError } from '../port';

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

/**
 * Writes generated documents (an array at `c` in every fifth one whose `arr` is set) and gives the ids
 * of the page mingo finds in them, sorted as the store must sort (`limit` 0: to the end).
 */
async function writeAndPage(
  store: SqliteReadStore,
  docs: Array<Record<string, unknown> & { arr: boolean }>,
  where: Filter,
  order: Array<[string, 1 | -1]>,
  skip: number,
  limit: number,
) {
  const rows = docs.map(({ arr, ...d }, i) => ({ _id: `d${(i * 7) % 25}`, ...d, ...(arr && i % 5 === 0 ? { c: [1, 'x'] } : {}) }));
  const stored = rows.map((row) => JSON.parse(JSON.stringify(row)) as Doc);
  await store.write(stored.map((doc) => ({ op: 'replace', collection: 'items', doc })));
  const sortBy = Object.fromEntries(order);
  const matching = new Query(where).find(stored.map((d) => ({ ...d }))).all() as Doc[];
  // limit 0: no limit, as in MongoDB
  return { sortBy, expected: sortDocs(matching, sortBy).slice(skip, limit === 0 ? undefined : skip + limit).map((d) => d._id) };
}

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

  it("writes a page's limit into its SQL and binds only the offset (SQLite recompiled a statement with a bound LIMIT at every run)", () => {
    expect(selectSql('t', undefined, 'rowid', 50)).toMatch(/ LIMIT 50 OFFSET \?$/);
    expect(selectSql('t', undefined, 'rowid', Infinity)).toMatch(/ LIMIT -1 OFFSET \?$/);
    expect(selectSql('t', undefined, 'rowid')).not.toContain('LIMIT');
    expect(selectSql('t', undefined, 'rowid', 2 ** 60)).toMatch(/ LIMIT -1 OFFSET \?$/);
    for (const bad of [-1, 2.5, NaN]) expect(() => selectSql('t', undefined, 'rowid', bad)).toThrow("A page's limit must be a non-negative integer");
  });

  it('refuses a limit that is not an integer whether SQL or the filter in JS answers the query', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.registerProjection('p', ['items']);
    await store.ensureIndexes([{ collection: 'items', fields: ['at', '_id'] }]);
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: [{ op: 'replace', collection: 'items', doc: { _id: 'a', at: '1' } }] });
    await expect(store.find('items', {}, { sort: { at: 1, _id: 1 }, limit: 2.5 })).rejects.toThrow('skip and limit must be non-negative integers');
    await expect(store.find('items', { at: { $regex: '1' } }, { limit: 2.5 })).rejects.toThrow('skip and limit must be non-negative integers');
    expect(await store.find('items', {}, { sort: { at: 1, _id: 1 }, limit: 2 ** 60 })).toHaveLength(1);
    await store.close();
  });

  it('creates a new file with 16 KB pages and keeps the page size of a file created before', async () => {
    const pageSize = (file: string) => {
      const db = new Database(file, { readonly: true });
      const size = db.pragma('page_size', { simple: true });
      db.close();
      return size;
    };
    const fresh = tempFile();
    const created = new SqliteReadStore(fresh);
    await created.write([{ op: 'insert', collection: 'items', doc: { _id: 'a', v: 1 } }]);
    await created.close();
    expect(READ_STORE_PAGE_SIZE).toBe(16_384);
    expect(pageSize(fresh)).toBe(READ_STORE_PAGE_SIZE);

    // A file of the earlier default (4 KB pages, WAL) opens, is written and read as before, and keeps its pages.
    const older = tempFile();
    const setup = new Database(older);
    setup.pragma('page_size = 4096');
    setup.pragma('journal_mode = WAL');
    setup.close();
    const reopened = new SqliteReadStore(older);
    await reopened.write([{ op: 'insert', collection: 'items', doc: { _id: 'b', v: 2 } }]);
    expect(await reopened.findOne('items', { _id: 'b' })).toEqual({ _id: 'b', v: 2 });
    await reopened.close();
    expect(pageSize(older)).toBe(4096);
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
    const stored = storedFieldsOf(db, 'rm_items__g1');
    expect([...stored].sort()).toEqual(['at', 'clientId']); // indexed as the table was created: kept in stored columns
    const indexes = () => indexesOf().map((r) => ({ fields: JSON.parse(r.fields) as string[], plain: r.plain === 1, deferred: false, stored }));
    const planOf = (sql: string, params: unknown[]) =>
      db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail).join('; ');

    const plan = filterPlan({ clientId: 'c1' }, indexes())!;
    expect(plan.exact).toBe(true);
    expect(planOf(selectSql('rm_items__g1', plan), plan.params)).toContain('USING INDEX rm_items__g1__ix__clientId');
    const order = indexedOrder({ at: 1, _id: 1 }, indexes())!;
    expect(planOf(selectSql('rm_items__g1', undefined, order, 10), [0])).toContain('USING INDEX rm_items__g1__ix__at___id');
    expect(planOf(selectSql('rm_items__g1', undefined, order, 10), [0])).not.toContain('TEMP B-TREE');

    await commit(1, [{ _id: 'b', clientId: ['c1', 'c2'], at: '2026-01-02' }]);
    expect(indexesOf()).toEqual([
      { fields: '["clientId"]', plain: 0 },
      { fields: '["at","_id"]', plain: 1 },
    ]);
    // The mixed index is not used: only the condition SQLite tests on each row of the scan (array elements too).
    expect(filterPlan({ clientId: 'c1' }, indexes())).toEqual({
      where: ["EXISTS (SELECT 1 FROM json_each(doc, '$.clientId') WHERE value IN (?))"],
      params: ['c1'],
      exact: false,
      indexed: false,
    });
    expect((await store.find('items', { clientId: 'c2' })).map((d) => d._id)).toEqual(['b']);
    db.close();
    await store.close();
  });

  it('reads an indexed plan in natural order directly where the index yields rowid order, else its rowids first (no sort of the documents)', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.registerProjection('p', ['items']);
    await store.ensureIndexes([{ collection: 'items', fields: ['clientId'] }, { collection: 'items', fields: ['at', '_id'] }]);
    const docs = ['c1', 'c2', 'c1', 'c3', 'c2', 'c1'].map((clientId, i) => ({ _id: `d${9 - i}`, clientId, at: `2026-01-0${(i * 5) % 7}` }));
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: docs.map((doc) => ({ op: 'replace', collection: 'items', doc })) });
    const db = new Database(file);
    const tables = new DocTables(db, prepareSystemStatements(db));
    const explain = (sql: string, params: unknown[]) =>
      db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail).join('; ');
    const chosen = (filter: Record<string, unknown>) => {
      const plan = filterPlan(filter, tables.indexesOf('rm_items__g1'))!;
      const params = [...plan.params, 0];
      const statement = tables.selectRows('rm_items__g1', plan, undefined, Infinity);
      const ids = (statement.all(...params) as Array<{ _id: string }>).map((r) => r._id);
      return { direct: explain(selectSql('rm_items__g1', plan, undefined, Infinity), params), sql: statement.source, used: explain(statement.source, params), ids };
    };
    // One value of a one-field index: its entries are in rowid order, SQLite streams them and stops at a page's end.
    const one = chosen({ clientId: 'c1' });
    expect(one.direct).not.toContain('TEMP B-TREE');
    expect(one.sql).not.toContain('rowid IN');
    expect(one.ids).toEqual(['d9', 'd7', 'd4']);
    // Several values, a range: the direct form sorts every matching document; the rowids are collected instead.
    for (const [filter, ids] of [
      [{ clientId: { $in: ['c2', 'c1'] } }, ['d9', 'd8', 'd7', 'd5', 'd4']],
      [{ at: { $gte: '2026-01-03', $lt: '2026-01-06' } }, ['d8', 'd7', 'd4']],
    ] as const) {
      const many = chosen(filter);
      expect(many.direct).toContain('TEMP B-TREE FOR ORDER BY');
      expect(many.sql).toContain('rowid IN (SELECT rowid');
      expect(many.used).not.toContain('TEMP B-TREE');
      expect(many.ids).toEqual(ids);
    }
    db.close();
    await store.close();
  });

  it('forgets a table created in a savepoint when the enclosing transaction rolls back', () => {
    const db = new Database(':memory:');
    db.exec(SYSTEM_SCHEMA);
    const tables = new DocTables(db, prepareSystemStatements(db));
    const failing = () =>
      tables.transaction(() => {
        tables.transaction(() => tables.ensure('t1'));
        throw new Error('the enclosing transaction fails');
      });
    expect(failing).toThrow('the enclosing transaction fails');
    expect(tables.existing('t1')).toBeUndefined();
    tables.transaction(() => tables.ensure('t1').upsert.run('a', '{"_id":"a"}'));
    expect(tables.existing('t1')?.get.get('a')).toBe('{"_id":"a"}');
    db.close();
  });

  it('writes the commits of one event-loop turn in one transaction, each batch all-or-nothing on its own', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    for (const p of ['a', 'b', 'c']) await store.registerProjection(p, [`${p}_items`]);
    const tables = (store as unknown as { tables: DocTables }).tables;
    const transaction = tables.transaction.bind(tables);
    let depth = 0;
    let outermost = 0;
    jest.spyOn(tables, 'transaction').mockImplementation((fn) => {
      if (depth === 0) outermost += 1;
      depth += 1;
      try {
        return transaction(fn);
      } finally {
        depth -= 1;
      }
    });
    const batch = (p: string, expectedCheckpoint: number) => ({
      projection: p,
      generation: 1,
      expectedCheckpoint,
      checkpoint: expectedCheckpoint + 1,
      ops: [{ op: 'replace' as const, collection: `${p}_items`, doc: { _id: `x${expectedCheckpoint}` } }],
    });
    // b's batch expects a checkpoint it is not at: it fails alone, and its table (its first write) is not kept.
    const outcomes = await Promise.allSettled([store.commit(batch('a', 0)), store.commit(batch('b', 5)), store.commit(batch('c', 0))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(CheckpointConflictError);
    expect(outermost).toBe(1);
    expect((await Promise.all(['a', 'b', 'c'].map((p) => store.status(p)))).map((s) => s.checkpoint)).toEqual([1, 0, 1]);
    expect(await store.find('b_items', {})).toEqual([]);
    await store.commit(batch('b', 0)); // its table is created again, now for good
    expect(await store.find('b_items', {})).toEqual([{ _id: 'x0' }]);
    expect(outermost).toBe(2);
    // A commit accepted before close is written, not dropped.
    const last = store.commit(batch('a', 1));
    await store.close();
    await expect(last).resolves.toBeUndefined();
    const reopened = new SqliteReadStore(file);
    expect((await reopened.find('a_items', {}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['x0', 'x1']);
    await reopened.close();
  });

  it('builds a rebuilt generation\'s indexes in bulk before activating it, at once when a filtered write of the rebuild needs one', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.registerProjection('p', ['items']);
    await store.ensureIndexes(['clientId', 'kind', 'at'].map((field) => ({ collection: 'items', fields: [field] })));
    const replace = (doc: { _id: string; [k: string]: unknown }) => ({ op: 'replace' as const, collection: 'items', doc });
    const docs = [
      { _id: 'a', clientId: 'c1', kind: 'sale', at: '2026-01-02' },
      { _id: 'b', clientId: 'c2', kind: ['sale', 'claim'], at: '2026-01-01' }, // makes `kind` mixed
      { _id: 'c', clientId: 'c1', kind: 'claim', at: '2026-01-03' },
    ];
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 3, ops: docs.slice(0, 1).map(replace) });
    const generation = await store.beginRebuild('p');
    const db = new Database(file, { readonly: true });
    const created = () =>
      db.prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE '%__ix__%' ORDER BY name").pluck().all(`rm_items__g${generation}`);
    const states = () =>
      db.prepare<[string], { fields: string; plain: number }>('SELECT fields, plain FROM _rm_table_indexes WHERE tbl = ? ORDER BY rowid').all(`rm_items__g${generation}`);
    const commit = (from: number, to: number, ops: WriteOp[], activate = false) =>
      store.commit({ projection: 'p', generation, expectedCheckpoint: from, checkpoint: to, ops, activate });

    await commit(0, 2, docs.slice(0, 2).map(replace));
    expect(created()).toEqual([]);
    expect(states()).toEqual([
      { fields: '["clientId"]', plain: 1 },
      { fields: '["kind"]', plain: 0 }, // judged by the write, though the index does not exist yet
      { fields: '["at"]', plain: 1 },
    ]);
    await commit(2, 3, [replace(docs[2]), { op: 'update', collection: 'items', filter: { clientId: 'c1' }, update: { $set: { seen: true } }, multi: true }]);
    expect(created()).toEqual([`rm_items__g${generation}__ix__clientId`]); // the update's filter needed it: built there
    expect((await store.find('items', {})).map((d) => d._id)).toEqual(['a']); // queries still read generation 1

    await commit(3, 3, [], true);
    expect(created()).toEqual(['at', 'clientId', 'kind'].map((f) => `rm_items__g${generation}__ix__${f}`));
    expect(db.prepare('SELECT count(*) AS n FROM _rm_deferred_indexes').get()).toEqual({ n: 0 });
    expect((await store.find('items', { clientId: 'c1' }, { sort: { at: 1 } })).map((d) => [d._id, d.seen])).toEqual([['a', true], ['c', true]]);
    expect((await store.find('items', { kind: 'claim' }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['b', 'c']); // mixed: answered by the scan
    const stored = storedFieldsOf(db, `rm_items__g${generation}`);
    const plan = filterPlan({ at: '2026-01-01' }, states().map((r) => ({ fields: JSON.parse(r.fields) as string[], plain: r.plain === 1, deferred: false, stored })))!;
    const detail = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${selectSql(`rm_items__g${generation}`, plan)}`).all(...plan.params);
    expect(detail.map((r) => r.detail).join('; ')).toContain(`USING INDEX rm_items__g${generation}__ix__at`);
    await store.dropGeneration('p', 1);
    db.close();
    await store.close();
  });

  it('retires an index from the active table and from a generation being rebuilt (deferred there), which is activated without it', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.registerProjection('p', ['items']);
    await store.ensureIndexes(['clientId', 'at'].map((field) => ({ collection: 'items', fields: [field] })));
    const ops = [{ op: 'replace' as const, collection: 'items', doc: { _id: 'a', clientId: 'c1', at: '2026-01-02' } }];
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops });
    const generation = await store.beginRebuild('p');
    await store.commit({ projection: 'p', generation, expectedCheckpoint: 0, checkpoint: 1, ops }); // its indexes deferred
    const db = new Database(file, { readonly: true });
    const created = (g: number) =>
      db.prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE '%__ix__%' ORDER BY name").pluck().all(`rm_items__g${g}`);
    const recorded = (g: number) => db.prepare<[string], string>('SELECT fields FROM _rm_table_indexes WHERE tbl = ? ORDER BY rowid').pluck().all(`rm_items__g${g}`);
    expect([created(1), created(generation), recorded(generation)]).toEqual([['rm_items__g1__ix__at', 'rm_items__g1__ix__clientId'], [], ['["clientId"]', '["at"]']]);

    expect(await store.retireIndexes(['items'], [{ collection: 'items', fields: ['at'] }])).toEqual([{ collection: 'items', fields: ['clientId'] }]);
    expect([created(1), recorded(1), recorded(generation)]).toEqual([['rm_items__g1__ix__at'], ['["at"]'], ['["at"]']]);
    expect(db.prepare('SELECT fields FROM _rm_deferred_indexes').pluck().all()).toEqual(['["at"]']);
    expect(db.prepare("SELECT fields FROM _rm_indexes WHERE collection = 'items'").pluck().all()).toEqual(['["at"]']);

    await store.commit({ projection: 'p', generation, expectedCheckpoint: 1, checkpoint: 1, ops: [], activate: true });
    expect(created(generation)).toEqual([`rm_items__g${generation}__ix__at`]);
    expect((await store.find('items', { clientId: 'c1' })).map((d) => d._id)).toEqual(['a']);
    db.close();
    await store.close();
  });

  it('keeps the index of a kept declaration whose SQLite name a retired one shared (names fold case)', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    // Created first, `clientID` owns the name both declarations map to; `clientId`'s CREATE INDEX IF NOT EXISTS did nothing.
    await store.ensureIndexes([{ collection: 'items', fields: ['clientID'] }, { collection: 'items', fields: ['clientId'] }]);
    await store.write([{ op: 'replace', collection: 'items', doc: { _id: 'a', clientId: 'c1', clientID: 'C1' } }]);
    await store.retireIndexes(['items'], [{ collection: 'items', fields: ['clientId'] }]);
    const db = new Database(file, { readonly: true });
    const sql = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND name LIKE '%__ix__%'").pluck().all();
    expect(sql).toEqual([expect.stringMatching(/"ix:clientId"|'\$\.clientId'/)]);
    const indexes = [{ fields: ['clientId'], plain: true, deferred: false, stored: storedFieldsOf(db, 'items') }];
    const plan = filterPlan({ clientId: 'c1' }, indexes)!;
    expect(db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${selectSql('items', plan)}`).all(...plan.params).map((r) => r.detail).join()).toContain('USING INDEX');
    expect((await store.find('items', { clientId: 'c1' })).map((d) => d._id)).toEqual(['a']);
    db.close();
    await store.close();
  });

  it("applies a rebuild batch's ops before taking the write lock; a writer that moved the checkpoint meanwhile gets the batch rejected, none of it written", async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    const other = new SqliteReadStore(file, { busyTimeoutMs: 0 }); // fails at once where the lock is held
    await store.registerProjection('p', ['items']);
    const generation = await store.beginRebuild('p');
    const replace = (_id: string): WriteOp => ({ op: 'replace', collection: 'items', doc: { _id } });
    await store.commit({ projection: 'p', generation, expectedCheckpoint: 0, checkpoint: 1, ops: [replace('a')] });

    // While the next batch's ops are applied, another connection writes the same generation (a rebuild batch runs synchronously).
    const applyAll = BatchWriter.prototype.applyAll;
    let raced: Promise<unknown> | undefined;
    jest.spyOn(BatchWriter.prototype, 'applyAll').mockImplementationOnce(function (this: BatchWriter, ops: WriteOp[]) {
      applyAll.call(this, ops);
      raced = other.commit({ projection: 'p', generation, expectedCheckpoint: 1, checkpoint: 2, ops: [replace('z')] }).then(
        () => 'written',
        (error: unknown) => error,
      );
    });
    await expect(
      store.commit({ projection: 'p', generation, expectedCheckpoint: 1, checkpoint: 3, ops: [replace('b')] }),
    ).rejects.toBeInstanceOf(CheckpointConflictError);
    expect(await raced).toBe('written'); // the write lock was free while the batch was being applied

    await store.commit({ projection: 'p', generation, expectedCheckpoint: 2, checkpoint: 2, ops: [], activate: true });
    expect((await store.find('items', {})).map((d) => d._id)).toEqual(['a', 'z']);
    await other.close();
    await store.close();
  });

  /** Runs `meanwhile` once, as another process would, as the next batch's ops are applied: before they read anything, or after. */
  const whileApplying = (meanwhile: () => void, when: 'before' | 'after') => {
    const applyAll = BatchWriter.prototype.applyAll;
    jest.spyOn(BatchWriter.prototype, 'applyAll').mockImplementationOnce(function (this: BatchWriter, ops: WriteOp[]) {
      if (when === 'before') meanwhile();
      applyAll.call(this, ops);
      if (when === 'after') meanwhile();
    });
  };

  it('applies a rebuild batch again under the lock when another process declared an index meanwhile: its documents are judged for it', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    const other = new SqliteReadStore(file, { busyTimeoutMs: 0 });
    await store.registerProjection('p', ['items']);
    const generation = await store.beginRebuild('p');
    const insert = (doc: Doc): WriteOp => ({ op: 'insert', collection: 'items', doc });
    await store.commit({ projection: 'p', generation, expectedCheckpoint: 0, checkpoint: 1, ops: [insert({ _id: 'a', tags: 'x' })] });
    let declared: Promise<void> | undefined;
    whileApplying(() => (declared = other.ensureIndexes([{ collection: 'items', fields: ['tags'] }])), 'after'); // judges the stored rows only
    await store.commit({ projection: 'p', generation, expectedCheckpoint: 1, checkpoint: 2, ops: [insert({ _id: 'b', tags: ['x', 'y'] })] });
    await declared;
    await store.commit({ projection: 'p', generation, expectedCheckpoint: 2, checkpoint: 2, ops: [], activate: true });
    expect((await store.find('items', { tags: 'x' })).map((d) => d._id)).toEqual(['a', 'b']); // b's array makes the index mixed
    expect(await store.count('items', { tags: 'x' })).toBe(2);
    await other.close();
    await store.close();
  });

  it('fails a rebuild batch as stale, leaving no table behind, when its generation is dropped while it is being applied', async () => {
    for (const tableExists of [false, true]) {
      const file = tempFile();
      const store = new SqliteReadStore(file);
      const other = new SqliteReadStore(file);
      await store.ensureIndexes([{ collection: 'items', fields: ['k'] }]);
      await store.registerProjection('p', ['items']);
      const generation = await store.beginRebuild('p');
      const upsert: WriteOp = { op: 'update', collection: 'items', filter: { _id: 'a' }, update: { $inc: { k: 1 } }, upsert: true };
      let from = 0;
      if (tableExists) await store.commit({ projection: 'p', generation, expectedCheckpoint: 0, checkpoint: (from = 1), ops: [upsert] });
      whileApplying(() => void other.dropGeneration('p', generation), 'before');
      await expect(store.commit({ projection: 'p', generation, expectedCheckpoint: from, checkpoint: from + 1, ops: [upsert] })).rejects.toBeInstanceOf(
        StaleGenerationError,
      );
      const db = new Database(file, { readonly: true });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'rm_items__g%'").pluck().all()).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM _rm_table_indexes').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM _rm_deferred_indexes').pluck().get()).toBe(0);
      db.close();
      await other.close();
      await store.close();
    }
  });

  it('keeps an index this batch found mixed out of its later plans, as the live path does, also after a deferred index is built mid-batch', async () => {
    const hits: string[][] = [];
    for (const rebuild of [false, true]) {
      const store = new SqliteReadStore(':memory:');
      await store.ensureIndexes([{ collection: 'items', fields: ['f'] }, { collection: 'items', fields: ['g'] }]);
      await store.registerProjection('p', ['items']);
      const generation = rebuild ? await store.beginRebuild('p') : 1;
      const commit = (from: number, ops: WriteOp[], activate = false) =>
        store.commit({ projection: 'p', generation, expectedCheckpoint: from, checkpoint: from + 1, ops, activate });
      await commit(0, [{ _id: 'A', f: 1, g: 1 }, { _id: 'B', f: 1, g: 1 }].map((doc) => ({ op: 'insert', collection: 'items', doc })));
      await commit(1, [
        { op: 'update', collection: 'items', filter: { _id: 'B' }, update: { $set: { touched: true } } }, // B is this batch's first
        { op: 'insert', collection: 'items', doc: { _id: 'C', f: [1], g: 2 } }, // makes f mixed
        { op: 'update', collection: 'items', filter: { g: 2 }, update: { $set: { seen: true } } }, // a rebuild builds g here
        { op: 'update', collection: 'items', filter: { f: { $gte: 1 } }, update: { $set: { hit: true } } }, // one document, by f
      ]);
      if (rebuild) await commit(2, [], true);
      hits.push((await store.find('items', { hit: true })).map((d) => d._id));
      await store.close();
    }
    expect(hits).toEqual([['A'], ['A']]); // natural order, not an index on f that B's update moved ahead
  });

  it('pages an exactly indexed filter sorted by SQLite when no index serves the sort: the same page as the in-memory sort', async () => {
    // Strings without characters above U+FFFF: SQLite compares UTF-8 bytes, mingo UTF-16 code units (see computedOrder).
    const text = fc.constantFrom('', 'a', 'b', 'B', 'ab', 'é', 'z', '10', '9');
    const value = fc.oneof(text, fc.integer({ min: -3, max: 3 }), fc.constantFrom(1.5, -0.5, null, undefined));
    const doc = fc.record({ a: value, b: value, c: value, arr: fc.boolean() });
    const sortField = fc.constantFrom('a', 'b', 'c', '_id');
    const sort = fc.uniqueArray(fc.tuple(sortField, fc.constantFrom<1 | -1>(1, -1)), { minLength: 1, maxLength: 3, selector: ([f]) => f });
    const filter = fc.oneof(fc.constant({}), value.map((a) => ({ a: a ?? null })), fc.array(text, { minLength: 1, maxLength: 3 }).map(($in) => ({ b: { $in } })));
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { maxLength: 25 }), filter, sort, fc.nat(6), fc.integer({ min: 1, max: 8 }), async (docs, where, order, skip, limit) => {
        const store = new SqliteReadStore(':memory:');
        await store.ensureIndexes([{ collection: 'items', fields: ['a'] }, { collection: 'items', fields: ['b', 'c'] }]);
        // Some documents hold an array at `c`: the `b, c` index is then mixed and must not be trusted for `b` or `c`.
        const { sortBy, expected } = await writeAndPage(store, docs, where, order, skip, limit);
        expect((await store.find('items', where, { sort: sortBy, skip, limit })).map((d) => d._id)).toEqual(expected);
        await store.close();
      }),
      { seed: 20261127, numRuns: 400 },
    );
  });

  it('pages an exact $or in a sort no index serves branch by branch (a UNION of each branch\'s keys): the same page as the in-memory sort', async () => {
    // Few values: documents matching several branches, and ties in the sort across a page's edge, are common.
    const text = fc.constantFrom('a', 'b', 'é', '9');
    const value = fc.oneof(text, fc.integer({ min: -1, max: 1 }), fc.constantFrom(1.5, null, undefined));
    const doc = fc.record({ a: value, b: value, c: value, arr: fc.constantFrom(false, false, false, false, false, false, false, false, false, true) });
    const sort = fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', '_id'), fc.constantFrom<1 | -1>(1, -1)), { minLength: 1, maxLength: 3, selector: ([f]) => f });
    const pinned = value.map((v) => v ?? null);
    const bounds = (bound: fc.Arbitrary<unknown>) => fc.dictionary(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), bound, { minKeys: 1, maxKeys: 2 });
    // Branches on the `a` and `b, c` indexes (overlapping: a document may match several).
    const branch = fc.oneof(
      pinned.map((a) => ({ a })),
      fc.array(text, { minLength: 1, maxLength: 3 }).map(($in) => ({ a: { $in } })),
      fc.tuple(pinned, pinned).map(([b, c]) => ({ b, c })),
      pinned.map((b) => ({ b })),
    );
    // Outside the `$or`, repeated in each branch: nothing, a value or a range of `c` (the `c, a` index), at the top level or in an `$and`.
    const outside = fc.option(fc.oneof(pinned, bounds(text), bounds(fc.integer({ min: -1, max: 1 }))), { nil: undefined });
    const filter = fc.tuple(fc.array(branch, { minLength: 2, maxLength: 3 }), outside, fc.boolean()).map(([$or, c, wrapped]): Filter => {
      const rest = c === undefined ? {} : { c };
      return wrapped ? { $and: [{ $or }, rest] } : { $or, ...rest };
    });
    let unions = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { minLength: 15, maxLength: 25 }),
        filter,
        sort,
        fc.nat(4),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        async (docs, where, order, skip, limit, indexFirst) => {
          const store = new SqliteReadStore(':memory:');
          // Declared before the first write: stored columns; after it: expression indexes (json_extract) on the existing table.
          const declare = () =>
            store.ensureIndexes([{ collection: 'items', fields: ['a'] }, { collection: 'items', fields: ['b', 'c'] }, { collection: 'items', fields: ['c', 'a'] }]);
          if (indexFirst) await declare();
          // An array at `c` now and then: the indexes over it are mixed, the filter is then not exact and mingo decides.
          const { sortBy, expected } = await writeAndPage(store, docs, where, order, skip, limit);
          if (!indexFirst) await declare();
          const db = (store as unknown as { db: Database.Database }).db;
          const prepare = db.prepare.bind(db);
          const spy = jest.spyOn(db, 'prepare').mockImplementation((sql: string) => {
            if (sql.includes(' UNION ')) unions += 1;
            return prepare(sql);
          });
          expect((await store.find('items', where, { sort: sortBy, skip, limit })).map((d) => d._id)).toEqual(expected);
          spy.mockRestore();
          await store.close();
        },
      ),
      { seed: 20261129, numRuns: 600 },
    );
    expect(unions).toBeGreaterThan(100); // the branch-by-branch form was taken (145 of the 600 runs), not only the in-memory sort
  });

  it('breaks ties of a branch-by-branch page in natural order, also across the page\'s edge', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.ensureIndexes([{ collection: 'items', fields: ['a'] }, { collection: 'items', fields: ['b'] }, { collection: 'items', fields: ['c', 'a'] }]);
    // Ids in descending order, so that neither _id nor the branches' own order stands in for the rowid.
    const docs = Array.from({ length: 30 }, (_, i) => ({ _id: `d${String(99 - i).padStart(2, '0')}`, a: i % 2 === 0 ? 'x' : 'o', b: i % 3 === 0 ? 'y' : 'o', c: 1 }));
    await store.write(docs.map((doc) => ({ op: 'replace', collection: 'items', doc })));
    const matching = docs.filter((d) => d.a === 'x' || d.b === 'y').map((d) => d._id);
    for (const skip of [0, 7, 13]) {
      const page = await store.find('items', { $or: [{ a: 'x' }, { b: 'y' }] }, { sort: { c: -1 }, skip, limit: 6 });
      expect(page.map((d) => d._id)).toEqual(matching.slice(skip, skip + 6));
    }
    await store.close();
  });

  it('narrows by ranges, $or and $and parts and by conditions SQLite tests while scanning: the same matches, count and page as mingo', async () => {
    // Text from U+E000 and above U+FFFF too: SQLite and mingo order those differently, so such bounds are not planned.
    // Few distinct values, so that conditions match some of the documents.
    const text = fc.constantFrom('', 'a', 'ab', 'b', 'é', '\uE000', '😀');
    const num = fc.constantFrom(-1, 0, 1, 1.5, 2 ** 60); // 2^60: SQLite reads the JSON integer exactly, JS rounds it
    const value = fc.oneof(text, num, fc.constantFrom(null, undefined));
    const bounds = (bound: fc.Arbitrary<unknown>) => fc.dictionary(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), bound, { minKeys: 1, maxKeys: 2 });
    const range = fc.oneof(bounds(text), bounds(num), bounds(fc.oneof(text, num)));
    const pinned = value.map((v) => v ?? null);
    const several = fc.uniqueArray(fc.oneof(text, num), { minLength: 2, maxLength: 3 }).map(($in) => ({ $in })); // narrows, but orders nothing
    const condition = fc.oneof(pinned, range, several);
    // Mostly conditions an index answers exactly (a wrong SQL condition then shows), some it only narrows.
    const conjunction = fc.oneof(
      fc.record({ a: condition }),
      fc.record({ b: condition }),
      fc.record({ b: pinned, c: condition }),
      fc.record({ c: pinned, _id: bounds(fc.oneof(text, num)) }),
      fc.record({ a: condition, b: condition, c: condition }, { requiredKeys: [] }),
      // `d` has no index: tested by SQLite while it reads (json_each), whatever the documents hold there.
      fc.record({ d: fc.oneof(pinned, fc.array(fc.oneof(text, num), { minLength: 1, maxLength: 3 }).map(($in) => ({ $in }))) }),
      fc.record({ a: condition, d: pinned }),
      fc.record({ 'e.f': pinned }), // a path through an array is left to mingo
    );
    const either = fc.tuple(fc.array(conjunction, { minLength: 1, maxLength: 3 }), conjunction).map(([$or, rest]) => ({ ...rest, $or }));
    // `$and` parts are lifted: any parts, one field in two parts, two `$or`s.
    const ors = fc.array(conjunction, { minLength: 1, maxLength: 3 });
    const and = fc.oneof(
      fc.array(fc.oneof(conjunction, either), { minLength: 1, maxLength: 3 }).map(($and) => ({ $and })),
      fc.tuple(condition, condition).map(([x, y]) => ({ $and: [{ a: x }, { a: y }] })),
      fc.tuple(ors, ors).map(([x, y]) => ({ $and: [{ $or: x }, { $or: y }] })),
    );
    const exactEither = fc.tuple(condition, pinned, pinned).map(([x, y, z]) => ({ a: x, $or: [{ b: y }, { b: z }] }));
    const filter = fc.oneof(conjunction, either, exactEither, and);
    const anything = fc.oneof(value, fc.boolean(), fc.array(fc.oneof(text, num, fc.array(text, { maxLength: 2 })), { maxLength: 3 }), fc.record({ x: text }));
    const nested = fc.oneof(fc.record({ f: value }), fc.array(fc.record({ f: text }), { minLength: 1, maxLength: 2 }));
    const doc = fc.record({ a: value, b: value, c: value, d: anything, e: nested, arr: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: 5, maxLength: 25 }), filter, fc.nat(6), fc.integer({ min: 1, max: 8 }), fc.boolean(), async (docs, where, skip, limit, indexFirst) => {
        const store = new SqliteReadStore(':memory:');
        // Declared before the first write: indexes on stored columns; after it: expression indexes on the existing table.
        const declare = () => store.ensureIndexes([{ collection: 'items', fields: ['a'] }, { collection: 'items', fields: ['b', 'c'] }, { collection: 'items', fields: ['c', '_id'] }]);
        if (indexFirst) await declare();
        // Some documents hold an array at `c`: its indexes are then mixed and must not be trusted. Some
        // ids look like numbers: SQLite would compare a number bound with them as text.
        const idOf = (i: number) => (i % 3 === 0 ? String((i * 7) % 25) : `d${(i * 7) % 25}`);
        const rows = docs.map(({ arr, ...d }, i) => ({ _id: idOf(i), ...d, ...(arr && i % 7 === 0 ? { c: [1, 'x'] } : {}) }));
        const stored = rows.map((row) => JSON.parse(JSON.stringify(row)) as Doc);
        await store.write(stored.map((doc) => ({ op: 'replace', collection: 'items', doc })));
        if (!indexFirst) await declare();
        const matching = new Query(where).find(stored.map((d) => ({ ...d }))).all() as Doc[];
        expect((await store.find('items', where, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(sortDocs(matching, { _id: 1 }).map((d) => d._id));
        expect(await store.count('items', where)).toBe(matching.length);
        // Unsorted: natural (insertion) order, whether the rows come from an index's rowids or a scan.
        expect((await store.find('items', where)).map((d) => d._id)).toEqual(matching.map((d) => d._id));
        expect((await store.find('items', where, { skip, limit })).map((d) => d._id)).toEqual(matching.slice(skip, skip + limit).map((d) => d._id));
        const page = sortDocs(matching, { c: -1, _id: -1 }).slice(skip, skip + limit).map((d) => d._id);
        expect((await store.find('items', where, { sort: { c: -1, _id: -1 }, skip, limit })).map((d) => d._id)).toEqual(page);
        // Served by the index on b, c where the filter pins b to one value, at its top level or in an `$and` part.
        const byC = sortDocs(matching, { c: -1 }).slice(skip, skip + limit).map((d) => d._id);
        expect((await store.find('items', where, { sort: { c: -1 }, skip, limit })).map((d) => d._id)).toEqual(byC);
        await store.close();
      }),
      { seed: 20261128, numRuns: 600 },
    );
  });

  it('plans a range on the field after the pinned ones, exactly, and leaves to mingo the bounds SQLite would order differently', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.registerProjection('p', ['items']);
    const indexes = [
      { fields: ['date', '_id'], plain: true, deferred: false },
      { fields: ['period', 'date', '_id'], plain: true, deferred: false },
      { fields: ['owner'], plain: true, deferred: false },
    ];
    await store.ensureIndexes(indexes.map(({ fields }) => ({ collection: 'items', fields })));
    const docs = Array.from({ length: 40 }, (_, i) => ({ _id: `s${String(i).padStart(2, '0')}`, period: `P${i % 2}`, owner: `o${i % 4}`, date: `2026-01-${String((i % 9) + 1).padStart(2, '0')}` }));
    await store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: docs.map((doc) => ({ op: 'replace', collection: 'items', doc })) });
    const db = new Database(file, { readonly: true });
    // The table was created after the indexes were declared: its indexes are on stored columns, which queries must name.
    const onColumns = indexes.map((i) => ({ ...i, stored: storedFieldsOf(db, 'rm_items__g1') }));
    const explain = (filter: Record<string, unknown>) => {
      const plan = filterPlan(filter, onColumns)!;
      return db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${selectSql('rm_items__g1', plan)}`).all(...plan.params).map((r) => r.detail).join('; ');
    };
    const week = { $gte: '2026-01-03', $lte: '2026-01-05' };
    expect(filterPlan({ date: week }, indexes)).toMatchObject({ exact: true, params: ['2026-01-03', '2026-01-05'] });
    expect(explain({ date: week })).toContain('USING INDEX rm_items__g1__ix__date___id');
    expect(filterPlan({ period: 'P1', date: week }, indexes)).toMatchObject({ exact: true, params: ['P1', '2026-01-03', '2026-01-05'] });
    expect(explain({ period: 'P1', date: week })).toContain('USING INDEX rm_items__g1__ix__period__date___id');
    expect(indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: 'P1', date: week }))).toBeDefined();
    expect(filterPlan({ owner: 'o1', date: week }, indexes)!.where).toEqual(["json_extract(doc, '$.owner') = ?"]); // an equality first
    // One-sided ranges keep to their type; the $or stays one condition beside the others.
    expect(filterPlan({ date: { $lt: '2026-01-03' } }, indexes)!.where).toContain("json_extract(doc, '$.date') >= ''");
    expect(filterPlan({ date: { $gt: 3 } }, indexes)!.where).toContain("json_extract(doc, '$.date') < ''");
    expect(filterPlan({ date: { $gt: 3 } }, onColumns)!.where).toEqual(['"ix:date" > ?', '"ix:date" < \'\'']);
    expect(explain({ date: { $gt: 3 } })).toContain('USING INDEX rm_items__g1__ix__date___id');
    const either = { date: week, $or: [{ owner: 'o1' }, { owner: 'o2' }] };
    expect(filterPlan(either, indexes)!.where.at(-1)).toBe("((json_extract(doc, '$.owner') = ?) OR (json_extract(doc, '$.owner') = ?))");
    expect((await store.find('items', either, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['s02', 's13', 's21', 's22', 's29', 's30', 's38']);
    expect(await store.count('items', either)).toBe(7);
    // A condition on a field without an index is tested by SQLite while it reads (an array's elements too), never exactly.
    expect(filterPlan({ owner: 'o1', tag: { $in: ['x', 2] } }, indexes)).toEqual({
      where: ["json_extract(doc, '$.owner') = ?", "EXISTS (SELECT 1 FROM json_each(doc, '$.tag') WHERE value IN (?, ?))"],
      params: ['o1', 'x', 2],
      exact: false,
      indexed: true,
    });
    expect(filterPlan({ 'tag.name': 'x' }, indexes)).toBeUndefined(); // a path may go through an array: mingo's
    // Not planned: bounds of two types, characters SQLite orders otherwise, a number against the TEXT `_id`.
    expect(filterPlan({ date: { $gt: 1, $lt: 'z' } }, indexes)).toBeUndefined();
    expect(filterPlan({ date: { $lt: '2026-\uE000' } }, indexes)).toBeUndefined();
    expect(filterPlan({ date: { $lt: '😀' } }, indexes)).toBeUndefined();
    expect(filterPlan({ _id: { $gt: 5 } }, [{ fields: ['_id'], plain: true, deferred: false }])).toBeUndefined();
    expect(filterPlan({ date: { toString: 'x' } }, indexes)).toBeUndefined(); // an object to equal, not a range
    expect(await store.find('items', { date: { toString: 'x' } })).toEqual([]);
    db.close();
    await store.close();
  });

  it('keeps the fields indexed as a table is created in stored columns holding what json_extract gives; a table created before keeps expression indexes', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.write([{ op: 'replace', collection: 'older', doc: { _id: 'o', k: 'x' } }]);
    await store.ensureIndexes(['older', 'items'].flatMap((collection) => [{ collection, fields: ['k', '_id'] }, { collection, fields: ['p.q'] }]));
    const docs = [
      { _id: 'a', k: '12', p: { q: 1 } }, // a numeric string stays text (the column has no type, hence no affinity)
      { _id: 'b', k: 12, p: { q: 1.5 } },
      { _id: 'c', k: null, p: 'scalar' },
      { _id: 'd', p: { q: 'é' } },
    ];
    await store.write(docs.map((doc) => ({ op: 'replace', collection: 'items', doc })));
    await store.write([{ op: 'update', collection: 'items', filter: { _id: 'c' }, update: { $set: { k: 'later' } } }]);
    await store.write([{ op: 'replace', collection: 'older', doc: { _id: 'p', k: '12' } }]);
    const db = new Database(file, { readonly: true });
    expect([...storedFieldsOf(db, 'items')].sort()).toEqual(['k', 'p.q']);
    expect(storedFieldsOf(db, 'older').size).toBe(0);
    const columns = db
      .prepare(`SELECT _id, "ix:k" AS k, typeof("ix:k") AS kType, "ix:p.q" AS q FROM items ORDER BY _id`)
      .all();
    expect(columns).toEqual([
      { _id: 'a', k: '12', kType: 'text', q: 1 },
      { _id: 'b', k: 12, kType: 'real', q: 1.5 }, // bound from JS: equal to the JSON integer for SQLite
      { _id: 'c', k: 'later', kType: 'text', q: null }, // kept up to date by the update
      { _id: 'd', k: null, kType: 'null', q: 'é' },
    ]);
    const differing = db.prepare(`SELECT count(*) AS n FROM items WHERE "ix:k" IS NOT json_extract(doc, '$.k') OR "ix:p.q" IS NOT json_extract(doc, '$.p.q')`).get();
    expect(differing).toEqual({ n: 0 });
    const indexSql = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name LIKE '%__ix__k___id' ORDER BY tbl_name").pluck().all();
    expect(indexSql).toEqual([
      'CREATE INDEX "items__ix__k___id" ON "items" ("ix:k", _id)',
      `CREATE INDEX "older__ix__k___id" ON "older" (json_extract(doc, '$.k'), _id)`,
    ]);
    for (const collection of ['items', 'older']) {
      expect((await store.find(collection, { k: '12' })).map((d) => d._id)).toEqual([collection === 'items' ? 'a' : 'p']);
    }
    expect((await store.find('items', { k: { $gte: 0 } })).map((d) => d._id)).toEqual(['b']);
    expect((await store.find('items', { 'p.q': { $lt: 2 } }, { sort: { 'p.q': -1 } })).map((d) => d._id)).toEqual(['b', 'a']);
    expect((await store.find('items', {}, { sort: { k: 1, _id: 1 } })).map((d) => d._id)).toEqual(['d', 'b', 'a', 'c']);
    db.close();
    await store.close();
  });

  it('reads and writes a table whose stored columns SQLite generates (as the first version of stored columns created them)', async () => {
    const file = tempFile();
    const setup = new Database(file);
    setup.exec(SYSTEM_SCHEMA);
    setup.exec(`CREATE TABLE items (_id TEXT PRIMARY KEY, doc TEXT NOT NULL, "ix:k" GENERATED ALWAYS AS (json_extract(doc, '$.k')) STORED)`);
    setup.exec('CREATE INDEX "items__ix__k" ON items ("ix:k")');
    setup.prepare('INSERT INTO _rm_indexes (collection, fields) VALUES (?, ?)').run('items', '["k"]');
    setup.prepare('INSERT INTO _rm_table_indexes (tbl, fields, plain) VALUES (?, ?, 1)').run('items', '["k"]');
    setup.close();
    const store = new SqliteReadStore(file);
    await store.write(['x', 'y', 'x'].map((k, i) => ({ op: 'replace' as const, collection: 'items', doc: { _id: `d${i}`, k } })));
    await store.write([{ op: 'update', collection: 'items', filter: { k: 'y' }, update: { $set: { k: 'x' } } }]);
    expect(await store.insertIfAbsent('items', { _id: 'd3', k: 'z' })).toBe(true);
    expect((await store.find('items', { k: 'x' }, { sort: { k: 1, _id: 1 } })).map((d) => d._id)).toEqual(['d0', 'd1', 'd2']);
    expect(await store.count('items', { k: 'z' })).toBe(1);
    const db = new Database(file, { readonly: true });
    const plan = filterPlan({ k: 'x' }, [{ fields: ['k'], plain: true, deferred: false, stored: storedFieldsOf(db, 'items') }])!;
    expect(db.prepare(`EXPLAIN QUERY PLAN ${selectSql('items', plan)}`).all(...plan.params)).toEqual(
      expect.arrayContaining([expect.objectContaining({ detail: expect.stringContaining('USING INDEX items__ix__k') })]),
    );
    db.close();
    await store.close();
  });

  it('gives a column to one of two indexed fields differing only in case (SQLite column names ignore case)', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.ensureIndexes([{ collection: 'items', fields: ['clientId'] }, { collection: 'items', fields: ['clientID', '_id'] }]);
    await store.write([{ op: 'replace', collection: 'items', doc: { _id: 'a', clientId: 'c1', clientID: 'C2' } }]);
    expect((await store.find('items', { clientId: 'c1' })).map((d) => d._id)).toEqual(['a']);
    expect((await store.find('items', { clientID: 'C2' })).map((d) => d._id)).toEqual(['a']);
    expect(await store.count('items', { clientID: 'c1' })).toBe(0);
    await store.close();
  });

  it('leaves to mingo what SQLite would compare otherwise: integers from 2^53, numbers against the TEXT _id, inherited names, expressions too deep', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.ensureIndexes([{ collection: 'items', fields: ['n'] }, { collection: 'items', fields: ['_id'] }]);
    // JSON holds 2^60 as 1152921504606847000, which SQLite reads exactly and JS rounds back to 2^60.
    await store.write([{ _id: 'big', n: 2 ** 60 }, { _id: '1.5', n: 1 }, { _id: 'z', n: 2 }].map((doc) => ({ op: 'replace' as const, collection: 'items', doc })));
    const ids = async (filter: Record<string, unknown>) => (await store.find('items', filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ n: 2 ** 60 })).toEqual(['big']);
    expect(await ids({ n: { $lte: 2 ** 60 } })).toEqual(['1.5', 'big', 'z']);
    expect(await ids({ n: { $gt: 2 ** 60 } })).toEqual([]);
    expect(await store.count('items', { n: { $gte: 2 ** 60 } })).toBe(1);
    expect(await ids({ m: { $in: [2 ** 60, 'x'] } })).toEqual([]);
    expect(await ids({ _id: 1.5 })).toEqual([]); // the TEXT column would compare 1.5 as '1.5'
    expect(await ids({ n: 1, _id: { $in: [1.5] } })).toEqual([]);
    expect(await ids(JSON.parse('{"__proto__": "z"}') as Record<string, unknown>)).toEqual(['1.5', 'big', 'z']); // as mingo answers
    const many = Array.from({ length: 1_500 }, (_, i) => ({ m: `v${i}` }));
    expect(await ids({ $or: [...many, { n: 2 }] })).toEqual(['z']);
    expect(await ids({ $and: [{ $or: [...many, { n: 1 }] }, { n: { $lt: 5 } }] })).toEqual(['1.5']);
    await store.close();
  });

  it('sorts the page in SQLite (a temporary b-tree over extracted keys) when a sort mixes directions on plain fields', async () => {
    const file = tempFile();
    const store = new SqliteReadStore(file);
    await store.ensureIndexes([{ collection: 'items', fields: ['owner'] }, { collection: 'items', fields: ['date', '_id'] }]);
    const docs = Array.from({ length: 30 }, (_, i) => ({ _id: `s${String(i).padStart(2, '0')}`, owner: `o${i % 3}`, date: `2026-01-${String((i % 4) + 1).padStart(2, '0')}` }));
    await store.write(docs.map((doc) => ({ op: 'replace', collection: 'items', doc })));
    const parse = jest.spyOn(JSON, 'parse');
    const page = await store.find('items', { owner: { $in: ['o1', 'o2'] } }, { sort: { date: -1, _id: 1 }, skip: 1, limit: 4 });
    const parsed = parse.mock.calls.length;
    parse.mockRestore();
    expect(page.map((d) => d._id)).toEqual(['s11', 's19', 's23', 's02']); // the 4th: s07, s11, s19, s23; then the 3rd: s02 …
    expect(parsed).toBeLessThanOrEqual(6); // the page, not the 20 matches
    const order = computedOrder({ date: -1, _id: 1 }, [{ fields: ['date', '_id'], plain: true, deferred: false }])!;
    expect(order).toBe("json_extract(doc, '$.date') DESC, _id ASC, rowid ASC");
    expect(computedOrder({ date: -1, _id: 1 }, [{ fields: ['date', '_id'], plain: false, deferred: false }])).toBeUndefined();
    expect(computedOrder({ date: -1, amount: 1 }, [{ fields: ['date', '_id'], plain: true, deferred: false }])).toBeUndefined();
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
    const indexes = [{ fields: ['period', 'date', '_id'], plain: true, deferred: false }];
    expect(indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: 'P1' }))).toBeDefined();
    expect(indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ $and: [{ period: 'P1' }, { date: { $gte: '2026-01-02' } }] }))).toBeDefined(); // pinned in an `$and` part
    expect(await store.find('items', { $and: [{ period: 'P1' }] }, { sort: { date: -1, _id: -1 }, skip: 2, limit: 5 })).toEqual(before);
    expect(indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: { $in: ['P1', 'P2'] } }))).toBeUndefined(); // two values: not one order
    expect(indexedOrder({ date: -1, _id: -1 }, indexes)).toBeUndefined();
    const db = new Database(file, { readonly: true });
    const plan = filterPlan({ period: 'P1' }, indexes)!;
    const sql = selectSql('rm_items__g1', plan, indexedOrder({ date: -1, _id: -1 }, indexes, pinnedToOne({ period: 'P1' })), 5);
    const detail = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all('P1', 2).map((r) => r.detail).join('; ');
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
    expect(filterPlan({ clientId: { $in: many } }, [{ fields: ['clientId'], plain: true, deferred: false }])).toBeUndefined();
    expect(filterPlan({ clientId: { $in: many.slice(-1_000) } }, [{ fields: ['clientId'], plain: true, deferred: false }])?.exact).toBe(true);
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
