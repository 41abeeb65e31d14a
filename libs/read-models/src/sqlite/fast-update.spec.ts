import fc from 'fast-check';
import { inspect } from 'node:util';
import { fastUpdate } from './fast-update';
import { applyUpdate, applyUpdateWithMingo } from './mongo-semantics';

type Json = Record<string, unknown>;

/** Key order, undefined, NaN and -0 all show: the two paths must agree on every one of them. */
const show = (v: unknown) => inspect(v, { depth: null, sorted: false });

function outcome(apply: (doc: Json, update: Json, inserting: boolean) => void, doc: Json, update: Json, inserting: boolean) {
  try {
    apply(doc, update, inserting);
    return { doc: show(doc), error: undefined };
  } catch (error) {
    return { doc: show(doc), error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const key = fc.constantFrom('a', 'b', 'n', 'arr', 'tags');
const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0, 1.5, null, true, false, '', 'x', 'y'));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(key, tie('v'), { maxKeys: 3 }),
  ),
})).v;
const doc = fc.dictionary(key, value, { maxKeys: 5 }).map((d) => ({ _id: 'd1', ...d }));

/** Plain paths mostly, and the shapes the direct path must leave to mingo. */
const path = fc.oneof(
  { weight: 6, arbitrary: fc.array(key, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('arr.0', 'arr.$', 'arr.$[]', 'a.1.b', '_id', '_id.x', 'a..b', '', '__proto__', 'constructor', 'a.$x'),
  },
);
const argument = fc.oneof(
  { weight: 4, arbitrary: value },
  { weight: 1, arbitrary: fc.constantFrom(undefined, Number.NaN, new Date(0), { $each: [1, 2] }, { $each: [3], $slice: -1 }, { $x: 1 }) },
);
const operator = fc.constantFrom(
  '$set',
  '$setOnInsert',
  '$inc',
  '$max',
  '$min',
  '$unset',
  '$push',
  '$addToSet',
  '$pull',
  '$rename',
  'plain',
);
const update = fc
  .array(fc.tuple(operator, fc.dictionary(path, argument, { minKeys: 1, maxKeys: 3 })), { minLength: 1, maxLength: 3 })
  .map((entries) => Object.fromEntries(entries) as Json);

describe('direct update path', () => {
  it('gives exactly what mingo gives (document, key order, errors) on generated documents and updates', () => {
    let direct = 0;
    const runs = 5000;
    fc.assert(
      fc.property(doc, update, fc.boolean(), (original, upd, inserting) => {
        const before = show(upd);
        if (fastUpdate(structuredClone(original), upd, Object.keys(upd), inserting, structuredClone)) direct += 1;
        const fast = outcome(applyUpdate, structuredClone(original), upd, inserting);
        const mingo = outcome(applyUpdateWithMingo, structuredClone(original), upd, inserting);
        expect(fast).toEqual(mingo);
        expect(show(upd)).toBe(before);
      }),
      { seed: 20261127, numRuns: runs },
    );
    // The generator must exercise both paths: the comparison is empty if one of them is never taken.
    expect(direct).toBeGreaterThan(runs / 10);
    expect(direct).toBeLessThan(runs * 0.9);
  });

  it('never lets the stored document share objects with the update', () => {
    const upd = { $set: { a: { x: [1] } }, $push: { list: { y: 1 } } };
    const stored: Json = { _id: 'd1' };
    applyUpdate(stored, upd, false);
    (stored.a as { x: number[] }).x.push(2);
    ((stored.list as Json[])[0] as Json).y = 2;
    expect(upd).toEqual({ $set: { a: { x: [1] } }, $push: { list: { y: 1 } } });
  });

  it('applies the shapes projections use', () => {
    const stored: Json = { _id: 'c1', quantity: 2, last: '2026-01-02', list: [1] };
    applyUpdate(
      stored,
      {
        $setOnInsert: { sku: 's' },
        $inc: { quantity: 3, 'by.month': 1 },
        $max: { last: '2026-03-01' },
        $min: { first: '2026-01-01' },
        $push: { list: 2 },
        $unset: { gone: '' },
      },
      false,
    );
    expect(stored).toEqual({ _id: 'c1', quantity: 5, last: '2026-03-01', list: [1, 2], by: { month: 1 }, first: '2026-01-01' });
  });
});
