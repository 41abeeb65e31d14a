/**
 * A direct test for the common filter shapes — top-level fields compared with `v`, `{ $eq: v }`,
 * `{ $in: [...] }` (strings and finite numbers) or `{ $exists: true | false }` — giving exactly mingo's
 * answer (fast-filter.spec compares both on generated cases). mingo's `$in` hashes every candidate value
 * per document: with a report's `policyId: { $in: [50 ids] }` it was a quarter of plan-vs-actual.
 *
 * Only a document whose field holds a string, a finite number, null or nothing is decided here; an
 * array (MongoDB matches any element), an object, a boolean or anything else makes the test answer
 * `undefined`, and the caller asks mingo. A filter with any other shape compiles to `undefined`.
 */
type Scalar = string | number;
type Condition = { kind: 'in'; values: ReadonlySet<Scalar> } | { kind: 'exists'; present: boolean };
export type FastTest = (doc: Record<string, unknown>) => boolean | undefined;

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isPlainField = (key: string) => key.length > 0 && !key.startsWith('$') && !key.includes('.') && !(key in Object.prototype);

function conditionOf(condition: unknown): Condition | undefined {
  if (isScalar(condition)) return { kind: 'in', values: new Set([condition]) };
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  if (Object.getPrototypeOf(condition) !== Object.prototype) return undefined; // RegExp, Date: mingo's
  const keys = Object.keys(condition);
  if (keys.length !== 1) return undefined;
  const value = (condition as Record<string, unknown>)[keys[0]];
  if (keys[0] === '$eq' && isScalar(value)) return { kind: 'in', values: new Set([value]) };
  if (keys[0] === '$in' && Array.isArray(value) && value.every(isScalar)) return { kind: 'in', values: new Set(value) };
  if (keys[0] === '$exists' && typeof value === 'boolean') return { kind: 'exists', present: value };
  return undefined;
}

/** Decided only for a field value SQLite-plain in MongoDB's sense; `undefined` hands the document to mingo. */
function holds(condition: Condition, value: unknown): boolean | undefined {
  if (condition.kind === 'exists') return (value !== undefined) === condition.present;
  if (value === undefined || value === null) return false; // no scalar filter value matches a missing field
  if (!isScalar(value)) return undefined;
  return condition.values.has(value); // SameValueZero: -0 finds 0, as MongoDB compares them
}

export function compileFastFilter(filter: Record<string, unknown>): FastTest | undefined {
  const entries: [string, Condition][] = [];
  for (const key of Object.keys(filter)) {
    const condition = isPlainField(key) ? conditionOf(filter[key]) : undefined;
    if (!condition) return undefined;
    entries.push([key, condition]);
  }
  return (doc) => {
    let undecided = false;
    for (const [field, condition] of entries) {
      const answer = holds(condition, Object.prototype.hasOwnProperty.call(doc, field) ? doc[field] : undefined);
      if (answer === false) return false; // a conjunction: one decided miss is a miss whatever mingo says of the rest
      if (answer === undefined) undecided = true;
    }
    return undecided ? undefined : true;
  };
}
