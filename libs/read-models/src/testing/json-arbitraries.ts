import fc from 'fast-check';

/**
 * Values as documents hold them: `scalar`s, arrays, and objects keyed by `key`, nested a few levels —
 * with ordinary prototypes, as JSON.parse makes them (mingo fails on null-prototype objects).
 */
export function jsonValue(key: fc.Arbitrary<string>, scalar: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(key, tie('v'), { maxKeys: 2, noNullPrototype: true }),
    ),
  })).v;
}

/** A document of up to `maxKeys` top-level fields. */
export const jsonDoc = (key: fc.Arbitrary<string>, scalar: fc.Arbitrary<unknown>, maxKeys: number) =>
  fc.dictionary(key, jsonValue(key, scalar), { maxKeys, noNullPrototype: true });
