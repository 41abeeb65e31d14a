import fc from 'fast-check';
import { Query } from 'mingo';
import { jsonDoc } from '../testing/json-arbitraries';
import { compileFastFilter } from './fast-filter';

type Json = Record<string, unknown>;

const key = fc.constantFrom('a', 'b', 'n', '_id');
const scalar = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(0, -0, 1.5, Number.NaN, Infinity, null, true, false, '', 'x', '1'),
);
const doc = jsonDoc(key, scalar, 4);

/** The shapes the direct test takes, and neighbours it must leave to mingo. */
const condition = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 2, arbitrary: scalar.map(($eq) => ({ $eq })) },
  { weight: 3, arbitrary: fc.array(scalar, { maxLength: 4 }).map(($in) => ({ $in })) },
  { weight: 2, arbitrary: fc.boolean().map(($exists) => ({ $exists })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      { $ne: 1 },
      { $gt: 0 },
      { $in: [[1]] },
      { $in: [null, 'x'] },
      { $exists: 1 },
      { $eq: 1, $ne: 2 },
      /x/,
      [1],
      { a: 1 },
      {},
    ),
  },
);
const field = fc.oneof({ weight: 5, arbitrary: key }, { weight: 1, arbitrary: fc.constantFrom('a.b', 'n.0', '$or', 'constructor') });
const filter = fc.dictionary(field, condition, { maxKeys: 3, noNullPrototype: true });

const mingo = (f: Json, d: Json) => {
  try {
    return new Query(f).test(d);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

describe('fast filter', () => {
  it('answers as mingo does wherever it answers at all (generated filters and documents)', () => {
    let decided = 0;
    fc.assert(
      fc.property(filter, doc, (f, d) => {
        const answer = compileFastFilter(f)?.(d);
        if (answer === undefined) return;
        decided++;
        expect(answer).toBe(mingo(f, d));
      }),
      { numRuns: 20_000, seed: 20261127 },
    );
    expect(decided).toBeGreaterThan(2_000); // the generators reach the direct path, not only mingo's
  });

  it('decides the shapes reports and projections use on plain documents', () => {
    const test = compileFastFilter({ kind: 'policy-period', policyId: { $in: ['p1', 'p2'] }, closedAt: { $exists: false } })!;
    expect(test({ kind: 'policy-period', policyId: 'p2' })).toBe(true);
    expect(test({ kind: 'policy-period', policyId: 'p3' })).toBe(false);
    expect(test({ kind: 'policy-period', policyId: 'p1', closedAt: null })).toBe(false);
    expect(test({ kind: 'company-month' })).toBe(false);
  });

  it('leaves arrays, objects and booleans in the document to mingo, unless another field already misses', () => {
    const test = compileFastFilter({ tag: 'x', n: 1 })!;
    expect(test({ tag: ['x', 'y'], n: 1 })).toBeUndefined();
    expect(test({ tag: { x: 1 }, n: 1 })).toBeUndefined();
    expect(test({ tag: ['x'], n: 2 })).toBe(false);
  });

  it('does not compile operators, dotted paths or values it cannot compare directly', () => {
    for (const f of [{ n: { $gt: 1 } }, { 'a.b': 1 }, { $or: [{ a: 1 }] }, { a: null }, { a: { $in: [null] } }, { a: /x/ }, { a: true }]) {
      expect(compileFastFilter(f)).toBeUndefined();
    }
  });
});
