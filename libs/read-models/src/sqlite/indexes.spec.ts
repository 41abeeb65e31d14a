import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { Doc } from '../port';
import { jsonDoc } from '../testing/json-arbitraries';
import { anyMixedSql, columnValues, isPlainDoc, namesField, pinnedToOne } from './indexes';

const key = fc.constantFrom('a', 'b');
const scalar = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom(1.5, 2 ** 60, null, true, false, '', 'x'));
const doc = jsonDoc(key, scalar, 2);
const field = fc.array(key, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('.'));

describe('judging a whole table for an index in SQL (anyMixedSql)', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
  afterAll(() => db.close());

  it('says what isPlainDoc says of the stored documents, for any documents and dotted fields', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 4 }), fc.array(fc.oneof(field, fc.constant('_id')), { minLength: 1, maxLength: 2 }), (docs, fields) => {
        db.exec('DELETE FROM t');
        const insert = db.prepare('INSERT INTO t (_id, doc) VALUES (?, ?)');
        const stored = docs.map((d, i) => JSON.stringify({ ...d, _id: `d${i}` }));
        stored.forEach((json, i) => insert.run(`d${i}`, json));
        const expected = stored.some((json) => !isPlainDoc(JSON.parse(json) as Doc, fields));
        const { mixed } = db.prepare<[], { mixed: number }>(anyMixedSql('t', fields)).get()!;
        expect(mixed === 1).toBe(expected);
      }),
      { seed: 20261127, numRuns: 5_000 },
    );
  });
});

describe('the values of stored columns (columnValues)', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  const extract = db.prepare<[unknown, string, string], { same: number }>("SELECT ? IS json_extract(?, '$.' || ?) AS same");

  it('are what json_extract gives wherever the document is plain at the field, below 2^53', () => {
    fc.assert(
      fc.property(doc, field, (d, f) => {
        const [value] = columnValues(d as Doc, [f]);
        if (!isPlainDoc(d as Doc, [f])) return expect(value).toBeNull(); // the index is then mixed, never read
        if (typeof value === 'number' && Math.abs(value) >= 2 ** 53) return; // held as JS reads it (see columnValues)
        expect(extract.get(value, JSON.stringify(d), f)!.same).toBe(1);
      }),
      { seed: 20261127, numRuns: 5_000 },
    );
  });
});

describe('what a filter says of a field, `$and` parts lifted (pinnedToOne, namesField)', () => {
  it('finds the fields pinned to one value at the top level and in `$and` parts, not in `$or` branches', () => {
    expect([...pinnedToOne({ a: 1, b: { $in: ['x'] }, c: { $in: [1, 2] }, d: { $gte: 1 } })].sort()).toEqual(['a', 'b']);
    expect([...pinnedToOne({ $and: [{ period: 'P1' }, { $and: [{ kind: { $eq: 'k' } }] }, { date: { $gte: 'x' } }] })].sort()).toEqual(['kind', 'period']);
    expect([...pinnedToOne({ $or: [{ a: 1 }], $and: [{ b: 1 }, { b: { $gte: 0 } }] })]).toEqual(['b']); // a second part on b can only narrow
  });

  it('names a field conditioned at the top level, in `$and` parts and in `$or` branches there', () => {
    expect(namesField({ a: 1 }, 'a')).toBe(true);
    expect(namesField({ $or: [{ b: 1 }, { c: 1 }] }, 'c')).toBe(true);
    expect(namesField({ $and: [{ x: 1 }, { $or: [{ y: 1 }, { $and: [{ a: 2 }] }] }] }, 'a')).toBe(true);
    expect(namesField({ $and: [{ x: 1 }], $or: [{ y: 1 }] }, 'a')).toBe(false);
  });
});
