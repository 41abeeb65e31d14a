/**
 * fast-check generators of malformed and boundary requests for a write route, built from a valid
 * body. Bodies are assembled as JSON *text*, so they can carry what a JS object cannot: own
 * `__proto__` keys, duplicate keys, number literals beyond double range, nesting deeper than any
 * recursive serializer would survive.
 */
import fc from 'fast-check';

export interface HostileCase {
  /** Which generator made it, for the failure message and the tally. */
  kind: string;
  contentType?: string;
  body?: Buffer;
  headers: Record<string, string>;
  /** Replaces every path parameter's value (already percent-encoded, possibly badly). */
  pathValue?: string;
}

type JsonObject = Record<string, unknown>;

const NUMBER_LITERALS = [
  '0',
  '-0',
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '5e-324',
  '9007199254740993',
  '123456789012345678901234567890',
  '-1',
  '0.5',
];
const UNICODE_EDGES = [
  '\ud800',
  '\udfff',
  'a\udc00b',
  '\u200f',
  '\u202e',
  '\u0000',
  'a\u0000b',
  '\ufeff',
  'e\u0301',
  '\u{10ffff}',
  '𝄞',
  'İ',
  '\u2028',
  '\u0085',
  'ﬀ',
  ' ',
  '\t',
  '\r\n',
  '\u001b[31m',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonx',
  'application/vnd.api+json',
  'application/merge-patch+json',
  '*/*',
  'a/b/c;;;',
  'application/json, text/plain',
];
const NOT_JSON = [
  '{',
  '{"a":',
  "{'a':1}",
  '{"a":1,}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '/* c */{}',
  'null',
  'true',
  '"text"',
  '42',
  '\ufeff{}',
  '{"a":1}{"b":2}',
];
const BAD_PATH_VALUES = [
  '%00',
  '%2e%2e',
  '..%2F..%2Fetc',
  'x'.repeat(65),
  'x'.repeat(3000),
  '%E0%A4%A',
  '%ZZ',
  '%F0%9F%92%A9',
  '__proto__',
  'constructor',
  '%20',
  'a%0Ab',
  '-',
  '%D8%00',
];
const IF_MATCH_VALUES = ['"-1"', '"99999999999999999999"', 'W/"0"', '*', '"0", "1"', '', 'null', '"1e3"'];
const BAD_IDEMPOTENCY_KEYS = ['x'.repeat(256), 'has space', 'tab\there', ''];

const asciiPrintable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });

/** Any JSON value as text, weighted towards the awkward ones. */
function jsonText(limit: number): fc.Arbitrary<string> {
  const scalar = fc.oneof(
    fc.constantFrom(...NUMBER_LITERALS, 'null', 'true', 'false', '""'),
    fc.double().filter(Number.isFinite).map(String),
    fc.string({ unit: 'binary' }).map((s) => JSON.stringify(s)),
    fc.constantFrom(...UNICODE_EDGES).map((s) => JSON.stringify(s)),
  );
  const huge = fc
    .tuple(fc.constantFrom('a', 'é', '𝄞', '\u0000', ' '), fc.integer({ min: 201, max: Math.floor(limit / 8) }))
    .map(([c, n]) => JSON.stringify(c.repeat(n)));
  const deep = fc
    .tuple(fc.boolean(), fc.integer({ min: 2, max: Math.floor(limit / 8) }))
    .map(([array, n]) => (array ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)));
  const small = fc.oneof(
    fc.array(scalar, { maxLength: 5 }).map((a) => `[${a.join(',')}]`),
    fc.dictionary(fc.string(), scalar, { maxKeys: 3 }).map(objectText),
  );
  return fc.oneof(
    { arbitrary: scalar, weight: 4 },
    { arbitrary: small, weight: 2 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: deep, weight: 1 },
  );
}

