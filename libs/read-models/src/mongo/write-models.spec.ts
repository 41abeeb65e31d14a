/**
 * The standalone-MongoDB fallback cannot run here without a server, so its core — stamps and guarded
 * write models — is checked in memory: the models are applied with MongoDB semantics (mingo, via the
 * embedded adapter's helpers) to simulate a crash after any prefix of a batch followed by a retry.
 */
import { Query } from 'mingo';
import type { Doc, WriteOp } from '../port';
import { applyUpdate, compileFilter, DuplicateKeyError, upsertDocument } from '../sqlite/mongo-semantics';
import { alreadyApplied, groupOps, guardedModel, notYetApplied, plainModel, withStringId, type StampedOp } from './write-models';

type Model = ReturnType<typeof guardedModel>;

/** A tiny in-memory collection with MongoDB's single-document write semantics. */
class MemoryCollection {
  readonly docs = new Map<string, Doc>();

  apply(model: Model): void {
    if ('insertOne' in model) return this.insert(model.insertOne.document as Doc);
    if ('replaceOne' in model) {
      const { filter, replacement, upsert } = model.replaceOne;
      const [match] = this.match(filter as Doc, 1);
      if (match) this.docs.set(match._id, { ...(replacement as Doc), _id: match._id });
      else if (upsert) this.insert(replacement as Doc);
      return;
    }
    if ('updateOne' in model || 'updateMany' in model) {
      const spec = 'updateOne' in model ? model.updateOne : model.updateMany;
      const matches = this.match(spec.filter as Doc, 'updateOne' in model ? 1 : Infinity);
      if (matches.length === 0 && spec.upsert) this.insert(upsertDocument(spec.filter as Doc, spec.update as Doc));
      for (const doc of matches) applyUpdate(doc, spec.update as Doc, false);
      return;
    }
    const spec = 'deleteOne' in model ? model.deleteOne : 'deleteMany' in model ? model.deleteMany : undefined;
    if (!spec) throw new Error('unexpected model');
    for (const doc of this.match(spec.filter as Doc, 'deleteOne' in model ? 1 : Infinity)) this.docs.delete(doc._id);
  }

  private insert(doc: Doc): void {
    if (this.docs.has(doc._id)) throw new DuplicateKeyError('memory', doc._id);
    this.docs.set(doc._id, structuredClone(doc));
  }

  private match(filter: Doc, max: number): Doc[] {
    const test = compileFilter(filter).test;
    return [...this.docs.values()].filter((d) => test(d)).slice(0, max);
  }

  /** What the store's applyGuarded does: on a duplicate key, skip the op if its stamp is already there. */
  applyGuarded(ops: StampedOp[]): void {
    for (const stamped of ops) {
      try {
        this.apply(guardedModel(stamped));
      } catch (error) {
        const id = stamped.op.op === 'insert' || stamped.op.op === 'replace' ? stamped.op.doc._id : (stamped.op.filter._id as string);
        const existing = this.docs.get(id);
        if (!(error instanceof DuplicateKeyError) || !existing || !new Query(alreadyApplied(stamped)).test(existing)) throw error;
      }
    }
  }

  snapshot(): Doc[] {
    return [...this.docs.values()].map(({ _pos, _seq, ...doc }) => doc as Doc).sort((a, b) => a._id.localeCompare(b._id));
  }
}

const counted = (stream: string, position: number): WriteOp[] => [
  { op: 'update', collection: 'c', filter: { _id: stream }, update: { $inc: { count: 1 }, $push: { positions: position } }, upsert: true },
  { op: 'update', collection: 'c', filter: { _id: '$total' }, update: { $inc: { count: 1 } }, upsert: true },
];

/** A batch mixing every op kind and several ops per document and per event. */
function batch(withPositions: boolean): WriteOp[] {
  const ops: WriteOp[] = [
    ...counted('s-1', 11),
    ...counted('s-2', 12),
    { op: 'insert', collection: 'c', doc: { _id: 'i-13', v: 1 } },
    { op: 'update', collection: 'c', filter: { _id: 'i-13' }, update: { $inc: { v: 1 } } },
    ...counted('s-1', 14),
    { op: 'replace', collection: 'c', doc: { _id: 'r-15', v: 'first' } },
    { op: 'replace', collection: 'c', doc: { _id: 'r-15', v: 'second' } },
    { op: 'delete', collection: 'c', filter: { _id: 'gone' } },
    { op: 'update', collection: 'c', filter: { kind: 'tagged' }, update: { $inc: { hits: 1 } }, multi: true },
    ...counted('s-2', 16),
  ];
  const positions = [11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 15, 15, 16, 16];
  return withPositions ? ops.map((op, i) => ({ ...op, position: positions[i] })) : ops;
}

