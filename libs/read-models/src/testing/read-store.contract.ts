/**
 * The contract every read store adapter passes. Each test works on its own collection and projection
 * names (a fresh prefix), so the suite also runs against a shared, non-empty database.
 */
import { randomBytes } from 'node:crypto';
import { CheckpointConflictError, StaleGenerationError, type CommitBatch, type Doc, type ReadStore, type WriteOp } from '../port';

export interface ReadStoreContractOptions {
  /**
   * Whether a failed commit leaves nothing applied. True for SQLite and for MongoDB with transactions;
   * MongoDB's standalone fallback instead guarantees that re-applying a failed batch does not apply
   * any op twice, which is what the suite checks when this returns false.
   */
  atomicCommits?: (store: ReadStore) => boolean;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (e: unknown) => e,
  );
}

export function readStoreContract(
  name: string,
  make: () => Promise<ReadStore>,
  cleanup?: (store: ReadStore) => Promise<void>,
  options: ReadStoreContractOptions = {},
): void {
  describe(`read store contract: ${name}`, () => {
    let store: ReadStore;
    let prefix: string;
    /** A collection or projection name unique to the running test. */
    const n = (base: string) => `${prefix}_${base}`;

    beforeAll(async () => {
      store = await make();
    });
    afterAll(async () => {
      if (cleanup) await cleanup(store);
      await store.close();
    });
    beforeEach(() => {
      prefix = `t${randomBytes(5).toString('hex')}`;
    });

    /** Seeds a plain collection. */
    async function seed(collection: string, docs: Doc[]): Promise<void> {
      await store.write(docs.map((doc) => ({ op: 'insert', collection, doc })));
    }

    /** Registers a projection owning `items` (and `totals`) and returns a committer that tracks its checkpoint. */
    async function projection(collections = ['items', 'totals']) {
      const projectionName = n('p');
      await store.registerProjection(projectionName, collections.map(n));
      let checkpoint = (await store.status(projectionName)).checkpoint;
      const generation = (await store.status(projectionName)).activeGeneration;
      return {
        name: projectionName,
        generation,
        async commit(ops: WriteOp[], extra: Partial<CommitBatch> = {}) {
          const next = extra.checkpoint ?? checkpoint + 10;
          await store.commit({ projection: projectionName, generation, expectedCheckpoint: checkpoint, checkpoint: next, ops, ...extra });
          checkpoint = next;
        },
      };
    }

    const PEOPLE: Doc[] = [
      { _id: 'a', name: 'Ada', age: 36, tags: ['x', 'y'], plan: { total: 10, region: 'PL-MZ' } },
      { _id: 'b', name: 'Bob', age: 25, tags: ['y'], plan: { total: 20, region: 'PL-PM' } },
      { _id: 'c', name: 'Cy', age: 41, tags: [], plan: { total: 5, region: 'PL-MZ' } },
      { _id: 'd', name: 'Di', age: 25 },
    ];
    const ids = (docs: Doc[]) => docs.map((d) => d._id);

    describe('queries', () => {
      let people: string;
      beforeEach(async () => {
        people = n('people');
        await seed(people, PEOPLE);
      });

      it('finds one by _id, returning the stored document exactly', async () => {
        expect(await store.findOne(people, { _id: 'a' })).toEqual(PEOPLE[0]);
        expect(await store.findOne(people, { _id: 'zz' })).toBeNull();
        expect(await store.findOne(people, { _id: 'a', age: 99 })).toBeNull();
      });

      it('filters with operators, dotted paths and array membership', async () => {
        const sorted = { sort: { _id: 1 as const } };
        expect(ids(await store.find(people, { _id: { $in: ['a', 'c', 'zz'] } }, sorted))).toEqual(['a', 'c']);
        expect(ids(await store.find(people, { age: { $gte: 36 } }, sorted))).toEqual(['a', 'c']);
        expect(ids(await store.find(people, { 'plan.region': 'PL-MZ' }, sorted))).toEqual(['a', 'c']);
        expect(ids(await store.find(people, { 'plan.total': { $lt: 15 }, age: { $gt: 30 } }, sorted))).toEqual(['a', 'c']);
        expect(ids(await store.find(people, { tags: 'y' }, sorted))).toEqual(['a', 'b']);
        expect(ids(await store.find(people, { tags: { $in: ['x'] } }, sorted))).toEqual(['a']);
        expect(ids(await store.find(people, { plan: { $exists: false } }, sorted))).toEqual(['d']);
        expect(ids(await store.find(people, { $or: [{ name: 'Bob' }, { age: 41 }] }, sorted))).toEqual(['b', 'c']);
        expect((await store.findOne(people, { name: 'Cy' }))?._id).toBe('c');
      });

      it('counts with and without a filter', async () => {
        expect(await store.count(people, {})).toBe(4);
        expect(await store.count(people, { age: 25 })).toBe(2);
        expect(await store.count(people, { _id: 'b' })).toBe(1);
        expect(await store.count(people, { tags: 'nope' })).toBe(0);
      });

      it('sorts (several keys, missing fields first ascending), skips and limits', async () => {
        expect(ids(await store.find(people, {}, { sort: { age: 1, _id: -1 } }))).toEqual(['d', 'b', 'a', 'c']);
        expect(ids(await store.find(people, {}, { sort: { age: -1, name: 1 } }))).toEqual(['c', 'a', 'b', 'd']);
        expect(ids(await store.find(people, {}, { sort: { 'plan.total': 1 } }))).toEqual(['d', 'c', 'a', 'b']);
        expect(ids(await store.find(people, {}, { sort: { _id: 1 }, skip: 1, limit: 2 }))).toEqual(['b', 'c']);
        expect(ids(await store.find(people, {}, { sort: { _id: -1 }, limit: 1 }))).toEqual(['d']);
        expect(ids(await store.find(people, {}, { sort: { _id: 1 }, skip: 3 }))).toEqual(['d']);
        expect(await store.find(people, { age: 25 }, { limit: 5 })).toHaveLength(2);
      });

      it('sorts arrays by their smallest element ascending and largest descending, like MongoDB', async () => {
        const arrays = n('arrays');
        await seed(arrays, [
          { _id: '1', v: [5, 1] },
          { _id: '2', v: [3] },
          { _id: '3', v: 2 },
        ]);
        expect(ids(await store.find(arrays, {}, { sort: { v: 1 } }))).toEqual(['1', '3', '2']);
        expect(ids(await store.find(arrays, {}, { sort: { v: -1 } }))).toEqual(['1', '2', '3']);
      });

      it('answers an unknown collection with nothing', async () => {
        expect(await store.findOne(n('nothing'), { _id: 'a' })).toBeNull();
        expect(await store.find(n('nothing'), {})).toEqual([]);
        expect(await store.count(n('nothing'), {})).toBe(0);
      });

      it('returns copies: mutating a result does not change the store', async () => {
        const doc = await store.findOne<Doc & { tags: string[] }>(people, { _id: 'a' });
        doc!.tags.push('mutated');
        expect((await store.findOne(people, { _id: 'a' }))?.tags).toEqual(['x', 'y']);
      });
    });

    describe('update operators', () => {
      let c: string;
      const update = (u: Record<string, unknown>, filter: Record<string, unknown> = { _id: 'k' }) =>
        store.write([{ op: 'update', collection: c, filter, update: u }]);
      const current = () => store.findOne(c, { _id: 'k' });

      beforeEach(async () => {
        c = n('ops');
        await seed(c, [{ _id: 'k', n: 1, list: [1, 2, 3], tags: ['a'], nested: { x: 1, y: 2 }, low: 5, high: 5 }]);
      });

      it('$set, including dotted paths that create sub-documents', async () => {
        await update({ $set: { n: 2, 'nested.x': 10, 'deep.er.path': 'v', obj: { a: [1] } } });
        expect(await current()).toMatchObject({ n: 2, nested: { x: 10, y: 2 }, deep: { er: { path: 'v' } }, obj: { a: [1] } });
      });

      it('$unset', async () => {
        await update({ $unset: { n: '', 'nested.y': '', missing: '' } });
        const doc = await current();
        expect(doc).not.toHaveProperty('n');
        expect(doc?.nested).toEqual({ x: 1 });
      });

      it('$inc on existing and missing fields, negative amounts', async () => {
        await update({ $inc: { n: 4, fresh: 2, 'nested.x': -1 } });
        expect(await current()).toMatchObject({ n: 5, fresh: 2, nested: { x: 0 } });
      });

      it('$inc on a non-numeric field fails', async () => {
        await expect(update({ $inc: { tags: 1 } })).rejects.toThrow();
        expect((await current())?.tags).toEqual(['a']);
      });

      it('$push a value and $each, creating the array when missing', async () => {
        await update({ $push: { list: 4, tags: { $each: ['b', 'c'] }, fresh: 'z' } });
        expect(await current()).toMatchObject({ list: [1, 2, 3, 4], tags: ['a', 'b', 'c'], fresh: ['z'] });
      });

      it('$addToSet ignores values already present, with and without $each', async () => {
        await update({ $addToSet: { tags: 'a', list: { $each: [3, 4, 4] } } });
        await update({ $addToSet: { tags: 'b' } });
        expect(await current()).toMatchObject({ tags: ['a', 'b'], list: [1, 2, 3, 4] });
      });

      it('$pull by value and by condition', async () => {
        await update({ $pull: { tags: 'a', list: { $gte: 2 } } });
        expect(await current()).toMatchObject({ tags: [], list: [1] });
      });

      it('$max and $min, including on missing fields', async () => {
        await update({ $max: { high: 9, low: 1, newMax: 3 }, $min: { newMin: 7 } });
        await update({ $min: { low: 2, high: 1 } });
        expect(await current()).toMatchObject({ high: 1, low: 2, newMax: 3, newMin: 7 });
      });

      it('$setOnInsert applies only when an upsert inserts', async () => {
        await store.write([
          { op: 'update', collection: c, filter: { _id: 'k' }, update: { $setOnInsert: { created: 1 }, $inc: { n: 1 } }, upsert: true },
        ]);
        expect(await current()).not.toHaveProperty('created');
        await store.write([
          { op: 'update', collection: c, filter: { _id: 'new' }, update: { $setOnInsert: { created: 1 }, $inc: { n: 1 } }, upsert: true },
        ]);
        expect(await store.findOne(c, { _id: 'new' })).toEqual({ _id: 'new', created: 1, n: 1 });
      });

      it('does not share objects between the update and the stored document', async () => {
        const shared = { inner: { count: 1 } };
        await store.write([
          { op: 'update', collection: c, filter: { _id: 'k' }, update: { $set: { shared } } },
          { op: 'update', collection: c, filter: { _id: 'k' }, update: { $inc: { 'shared.inner.count': 1 } } },
        ]);
        expect(shared.inner.count).toBe(1);
        expect((await current())?.shared).toEqual({ inner: { count: 2 } });
      });

      it('rejects replacement documents and unknown operators', async () => {
        await expect(update({ n: 3 })).rejects.toThrow();
        await expect(update({ $frobnicate: { n: 3 } })).rejects.toThrow();
        expect((await current())?.n).toBe(1);
      });
    });

    describe('writes', () => {
      let c: string;
      beforeEach(async () => {
        c = n('w');
        await seed(c, PEOPLE);
      });

      it('upserts from the filter equality fields plus the update, then updates in place', async () => {
        const op: WriteOp = {
          op: 'update',
          collection: c,
          filter: { _id: 'u1', kind: 'k', 'plan.total': 2, region: { $eq: 'PL' }, age: { $gt: 5 } },
          update: { $inc: { hits: 1 }, $setOnInsert: { first: true } },
          upsert: true,
        };
        await store.write([op]);
        expect(await store.findOne(c, { _id: 'u1' })).toEqual({
          _id: 'u1',
          kind: 'k',
          plan: { total: 2 },
          region: 'PL',
          hits: 1,
          first: true,
        });
        await store.write([{ ...op, filter: { _id: 'u1' } }]);
        expect(await store.findOne(c, { _id: 'u1' })).toMatchObject({ hits: 2, first: true });
      });

      it('upserts from a non-_id filter, generating a string _id', async () => {
        await store.write([{ op: 'update', collection: c, filter: { code: 'Z9' }, update: { $set: { v: 1 } }, upsert: true }]);
        const doc = await store.findOne(c, { code: 'Z9' });
        expect(doc).toMatchObject({ code: 'Z9', v: 1 });
        expect(typeof doc?._id).toBe('string');
      });

      it('an update without upsert that matches nothing changes nothing', async () => {
        await store.write([{ op: 'update', collection: c, filter: { _id: 'ghost' }, update: { $set: { v: 1 } } }]);
        expect(await store.count(c, {})).toBe(4);
      });

      it('updates one matching document, or all with multi', async () => {
        await store.write([{ op: 'update', collection: c, filter: { age: 25 }, update: { $inc: { seen: 1 } } }]);
        expect(await store.count(c, { seen: 1 })).toBe(1);
        await store.write([{ op: 'update', collection: c, filter: { age: 25 }, update: { $inc: { seen: 1 } }, multi: true }]);
        expect(ids(await store.find(c, { seen: { $exists: true } }, { sort: { _id: 1 } }))).toEqual(['b', 'd']);
        expect(await store.count(c, { seen: 2 })).toBe(1);
      });

      it('deletes one matching document, or all with multi, or by _id', async () => {
        await store.write([{ op: 'delete', collection: c, filter: { 'plan.region': 'PL-MZ' } }]);
        expect(await store.count(c, { 'plan.region': 'PL-MZ' })).toBe(1);
        await store.write([{ op: 'delete', collection: c, filter: { age: 25 }, multi: true }]);
        expect(await store.count(c, {})).toBe(1);
        const [last] = await store.find(c, {});
        await store.write([{ op: 'delete', collection: c, filter: { _id: last._id } }]);
        expect(await store.count(c, {})).toBe(0);
      });

      it('replace writes the whole document, inserting it when absent', async () => {
        await store.write([
          { op: 'replace', collection: c, doc: { _id: 'a', only: 1 } },
          { op: 'replace', collection: c, doc: { _id: 'new', v: 2 } },
        ]);
        expect(await store.findOne(c, { _id: 'a' })).toEqual({ _id: 'a', only: 1 });
        expect(await store.findOne(c, { _id: 'new' })).toEqual({ _id: 'new', v: 2 });
      });

      it('later ops of one write see the earlier ones', async () => {
        await store.write([
          { op: 'insert', collection: c, doc: { _id: 'e', age: 25 } },
          { op: 'update', collection: c, filter: { age: 25 }, update: { $set: { group: 'y' } }, multi: true },
          { op: 'delete', collection: c, filter: { _id: 'b' } },
          { op: 'update', collection: c, filter: { group: 'y' }, update: { $inc: { n: 1 } }, multi: true },
        ]);
        expect(ids(await store.find(c, { group: 'y', n: 1 }, { sort: { _id: 1 } }))).toEqual(['d', 'e']);
      });

      it('write is atomic: a failing op (duplicate _id) leaves nothing applied', async () => {
        const error = await rejection(
          store.write([
            { op: 'update', collection: c, filter: { _id: 'a' }, update: { $set: { touched: true } } },
            { op: 'insert', collection: c, doc: { _id: 'fresh' } },
            { op: 'insert', collection: c, doc: { _id: 'b' } },
          ]),
        );
        expect(error).toBeInstanceOf(Error);
        if (options.atomicCommits && !options.atomicCommits(store)) return;
        expect(await store.findOne(c, { _id: 'a' })).toEqual(PEOPLE[0]);
        expect(await store.findOne(c, { _id: 'fresh' })).toBeNull();
      });

      it('insertIfAbsent inserts once and leaves an existing document alone', async () => {
        expect(await store.insertIfAbsent(c, { _id: 'i1', v: 1 })).toBe(true);
        expect(await store.insertIfAbsent(c, { _id: 'i1', v: 2 })).toBe(false);
        expect(await store.findOne(c, { _id: 'i1' })).toEqual({ _id: 'i1', v: 1 });
        expect(await store.insertIfAbsent(n('fresh'), { _id: 'x' })).toBe(true);
      });
    });

    describe('projections and checkpoints', () => {
      it('registers once: a second registration keeps the checkpoint, generation 1 starts at 0', async () => {
        const p = await projection();
        expect(await store.status(p.name)).toEqual({ name: p.name, activeGeneration: 1, checkpoint: 0 });
        await p.commit([{ op: 'insert', collection: n('items'), doc: { _id: 'i' } }], { checkpoint: 7 });
        await store.registerProjection(p.name, [n('items'), n('totals')]);
        expect(await store.status(p.name)).toEqual({ name: p.name, activeGeneration: 1, checkpoint: 7 });
      });

      it('rejects an unknown projection, and a collection owned by another projection', async () => {
        await expect(store.status(n('unknown'))).rejects.toThrow();
        await projection();
        await expect(store.registerProjection(n('other'), [n('items')])).rejects.toThrow();
      });

      it('commits ops and the checkpoint together; reads see the projection collections', async () => {
        const p = await projection();
        await p.commit(
          [
            {
              op: 'update',
              collection: n('items'),
              filter: { _id: 's-1' },
              update: { $inc: { count: 1 }, $push: { revisions: 0 } },
              upsert: true,
              position: 1,
            },
            {
              op: 'update',
              collection: n('items'),
              filter: { _id: 's-1' },
              update: { $inc: { count: 1 }, $push: { revisions: 1 } },
              upsert: true,
              position: 2,
            },
            { op: 'update', collection: n('totals'), filter: { _id: '$total' }, update: { $inc: { count: 2 } }, upsert: true, position: 2 },
          ],
          { checkpoint: 2 },
        );
        expect(await store.findOne(n('items'), { _id: 's-1' })).toEqual({ _id: 's-1', count: 2, revisions: [0, 1] });
        expect(await store.findOne(n('totals'), { _id: '$total' })).toEqual({ _id: '$total', count: 2 });
        expect(await store.status(p.name)).toMatchObject({ checkpoint: 2 });
      });

      it('refuses writes outside the rules: foreign collections in commit, owned collections in write', async () => {
        const p = await projection();
        await expect(p.commit([{ op: 'insert', collection: n('elsewhere'), doc: { _id: 'x' } }])).rejects.toThrow();
        await expect(store.write([{ op: 'insert', collection: n('items'), doc: { _id: 'x' } }])).rejects.toThrow();
        await expect(store.insertIfAbsent(n('items'), { _id: 'x' })).rejects.toThrow();
        expect(await store.status(p.name)).toMatchObject({ checkpoint: 0 });
      });

      it('compare-and-set: a stale expectedCheckpoint is a CheckpointConflictError and writes nothing', async () => {
        const p = await projection();
        await p.commit([{ op: 'insert', collection: n('items'), doc: { _id: 'one' } }], { checkpoint: 5 });
        const error = await rejection(
          store.commit({
            projection: p.name,
            generation: 1,
            expectedCheckpoint: 3,
            checkpoint: 9,
            ops: [{ op: 'insert', collection: n('items'), doc: { _id: 'two' } }],
          }),
        );
        expect(error).toBeInstanceOf(CheckpointConflictError);
        expect(error).toMatchObject({ projection: p.name, expected: 3, actual: 5, code: 'READ_STORE.CHECKPOINT_CONFLICT' });
        expect(await store.findOne(n('items'), { _id: 'two' })).toBeNull();
        expect(await store.status(p.name)).toMatchObject({ checkpoint: 5 });
      });

      it('a replayed batch is rejected and nothing is applied twice', async () => {
        const p = await projection();
        const batch: CommitBatch = {
          projection: p.name,
          generation: 1,
          expectedCheckpoint: 0,
          checkpoint: 4,
          ops: [
            {
              op: 'update',
              collection: n('totals'),
              filter: { _id: 't' },
              update: { $inc: { count: 1 }, $push: { seen: 4 } },
              upsert: true,
              position: 4,
            },
            { op: 'insert', collection: n('items'), doc: { _id: 'i4' }, position: 4 },
          ],
        };
        await store.commit(batch);
        await expect(store.commit(batch)).rejects.toBeInstanceOf(CheckpointConflictError);
        expect(await store.findOne(n('totals'), { _id: 't' })).toEqual({ _id: 't', count: 1, seen: [4] });
        expect(await store.count(n('items'), {})).toBe(1);
        expect(await store.status(p.name)).toMatchObject({ checkpoint: 4 });
      });

      it('a batch with ops must move the checkpoint forward', async () => {
        const p = await projection();
        await expect(
          store.commit({
            projection: p.name,
            generation: 1,
            expectedCheckpoint: 0,
            checkpoint: 0,
            ops: [{ op: 'insert', collection: n('items'), doc: { _id: 'x' } }],
          }),
        ).rejects.toThrow();
        await store.commit({ projection: p.name, generation: 1, expectedCheckpoint: 0, checkpoint: 0, ops: [] });
        expect(await store.count(n('items'), {})).toBe(0);
      });

      it('commit is atomic: when a later op fails, no op is applied and the checkpoint stays', async () => {
        const p = await projection();
        await p.commit([{ op: 'insert', collection: n('items'), doc: { _id: 'dup', v: 0 } }], { checkpoint: 1 });
        const failing: WriteOp[] = [
          { op: 'update', collection: n('totals'), filter: { _id: 't' }, update: { $inc: { count: 1 } }, upsert: true, position: 2 },
          { op: 'update', collection: n('items'), filter: { _id: 'dup' }, update: { $set: { v: 1 } }, position: 2 },
          { op: 'insert', collection: n('items'), doc: { _id: 'dup' }, position: 3 },
        ];
        await expect(
          store.commit({ projection: p.name, generation: 1, expectedCheckpoint: 1, checkpoint: 3, ops: failing }),
        ).rejects.toThrow();
        expect(await store.status(p.name)).toMatchObject({ checkpoint: 1 });
        if (!options.atomicCommits || options.atomicCommits(store)) {
          expect(await store.findOne(n('totals'), { _id: 't' })).toBeNull();
          expect(await store.findOne(n('items'), { _id: 'dup' })).toEqual({ _id: 'dup', v: 0 });
        }
        // Whatever was applied of the failed batch, retrying the corrected batch applies each op once.
        const corrected: WriteOp[] = [...failing.slice(0, 2), { op: 'insert', collection: n('items'), doc: { _id: 'other' }, position: 3 }];
        await store.commit({ projection: p.name, generation: 1, expectedCheckpoint: 1, checkpoint: 3, ops: corrected });
        expect(await store.findOne(n('totals'), { _id: 't' })).toEqual({ _id: 't', count: 1 });
        expect(await store.findOne(n('items'), { _id: 'dup' })).toEqual({ _id: 'dup', v: 1 });
        expect(await store.status(p.name)).toMatchObject({ checkpoint: 3 });
      });
    });

    describe('indexes', () => {
      const ENTRIES: Doc[] = [
        { _id: 'e1', clientId: 'c1', at: '2026-01-03', n: 1 },
        { _id: 'e2', clientId: 'c2', at: '2026-01-01', n: 2 },
        { _id: 'e3', clientId: 'c1', at: '2026-01-02', n: 3 },
        { _id: 'e4', at: '2026-01-02', n: 4 },
        { _id: 'e5', clientId: 7, at: '2026-01-05', n: 5 },
      ];

      it('never change an answer: equality, $in, ranges, sorted pages and counts, before and after the declaration', async () => {
        const c = n('entries');
        await seed(c, ENTRIES);
        const ask = async () => [
          ids(await store.find(c, { clientId: 'c1' })).sort(),
          ids(await store.find(c, { clientId: { $in: ['c2', 7] } }, { sort: { _id: 1 } })),
          ids(await store.find(c, { clientId: { $eq: 'c1' }, n: { $gt: 1 } })),
          ids(await store.find(c, {}, { sort: { at: 1, _id: 1 }, skip: 1, limit: 3 })),
          ids(await store.find(c, {}, { sort: { at: -1, _id: -1 }, limit: 2 })),
          ids(await store.find(c, { clientId: 'c1' }, { sort: { at: 1, _id: 1 } })),
          await store.count(c, { clientId: 'c1' }),
          (await store.findOne(c, { clientId: 7 }))?._id,
          ids(await store.find(c, { $or: [{ clientId: 'c2' }, { clientId: 7 }] }, { sort: { at: 1, _id: 1 }, skip: 1 })),
          await store.count(c, { $or: [{ clientId: 'c2' }, { n: 4 }] }),
          ids(await store.find(c, { clientId: 'c1' }, { sort: { at: 1, _id: 1 }, skip: 1, limit: 5 })),
          // Ranges compare within one type: no number is below a string, no string above a number.
          ids(await store.find(c, { at: { $gte: '2026-01-02', $lt: '2026-01-05' } }, { sort: { at: -1, _id: -1 } })),
          await store.count(c, { at: { $lt: '2026-01-03' } }),
          ids(await store.find(c, { clientId: { $lt: 'c2' } }, { sort: { _id: 1 } })),
          ids(await store.find(c, { clientId: { $gte: 0 } })),
          ids(await store.find(c, { at: { $gte: '2026-01-02' }, $or: [{ clientId: 'c1' }, { clientId: 7 }] }, { sort: { _id: 1 } })),
        ];
        const expected = [
          ['e1', 'e3'], ['e2', 'e5'], ['e3'], ['e3', 'e4', 'e1'], ['e5', 'e1'], ['e3', 'e1'], 2, 'e5', ['e5'], 2, ['e1'],
          ['e1', 'e4', 'e3'], 3, ['e1', 'e3'], ['e5'], ['e1', 'e3', 'e5'],
        ];
        expect(await ask()).toEqual(expected);
        const indexes = [
          { collection: c, fields: ['clientId'] },
          { collection: c, fields: ['at', '_id'] },
        ];
        await store.ensureIndexes(indexes);
        await store.ensureIndexes(indexes); // idempotent
        expect(await ask()).toEqual(expected);
      });

      it('keep MongoDB semantics when an indexed field holds an array, an object or a boolean', async () => {
        const c = n('mixed');
        await store.ensureIndexes([{ collection: c, fields: ['tag'] }, { collection: c, fields: ['at', '_id'] }]);
        await seed(c, [
          { _id: 'a', tag: 'x', at: 2 },
          { _id: 'b', tag: 'y', at: 1 },
        ]);
        expect(ids(await store.find(c, { tag: 'x' }))).toEqual(['a']);
        await store.write([
          { op: 'insert', collection: c, doc: { _id: 'c', tag: ['x', 'z'], at: [0, 9] } },
          { op: 'insert', collection: c, doc: { _id: 'd', tag: { x: 1 }, at: true } },
        ]);
        expect(ids(await store.find(c, { tag: 'x' }, { sort: { _id: 1 } }))).toEqual(['a', 'c']);
        expect(ids(await store.find(c, { tag: { $in: ['z', 'y'] } }, { sort: { _id: 1 } }))).toEqual(['b', 'c']);
        expect(ids(await store.find(c, {}, { sort: { at: 1, _id: 1 } }))).toEqual(['c', 'b', 'a', 'd']);
        await store.write([{ op: 'update', collection: c, filter: { tag: 'z' }, update: { $set: { hit: true } }, multi: true }]);
        expect(ids(await store.find(c, { hit: true }))).toEqual(['c']);
      });

      it('apply to every generation of a projection, and updates by an indexed filter see the batch’s own earlier ops', async () => {
        const p = await projection(['items']);
        const items = n('items');
        await store.ensureIndexes([{ collection: items, fields: ['clientId'] }]);
        await p.commit([
          { op: 'replace', collection: items, doc: { _id: 'i1', clientId: 'c1', v: 0 } },
          { op: 'replace', collection: items, doc: { _id: 'i2', clientId: 'c2', v: 0 } },
        ]);
        await p.commit([
          { op: 'update', collection: items, filter: { _id: 'i2' }, update: { $set: { clientId: 'c1' } } },
          { op: 'replace', collection: items, doc: { _id: 'i3', clientId: 'c1', v: 0 } },
          { op: 'replace', collection: items, doc: { _id: 'i1', clientId: 'c9', v: 0 } },
          { op: 'update', collection: items, filter: { clientId: 'c1' }, update: { $inc: { v: 1 } }, multi: true },
        ]);
        expect(await store.find(items, {}, { sort: { _id: 1 } })).toEqual([
          { _id: 'i1', clientId: 'c9', v: 0 },
          { _id: 'i2', clientId: 'c1', v: 1 },
          { _id: 'i3', clientId: 'c1', v: 1 },
        ]);
        const generation = await store.beginRebuild(p.name);
        await store.commit({
          projection: p.name,
          generation,
          expectedCheckpoint: 0,
          checkpoint: 5,
          ops: [{ op: 'replace', collection: items, doc: { _id: 'j1', clientId: 'c1' } }],
        });
        await store.commit({
          projection: p.name,
          generation,
          expectedCheckpoint: 5,
          checkpoint: 6,
          ops: [{ op: 'delete', collection: items, filter: { clientId: 'c1' }, multi: true }],
          activate: true,
        });
        expect(await store.count(items, {})).toBe(0);
      });

      it('are retired when no longer kept, only those of the collections named: answers unchanged, through generations', async () => {
        const p = await projection(['items', 'totals']);
        const [items, totals, other] = [n('items'), n('totals'), n('other')];
        const byClient = { collection: items, fields: ['clientId'] };
        const byDate = { collection: items, fields: ['at', '_id'] };
        await store.ensureIndexes([byClient, byDate, { collection: totals, fields: ['k'] }, { collection: other, fields: ['k'] }]);
        await p.commit(['c1', 'c2', 'c1'].map((clientId, i) => ({ op: 'replace', collection: items, doc: { _id: `i${i}`, clientId, at: `2026-01-0${3 - i}` } })));
        const ask = async () => [
          ids(await store.find(items, { clientId: 'c1' }, { sort: { _id: 1 } })),
          ids(await store.find(items, {}, { sort: { at: 1, _id: 1 } })),
          await store.count(items, { clientId: { $in: ['c2'] } }),
        ];
        const expected = [['i0', 'i2'], ['i2', 'i1', 'i0'], 1];
        expect(await ask()).toEqual(expected);

        // Kept: byDate and totals' own; `other` is not named, so its index stays whatever the keep list says.
        expect(await store.retireIndexes([items, totals], [byDate, { collection: totals, fields: ['k'] }])).toEqual([byClient]);
        expect(await store.retireIndexes([items, totals], [byDate, { collection: totals, fields: ['k'] }])).toEqual([]); // idempotent
        expect(await store.retireIndexes([n('never-declared')], [])).toEqual([]);
        expect(await ask()).toEqual(expected);

        // A rebuild after it, with a write by the retired field: the same answers from the new generation.
        const generation = await store.beginRebuild(p.name);
        await store.commit({
          projection: p.name,
          generation,
          expectedCheckpoint: 0,
          checkpoint: 9,
          ops: [
            ...['c1', 'c2', 'c1'].map((clientId, i): WriteOp => ({ op: 'replace', collection: items, doc: { _id: `i${i}`, clientId, at: `2026-01-0${3 - i}` } })),
            { op: 'update', collection: items, filter: { clientId: 'c2' }, update: { $set: { seen: true } } },
          ],
          activate: true,
        });
        expect(await ask()).toEqual(expected);
        expect(ids(await store.find(items, { seen: true }))).toEqual(['i1']);

        // Declared again, it is an index like any other; retiring everything of the collection leaves the answers alone.
        await store.ensureIndexes([byClient]);
        expect(await ask()).toEqual(expected);
        expect(await store.retireIndexes([items], [])).toEqual([byDate, byClient]);
        expect(await ask()).toEqual(expected);
      });

      it('are refused with fields that are not plain dotted names', async () => {
        await expect(store.ensureIndexes([{ collection: n('bad'), fields: ['a.0'] }])).rejects.toThrow('Invalid index');
        await expect(store.ensureIndexes([{ collection: n('bad'), fields: [] }])).rejects.toThrow('Invalid index');
        await expect(store.retireIndexes([n('ok')], [{ collection: n('ok'), fields: ['a.0'] }])).rejects.toThrow('Invalid index');
      });
    });

    describe('generations', () => {
      it('rebuilds aside, swaps reads atomically on activate, then drops the old generation', async () => {
        const p = await projection();
        const items = n('items');
        await p.commit([{ op: 'replace', collection: items, doc: { _id: 'x', v: 'old' } }], { checkpoint: 10 });

        const generation = await store.beginRebuild(p.name);
        expect(generation).toBeGreaterThan(1);
        expect(await store.status(p.name)).toEqual({
          name: p.name,
          activeGeneration: 1,
          checkpoint: 10,
          building: { generation, checkpoint: 0 },
        });

        await store.commit({
          projection: p.name,
          generation,
          expectedCheckpoint: 0,
          checkpoint: 6,
          ops: [{ op: 'replace', collection: items, doc: { _id: 'x', v: 'new' } }],
        });
        expect(await store.findOne(items, { _id: 'x' })).toEqual({ _id: 'x', v: 'old' });
        // The live generation keeps accepting commits during the rebuild.
        await p.commit([{ op: 'replace', collection: items, doc: { _id: 'y', v: 'old' } }], { checkpoint: 12 });
        expect(await store.count(items, {})).toBe(2);

        await store.commit({
          projection: p.name,
          generation,
          expectedCheckpoint: 6,
          checkpoint: 12,
          ops: [{ op: 'replace', collection: items, doc: { _id: 'y', v: 'new' } }],
          activate: true,
        });
        expect(await store.find(items, {}, { sort: { _id: 1 } })).toEqual([
          { _id: 'x', v: 'new' },
          { _id: 'y', v: 'new' },
        ]);
        expect(await store.status(p.name)).toEqual({ name: p.name, activeGeneration: generation, checkpoint: 12 });

        // The old live loop is told its generation is gone.
        const stale = await rejection(store.commit({ projection: p.name, generation: 1, expectedCheckpoint: 12, checkpoint: 13, ops: [] }));
        expect(stale).toBeInstanceOf(StaleGenerationError);
        expect(stale).toMatchObject({ projection: p.name, generation: 1, code: 'READ_STORE.STALE_GENERATION' });

        await expect(store.dropGeneration(p.name, generation)).rejects.toThrow();
        await store.dropGeneration(p.name, 1);
        await expect(
          store.commit({ projection: p.name, generation: 1, expectedCheckpoint: 12, checkpoint: 13, ops: [] }),
        ).rejects.toBeInstanceOf(StaleGenerationError);
        expect(await store.count(items, {})).toBe(2);
        await store.commit({
          projection: p.name,
          generation,
          expectedCheckpoint: 12,
          checkpoint: 14,
          ops: [{ op: 'delete', collection: items, filter: { _id: 'x' } }],
        });
        expect(ids(await store.find(items, {}))).toEqual(['y']);
      });

      it('beginRebuild discards a half-built generation and starts empty at checkpoint 0', async () => {
        const p = await projection();
        const items = n('items');
        await p.commit([{ op: 'replace', collection: items, doc: { _id: 'live' } }], { checkpoint: 3 });
        const abandoned = await store.beginRebuild(p.name);
        await store.commit({
          projection: p.name,
          generation: abandoned,
          expectedCheckpoint: 0,
          checkpoint: 2,
          ops: [{ op: 'replace', collection: items, doc: { _id: 'half' } }],
        });

        const generation = await store.beginRebuild(p.name);
        expect(generation).toBeGreaterThan(abandoned);
        expect((await store.status(p.name)).building).toEqual({ generation, checkpoint: 0 });
        await expect(
          store.commit({ projection: p.name, generation: abandoned, expectedCheckpoint: 2, checkpoint: 3, ops: [] }),
        ).rejects.toBeInstanceOf(StaleGenerationError);

        await store.commit({ projection: p.name, generation, expectedCheckpoint: 0, checkpoint: 3, ops: [], activate: true });
        expect(await store.find(items, {})).toEqual([]);
        expect(await store.status(p.name)).toEqual({ name: p.name, activeGeneration: generation, checkpoint: 3 });
      });

      it('dropping the building generation abandons the rebuild', async () => {
        const p = await projection();
        const generation = await store.beginRebuild(p.name);
        await store.dropGeneration(p.name, generation);
        expect(await store.status(p.name)).toEqual({ name: p.name, activeGeneration: 1, checkpoint: 0 });
        await expect(
          store.commit({ projection: p.name, generation, expectedCheckpoint: 0, checkpoint: 1, ops: [] }),
        ).rejects.toBeInstanceOf(StaleGenerationError);
      });
    });

    describe('leases', () => {
      const t0 = new Date('2026-01-01T00:00:00.000Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);

      it('are exclusive until they expire, renewable by the holder, and released only by it', async () => {
        const lease = n('lease');
        expect(await store.acquireLease(lease, 'A', 1000, at(0))).toBe(true);
        expect(await store.acquireLease(lease, 'B', 1000, at(500))).toBe(false);
        expect(await store.acquireLease(lease, 'A', 1000, at(900))).toBe(true); // renewed until 1900
        expect(await store.acquireLease(lease, 'B', 1000, at(1500))).toBe(false);
        expect(await store.acquireLease(lease, 'B', 1000, at(1900))).toBe(true); // expired: taken over
        expect(await store.acquireLease(lease, 'A', 1000, at(2000))).toBe(false);

        await store.releaseLease(lease, 'A'); // not the holder: no effect
        expect(await store.acquireLease(lease, 'C', 1000, at(2100))).toBe(false);
        await store.releaseLease(lease, 'B');
        expect(await store.acquireLease(lease, 'C', 1000, at(2100))).toBe(true);
        expect(await store.acquireLease(n('other-lease'), 'A', 1000, at(2100))).toBe(true);
      });
    });

    it('pings', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
