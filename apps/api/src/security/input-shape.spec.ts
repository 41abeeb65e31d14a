import { inputShapeErrors, MAX_INPUT_DEPTH } from '../shared/validation';

describe('inputShapeErrors (checked before class-transformer and class-validator see the input)', () => {
  const nested = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  it('accepts ordinary input', () => {
    expect(inputShapeErrors({ id: 'acme', name: 'Zażółć 𝄞 \u200f', territories: ['PL'], n: -0, big: 1e308 })).toEqual([]);
    expect(inputShapeErrors(undefined)).toEqual([]);
    expect(inputShapeErrors(nested(MAX_INPUT_DEPTH))).toEqual([]);
  });

  it('refuses nesting deeper than the limit without recursing (100 000 levels)', () => {
    expect(inputShapeErrors(nested(MAX_INPUT_DEPTH + 1))).toEqual([
      { field: expect.stringMatching(/^a(\.a)+$/), message: expect.stringContaining('nested deeper') },
    ]);
    expect(inputShapeErrors(nested(100_000))).toHaveLength(1);
  });

  it('refuses prototype keys, naming where they are', () => {
    const body = JSON.parse('{"__proto__":{"x":1},"a":[{"constructor":{}}],"prototype":1}');
    expect(
      inputShapeErrors(body)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['__proto__', 'a.0.constructor', 'prototype']);
  });

  it('refuses NUL and unpaired surrogates in values and keys, but not paired ones', () => {
    const fields = inputShapeErrors({ a: 'x\u0000', b: '\ud800', c: 'a\udc00', 'k\u0000': 1, ok: '😀' })
      .map((e) => e.field)
      .sort();
    expect(fields).toEqual(['a', 'b', 'c', 'k\u0000']);
  });

  it('refuses non-finite numbers, which JSON.parse makes of 1e400', () => {
    expect(inputShapeErrors(JSON.parse('{"n":[1e400]}'))).toEqual([{ field: 'n.0', message: 'must be a finite number' }]);
  });

  it('names the body itself when the input is a bare value', () => {
    expect(inputShapeErrors('\u0000')).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  it('stops after a bounded number of findings', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, '\u0000']));
    expect(inputShapeErrors(many).length).toBeLessThanOrEqual(20);
  });
});