function seeded(): MemoryCollection {
  const c = new MemoryCollection();
  for (const doc of [
    { _id: 'gone', v: 0 },
    { _id: 't-1', kind: 'tagged' },
    { _id: 't-2', kind: 'tagged' },
  ]) {
    c.apply(plainModel({ op: 'insert', collection: 'c', doc }));
  }
  return c;
}

describe('MongoDB standalone fallback: stamps and guarded writes', () => {
  it('stamps ops with the batch start when positions are absent, seq counting ops in order', () => {
    const groups = groupOps(batch(false), 11, (c) => c);
    expect(groups).toHaveLength(1);
    expect(groups[0].ops.map(({ pos, seq }) => [pos, seq])).toEqual(batch(false).map((_, i) => [11, i]));
  });

  it('stamps ops with their event position, seq restarting per position, positionless ops inheriting', () => {
    const ops: WriteOp[] = [
      { op: 'delete', collection: 'a', filter: { _id: 'x' } },
      { op: 'delete', collection: 'a', filter: { _id: 'x' }, position: 7 },
      { op: 'delete', collection: 'b', filter: { _id: 'x' }, position: 7 },
      { op: 'delete', collection: 'b', filter: { _id: 'x' } },
      { op: 'delete', collection: 'a', filter: { _id: 'x' }, position: 9 },
    ];
    const groups = groupOps(ops, 5, (c) => `rm_${c}__g1`);
    expect(groups.map((g) => [g.collection, g.ops.map(({ pos, seq }) => `${pos}.${seq}`)])).toEqual([
      ['rm_a__g1', ['5.0', '7.0']],
      ['rm_b__g1', ['7.1', '7.2']],
      ['rm_a__g1', ['9.0']],
    ]);
  });

  it('guards compare stamps lexicographically, and alreadyApplied is the exact complement', () => {
    const doc = { _id: 'x', _pos: 5, _seq: 1 };
    const cases: Array<[number, number, boolean]> = [
      [4, 9, false],
      [5, 0, false],
      [5, 1, false],
      [5, 2, true],
      [6, 0, true],
    ];
    for (const [pos, seq, applies] of cases) {
      const stamped = { op: { op: 'delete', collection: 'c', filter: {} } as WriteOp, pos, seq };
      expect(new Query(notYetApplied(stamped)).test(doc)).toBe(applies);
      expect(new Query(alreadyApplied(stamped)).test(doc)).toBe(!applies);
      expect(new Query(notYetApplied(stamped)).test({ _id: 'fresh' })).toBe(true);
    }
  });

  it.each([false, true])('re-applying a batch after a crash at any op applies every op once (positions given: %s)', (withPositions) => {
    const ops = batch(withPositions);
    const once = seeded();
    once.applyGuarded(groupOps(ops, 11, (c) => c)[0].ops);
    expect(once.docs.get('$total')).toMatchObject({ count: 4 });
    expect(once.docs.get('i-13')).toMatchObject({ v: 2 });

    for (let crashAfter = 0; crashAfter <= ops.length; crashAfter++) {
      const store = seeded();
      const stamped = groupOps(ops, 11, (c) => c)[0].ops;
      store.applyGuarded(stamped.slice(0, crashAfter));
      // The projector restarts from the same checkpoint; the retried batch may even be longer.
      const retried = groupOps([...ops, ...counted('s-3', 17)], 11, (c) => c)[0].ops;
      store.applyGuarded(retried);
      const expected = seeded();
      expected.applyGuarded(retried);
      expect(store.snapshot()).toEqual(expected.snapshot());
    }
  });

  it('refuses upserts not selected by _id, which a retry could not recognise', () => {
    const op: WriteOp = { op: 'update', collection: 'c', filter: { code: 'x' }, update: { $set: { v: 1 } }, upsert: true };
    expect(() => guardedModel({ op, pos: 1, seq: 0 })).toThrow('by _id');
  });

  it('gives upserts without an _id in the filter a string _id, and leaves others alone', () => {
    const update = { $set: { v: 1 } };
    expect(withStringId({ _id: 'a' }, update)).toBe(update);
    expect(withStringId({ $and: [{ _id: 'a' }, { v: 0 }] }, update)).toBe(update);
    expect(withStringId({ code: 'x' }, { $set: { _id: 'mine' } })).toEqual({ $set: { _id: 'mine' } });
    const generated = withStringId({ code: 'x' }, { ...update, $setOnInsert: { created: true } });
    expect(generated).toMatchObject({ $set: { v: 1 }, $setOnInsert: { created: true, _id: expect.any(String) } });
  });
});
