import { canonicalJson, CanonicalJsonError } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2, 'b', 'a'])).toBe('[3,1,2,"b","a"]');
  });

  it('sorts keys by UTF-16 code units, not by code points or locale (RFC 8785, 3.2.3)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 by code unit (after it by code point).
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4 })).toBe('{"Z":3,"a":4,"z":2,"é":1}');
  });

  it('matches the RFC 8785 example byte for byte', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
  });

  it('writes numbers as JSON.stringify does: -0 is 0, exponents as ECMAScript formats them', () => {
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
    expect(canonicalJson([1e21, 1e-7, 0.000001, 123456789012345680000, 5e-324, -1.5, 100])).toBe(
      '[1e+21,1e-7,0.000001,123456789012345680000,5e-324,-1.5,100]',
    );
  });

  it('drops undefined members, and writes an undefined array element as null (as JSON.stringify)', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: { d: undefined } })).toBe('{"b":1,"c":{}}');
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
  });

  it('escapes strings as JSON.stringify does (lone surrogates included)', () => {
    expect(canonicalJson('a"b\\c\n\u0001\u2028')).toBe(JSON.stringify('a"b\\c\n\u0001\u2028'));
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
  });

  it('takes objects without a prototype (as some parsers make them) as plain', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson({ x: bare })).toBe('{"x":{"a":1,"b":2}}');
  });

  it('gives what JSON.stringify stores, and is stable under a round trip, for any JSON value', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const anyValue = (depth: number): unknown => {
      const kind = depth > 3 ? pick(['leaf']) : pick(['leaf', 'leaf', 'array', 'object']);
      if (kind === 'array') return Array.from({ length: Math.floor(random() * 4) }, () => anyValue(depth + 1));
      if (kind === 'object') {
        const out: Record<string, unknown> = {};
        for (let i = Math.floor(random() * 5); i > 0; i--)
          out[pick(['a', 'B', 'é', '\ud83d\ude00', '\ufb33', '10', '2', ''])] = anyValue(depth + 1);
        return out;
      }
      return pick<unknown>([null, true, false, 0, -0, 1.5, -1e-9, 1e300, 2 ** 53, 'text', '', '\u0000"\\', undefined]);
    };
    for (let i = 0; i < 500; i++) {
      const value = anyValue(0);
      const text = canonicalJson(value);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'));
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }
  });

  describe('refuses what is not JSON data, instead of hashing something other than what is stored', () => {
    class Money {
      constructor(readonly amount = 1) {}
    }
    const refused: Array<[string, unknown]> = [
      ['a Date', new Date('2026-01-01T00:00:00Z')],
      ['a Map', new Map([['a', 1]])],
      ['a Set', new Set([1])],
      ['a class instance', new Money()],
      ['a boxed string', Object('x')],
      ['a regular expression', /x/],
      ['a typed array', new Uint8Array([1])],
      ['an object with a prototype', Object.create({ inherited: 1 })],
      ['a function', () => 1],
      ['a symbol', Symbol('s')],
      ['a bigint', BigInt(1)],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ];

    it.each(refused)('%s, at the top level or nested', (_, bad) => {
      expect(() => canonicalJson(bad)).toThrow(CanonicalJsonError);
      expect(() => canonicalJson({ data: { list: [1, bad] } })).toThrow(/at \$\.data\.list\[1\]/);
    });

    it('a function or a symbol as a member (JSON.stringify would silently drop it)', () => {
      expect(() => canonicalJson({ f: () => 1 })).toThrow(/a function at \$\.f/);
      expect(() => canonicalJson({ s: Symbol('s') })).toThrow(/a symbol at \$\.s/);
    });

    it('names the kind of object and where it is', () => {
      expect(() => canonicalJson({ metadata: { 'recorded at': new Date() } })).toThrow(
        /a Date at \$\.metadata\["recorded at"\] is not JSON data/,
      );
    });

    it('gives the path as a property too, a key that looks like an index quoted', () => {
      const error = (() => {
        try {
          canonicalJson({ lines: [{ ok: 1 }, { '[3]': [NaN] }] });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toMatchObject({ path: '$.lines[1]["[3]"][0]' });
    });

    it('writes values nested 1,000 levels deep (arrays and objects)', () => {
      let array: unknown = 1;
      let object: unknown = 1;
      for (let i = 0; i < 1_000; i++) {
        array = [array];
        object = { a: object };
      }
      expect(canonicalJson(array)).toBe(JSON.stringify(array));
      expect(canonicalJson(object)).toBe(JSON.stringify(object));
    });

    it('a circular reference (but not a value that appears twice)', () => {
      const shared = { a: 1 };
      expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
      const loop: Record<string, unknown> = { a: 1 };
      loop.self = { back: loop };
      expect(() => canonicalJson(loop)).toThrow(/circular reference at \$\.self\.back/);
    });
  });
});