/** `{"k":<text>,...}` from keys and *already serialised* values; keys may repeat or be `__proto__`. */
function objectText(entries: Record<string, string> | Array<[string, string]>): string {
  const list = Array.isArray(entries) ? entries : Object.entries(entries);
  return `{${list.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

const entriesOf = (body: JsonObject): Array<[string, string]> => Object.entries(body).map(([k, v]) => [k, JSON.stringify(v)]);

function bodyMutations(valid: JsonObject, limit: number): fc.Arbitrary<[string, string]> {
  const keys = Object.keys(valid);
  const value = jsonText(limit);
  const field = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
  const extraKey = fc.oneof(fc.constantFrom(...PROTO_KEYS, '$where', 'id ', ''), fc.string({ unit: 'binary' }));
  const kept = (drop: string[]) => entriesOf(valid).filter(([k]) => !drop.includes(k));
  return fc.oneof(
    fc
      .subarray(keys.length ? keys : ['field'], { minLength: 1 })
      .map((drop): [string, string] => ['missing fields', objectText(kept(drop))]),
    fc.tuple(field, value).map(([k, v]): [string, string] => ['wrong type', objectText([...kept([k]), [k, v]])]),
    fc.tuple(extraKey, value).map(([k, v]): [string, string] => ['extra field', objectText([...entriesOf(valid), [k, v]])]),
    fc
      .tuple(fc.constantFrom(...PROTO_KEYS), field)
      .map(([k, f]): [string, string] => [
        'prototype pollution',
        objectText([[k, '{"polluted":true,"prototype":{"polluted":true}}'], ...kept([f]), [f, `{"__proto__":{"polluted":true}}`]]),
      ]),
    fc.tuple(field, value).map(([k, v]): [string, string] => ['duplicate key', objectText([...entriesOf(valid), [k, v]])]),
    fc
      .constantFrom(`[${JSON.stringify(valid)}]`, '[]', `[[${JSON.stringify(valid)}]]`)
      .map((text): [string, string] => ['array instead of object', text]),
    fc
      .tuple(field, fc.constantFrom(...UNICODE_EDGES))
      .map(([k, u]): [string, string] => [
        'unicode edge',
        objectText([...kept([k]), [k, JSON.stringify(typeof valid[k] === 'string' ? `${valid[k] as string}${u}` : u)]]),
      ]),
    fc
      .tuple(field, fc.constantFrom(...NUMBER_LITERALS))
      .map(([k, n]): [string, string] => ['number at a limit', objectText([...kept([k]), [k, n]])]),
  );
}

/** Bytes that are not a JSON body, sent as JSON; including invalid UTF-8 inside a string. */
function notJson(valid: JsonObject): fc.Arbitrary<Buffer> {
  const text = JSON.stringify(valid);
  return fc.oneof(
    fc.constantFrom(...NOT_JSON).map((s) => Buffer.from(s)),
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((n) => Buffer.from(text.slice(0, n))),
    fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((bytes) => Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from('"}')])),
    fc.constant(Buffer.from(text, 'utf16le')),
  );
}

const json = (kind: string, text: string | Buffer): HostileCase => ({
  kind,
  contentType: 'application/json',
  body: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
  headers: {},
});

/** Headers that the API parses itself, with malformed and well-formed Idempotency-Keys. */
const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'if-match': fc.oneof(fc.constantFrom(...IF_MATCH_VALUES), asciiPrintable),
    'idempotency-key': fc.oneof(fc.constantFrom(...BAD_IDEMPOTENCY_KEYS), fc.uuid()),
  },
  { requiredKeys: [] },
);

/** Every kind of hostile request for a write route whose valid body is `valid`; `limit` is BODY_LIMIT in bytes. */
export function hostileCase(valid: JsonObject, hasPathParams: boolean, limit: number): fc.Arbitrary<HostileCase> {
  const validText = JSON.stringify(valid);
  // Body mutations carry most of the variety, so they get most of the runs.
  const kinds: Array<fc.WeightedArbitrary<HostileCase>> = [
    {
      weight: 8,
      // Half of them with a well-formed Idempotency-Key: its fingerprint walks the body before validation does.
      arbitrary: fc
        .tuple(bodyMutations(valid, limit), fc.option(fc.uuid(), { nil: undefined }))
        .map(([[kind, text], key]): HostileCase => ({ ...json(kind, text), headers: key ? { 'idempotency-key': key } : {} })),
    },
    { weight: 2, arbitrary: notJson(valid).map((body) => json('not JSON', body)) },
    {
      weight: 1,
      arbitrary: fc
        .option(fc.constantFrom(...WRONG_CONTENT_TYPES), { nil: undefined })
        .map((contentType) => ({ kind: 'wrong content type', contentType, body: Buffer.from(validText), headers: {} })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: limit + 1, max: limit * 2 }).map((n) => json('oversize body', `{"name":"${'x'.repeat(n)}"}`)),
    },
    { weight: 1, arbitrary: hostileHeaders.map((headers) => ({ ...json('hostile headers', validText), headers })) },
  ];
  if (hasPathParams) {
    const pathValue = fc.oneof(
      fc.constantFrom(...BAD_PATH_VALUES),
      fc.string({ unit: 'binary' }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))),
    );
    kinds.push({ weight: 1, arbitrary: pathValue.map((p) => ({ ...json('hostile path parameter', validText), pathValue: p })) });
  }
  return fc.oneof(...kinds);
}

/** `256kb` → bytes, as body-parser reads BODY_LIMIT. */
export function bytesOf(limit: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(limit);
  if (!match) throw new Error(`Unreadable body limit ${limit}`);
  return Number(match[1]) * (match[2] === 'kb' ? 1024 : 1024 * 1024);
}

/** A string longer than any bounded field allows; only free text with no MaxLength would take it. */
export const OVERSIZED_STRING_LENGTH = 20_000;
const MAX_ARRAY_COPIES = 10_000;

export interface OversizedVariant {
  field: string;
  body: unknown;
}

/**
 * Copies of a valid body with exactly one string made huge or one array made long (still within
 * `limit` bytes), each naming the field it changed: every one must be refused by a DTO bound.
 */
export function oversizedVariants(body: unknown, limit: number, field = ''): OversizedVariant[] {
  const at = (key: string) => (field ? `${field}.${key}` : key);
  if (typeof body === 'string') return [{ field, body: 'x'.repeat(OVERSIZED_STRING_LENGTH) }];
  if (Array.isArray(body)) {
    const item = JSON.stringify(body[0] ?? null);
    const copies = Math.min(MAX_ARRAY_COPIES, Math.floor(limit / 2 / (item.length + 1)));
    return [{ field, body: Array.from({ length: copies }, () => body[0]) }];
  }
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([key, value]) =>
    oversizedVariants(value, limit, at(key)).map((v) => ({ field: v.field, body: { ...body, [key]: v.body } })),
  );
}
