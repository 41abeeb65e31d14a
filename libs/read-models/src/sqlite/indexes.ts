/**
 * Secondary indexes of the embedded store: indexes on `json_extract(doc, '$.<field>')` — on a column
 * holding the field when it was indexed as the table was created (see createDocTable, columnValues), an
 * expression index otherwise —
 * used as a pre-filter (equality, `$in`, a range after them) and for sorts on the indexed fields. mingo still tests
 * every candidate, so an index can only narrow the rows read, never change an answer — as long as
 * SQLite's view of a field agrees with MongoDB's. It does when the field holds a string, a number, null
 * or nothing; an array (MongoDB would match any element), an object or a boolean makes the index
 * *mixed* for that table (the flag `plain = 0`, set by the write that stores it), and a mixed index is
 * not used any more: queries fall back to the scan, exactly as before indexes existed.
 */
import type { Doc, Filter } from '../port';
import { isPlainObject } from './mongo-semantics';
import { storedColumn } from './schema';

export interface TableIndex {
  fields: string[];
  /** Every stored document holds a string, number, null or nothing at each field. */
  plain: boolean;
  /** Declared but not created yet: a table being rebuilt gets it in bulk before it is activated. */
  deferred: boolean;
  /** The fields its table keeps in stored columns (the same set for every index of a table); none: expressions. */
  stored?: ReadonlySet<string>;
}

/** An index queries may plan on: it exists and SQLite's view of its fields agrees with MongoDB's. */
export const usable = (index: TableIndex) => index.plain && !index.deferred;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The SQL an index is built on and queries must repeat verbatim for SQLite to use it: the field's
 * stored column where its table has one (SQLite does not match the expression to the column), else
 * the expression.
 */
const fieldExpr = (field: string, stored?: ReadonlySet<string>) =>
  field === '_id' ? '_id' : stored?.has(field) ? quote(storedColumn(field)) : `json_extract(doc, '$.${field}')`;

export const indexName = (table: string, fields: string[]) => `${table}__ix__${fields.join('__').replace(/\./g, '_')}`;

export const createIndexSql = (table: string, fields: string[], stored?: ReadonlySet<string>) =>
  `CREATE INDEX IF NOT EXISTS ${quote(indexName(table, fields))} ON ${quote(table)} (${fields.map((f) => fieldExpr(f, stored)).join(', ')})`;

export const dropIndexSql = (table: string, fields: string[]) => `DROP INDEX IF EXISTS ${quote(indexName(table, fields))}`;

/**
 * A dotted path's segments, split once per field: a rebuild walks the indexed paths of every document it
 * writes (at 1M events, ~25 million walks; splitting each time was ~3% of it). Fields come from index
 * declarations, hence few; the bound only keeps an unexpected variety from growing the map.
 */
const segmentCache = new Map<string, readonly string[]>();
function segmentsOf(field: string): readonly string[] {
  let segments = segmentCache.get(field);
  if (!segments) {
    if (segmentCache.size >= 1_000) segmentCache.clear();
    segments = field.split('.');
    segmentCache.set(field, segments);
  }
  return segments;
}

/** What a dotted path reaches: an array on the way, or the value at its end (undefined: missing, also through a scalar). */
function atPath(doc: Doc, field: string): { throughArray: boolean; value: unknown } {
  const segments = segmentsOf(field);
  let value: unknown = doc;
  for (let i = 0; i < segments.length; i++) {
    if (Array.isArray(value)) return { throughArray: true, value: undefined };
    if (value === null || typeof value !== 'object') return { throughArray: false, value: undefined }; // a scalar on the way: missing
    value = (value as Record<string, unknown>)[segments[i]];
  }
  return { throughArray: false, value };
}

const isScalarValue = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Whether the value at a dotted path is one SQLite compares and orders as MongoDB does (no array on the way). */
export function plainAt(doc: Doc, field: string): boolean {
  const { throughArray, value } = atPath(doc, field);
  return !throughArray && (value === undefined || value === null || isScalarValue(value));
}

/**
 * What a table's stored columns hold (see createDocTable): the string or finite number at each path —
 * what `json_extract(doc, '$.<path>')` gives there, a number as JS reads it (bound as a REAL: equal to
 * the JSON integer for SQLite's comparisons and order below 2^53) — and NULL otherwise. NULL also for an
 * array, object or boolean: such a value makes every index on the field mixed, and a mixed index is
 * never used, so the column is then never read.
 */
export function columnValues(doc: Doc, fields: readonly string[]): Array<string | number | null> {
  return fields.map((field) => {
    const { value } = atPath(doc, field);
    return isScalarValue(value) ? value : null;
  });
}

export const isPlainDoc = (doc: Doc, fields: string[]) => fields.every((f) => plainAt(doc, f));

/**
 * The indexes, plain until now, that a written document makes mixed (an array, object or boolean at
 * their fields): each is switched off here (`plain = false`); the caller records them for the table.
 */
export function newlyMixed(doc: Doc, indexes: TableIndex[]): TableIndex[] {
  const mixed = indexes.filter((index) => index.plain && !isPlainDoc(doc, index.fields));
  for (const index of mixed) index.plain = false;
  return mixed;
}

/**
 * `plainAt` as SQL, for judging a whole table when an index is added to it (parsing every document in
 * JS took ~65 s over a million rows): an array on the way, or a boolean, object or array at the end,
 * makes the field mixed. A path through a scalar is missing (json_type NULL), as in `plainAt`.
 */
function mixedAtSql(field: string): string {
  const segments = field.split('.');
  const type = (n: number) => `json_type(doc, '$.${segments.slice(0, n).join('.')}')`;
  const onTheWay = segments.slice(0, -1).map((_, i) => `${type(i + 1)} = 'array'`);
  return [...onTheWay, `${type(segments.length)} IN ('true', 'false', 'object', 'array')`].join(' OR ');
}

/** Whether some row of the table makes an index on `fields` mixed (see TableIndex.plain). */
export const anyMixedSql = (table: string, fields: string[]) => {
  const conditions = fields.filter((f) => f !== '_id').map(mixedAtSql); // _id is a string column
  return `SELECT EXISTS (SELECT 1 FROM ${quote(table)} WHERE ${conditions.length ? conditions.join(' OR ') : '0'}) AS mixed`;
};

type Scalar = string | number;

/**
 * A number SQLite compares with a stored one as JS does: below 2^53 in magnitude. Above, JSON holds
 * integers (`JSON.stringify(2 ** 60)` is `1152921504606847000`) that SQLite reads exactly and JS
 * rounds, so the two can disagree on equality and order with such a bound.
 */
const isComparableNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 2 ** 53;

/** A value SQL may compare with the field: a string, or a comparable number unless the field is the TEXT `_id` column (it would compare it as text). */
const scalarFor = (field: string) => (v: unknown): v is Scalar => typeof v === 'string' || (field !== '_id' && isComparableNumber(v));

/** Values a top-level condition pins a field to: `v`, `{ $eq: v }` or `{ $in: [...] }` of strings and numbers. */
function pinned(field: string, condition: unknown): Scalar[] | undefined {
  const isScalar = scalarFor(field);
  if (isScalar(condition)) return [condition];
  if (!isPlainObject(condition)) return undefined;
  const keys = Object.keys(condition);
  if (keys.length !== 1) return undefined;
  const value = (condition as Record<string, unknown>)[keys[0]];
  if (keys[0] === '$eq' && isScalar(value)) return [value];
  if (keys[0] === '$in' && Array.isArray(value) && value.length > 0 && value.length <= MAX_PINNED && value.every(isScalar)) return [...new Set(value)];
  return undefined;
}

/**
 * An `$in` longer than this is not planned on an index (the filter is then answered as if the field had
 * none): each value is one SQL parameter, and SQLite refuses a statement with more than 32,766 of them —
 * a distributor owning that many clients would have had its sales list fail.
 */
const MAX_PINNED = 1_000;
const MAX_PARAMS = 30_000;
/** ANDed conditions, or branches of one `$or`: each nests the SQL expression one level deeper (at most ~3 × this here). */
const MAX_TERMS = 200;

export interface Plan {
  /** SQL conditions (joined with AND) on indexed expressions, and their parameters. */
  where: string[];
  params: Scalar[];
  /** The conditions say exactly what the filter says: SQL alone may count, skip and limit. */
  exact: boolean;
  /** Some condition is on a usable index (every branch of an `$or`): SQLite may read the rows from an index, out of rowid order. */
  indexed: boolean;
  /**
   * The same conditions as one conjunction per branch of the filter's only `$or` (the other conditions
   * repeated in each), whose rows together are the plan's: see unionPageSql.
   */
  union?: Conjunction[];
}

interface Conjunction {
  where: string[];
  params: Scalar[];
}

/**
 * A range condition (`$gt`, `$gte`, `$lt`, `$lte`, bounds all strings or all numbers) as SQL that holds
 * exactly where mingo's does on a plain field. MongoDB compares only within a type (`{ $lt: 'm' }`
 * matches no number), SQLite orders numbers < text: a string range without a lower bound gets `>= ''`
 * (no number passes), a number range without an upper bound gets `< ''` (no text passes); NULL passes
 * no comparison, as null and missing match no range. Strings with characters from U+D800 up are not
 * planned: SQLite compares UTF-8 bytes, mingo UTF-16 code units, and the two orders part only there.
 * `_id` is a TEXT column (a number would be compared as text): only string bounds on it; number
 * bounds only below 2^53 (see isComparableNumber).
 */
function rangeOf(field: string, condition: unknown, expr: string): { where: string[]; params: Scalar[] } | undefined {
  if (!isPlainObject(condition)) return undefined;
  const bounds = Object.entries(condition);
  if (bounds.length === 0 || !bounds.every(([op]) => Object.hasOwn(COMPARISON, op))) return undefined; // not `in`: 'toString' is in every object
  const values = bounds.map(([, v]) => v);
  const strings = values.every((v) => typeof v === 'string' && !BEYOND_BMP_ORDER.test(v));
  const numbers = field !== '_id' && values.every(isComparableNumber);
  if (!strings && !numbers) return undefined;
  const where = bounds.map(([op]) => `${expr} ${COMPARISON[op as keyof typeof COMPARISON]} ?`);
  const params = values as Scalar[];
  const has = (ops: string[]) => bounds.some(([op]) => ops.includes(op));
  if (strings && !has(['$gt', '$gte'])) where.push(`${expr} >= ''`);
  if (numbers && !has(['$lt', '$lte'])) where.push(`${expr} < ''`);
  return { where, params };
}

const COMPARISON = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
const BEYOND_BMP_ORDER = /[\uD800-\uFFFF]/;

/**
 * The plain index serving one conjunction of top-level conditions best: the most leading fields pinned
 * to values, then a range on the next one (an equality narrows more than a range, so it ranks first).
 */
function conjunctionPlan(filter: Filter, indexes: TableIndex[]): Plan | undefined {
  let best: Plan | undefined;
  let used: string[] = [];
  let bestScore = 0;
  for (const index of indexes) {
    if (!usable(index)) continue;
    const plan: Plan = { where: [], params: [], exact: false, indexed: true };
    const fields: string[] = [];
    let score = 0;
    for (const field of index.fields) {
      const expr = fieldExpr(field, index.stored);
      const values = pinned(field, filter[field]);
      const range = values ? undefined : rangeOf(field, filter[field], expr);
      if (values) plan.where.push(values.length === 1 ? `${expr} = ?` : `${expr} IN ${placeholders(values)}`);
      else if (range) plan.where.push(...range.where);
      else break;
      plan.params.push(...(values ?? range!.params));
      fields.push(field);
      score += values ? 2 : 1;
      if (range) break; // the index orders the rest within one value of this field only
    }
    if (score > bestScore) {
      best = plan;
      used = fields;
      bestScore = score;
    }
  }
  if (best) best.exact = Object.keys(filter).every((k) => used.includes(k));
  return withScanConditions(best, filter, used);
}

/**
 * The filter's other value / `$eq` / `$in` conditions on plain-named top-level fields, added as
 * conditions SQLite tests on each row it reads, before any document is parsed in JS: on a table
 * scan, or on the rows an index range yields. Not exact, so mingo still decides; they only have to
 * keep every match (see scanCondition).
 */
function withScanConditions(plan: Plan | undefined, filter: Filter, used: string[]): Plan | undefined {
  const scans = Object.keys(filter).flatMap((field) => (used.includes(field) ? [] : (scanCondition(field, filter[field]) ?? [])));
  if (scans.length === 0) return plan;
  return {
    where: [...(plan?.where ?? []), ...scans.map((c) => c.where)],
    params: [...(plan?.params ?? []), ...scans.flatMap((c) => c.params)],
    exact: false,
    indexed: plan?.indexed === true,
  };
}

/** A top-level field `$.<name>` addresses as it is: no quoting, no path through an array. */
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * "The field, or one element of it if it is an array, is one of these strings or numbers" — which
 * every document MongoDB matches with a value, `$eq` or `$in` of strings and numbers meets, whatever
 * the field holds (no index plainness needed). It may also let through what MongoDB would not (an
 * object's member values, `true` for 1): mingo tests every row it keeps.
 */
function scanCondition(field: string, condition: unknown): { where: string; params: Scalar[] } | undefined {
  const values = field === '_id' || !SIMPLE_NAME.test(field) ? undefined : pinned(field, condition);
  if (!values) return undefined;
  return { where: `EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE value IN ${placeholders(values)})`, params: values };
}

/** `(?, ?, …)`: one parameter per value. */
const placeholders = (values: unknown[]) => `(${values.map(() => '?').join(', ')})`;

/**
 * The narrowing a filter allows, from its conjuncts (its top-level conditions, with those of `$and`
 * parts lifted): the conditions of the best index on the field conditions, and for each `$or` one such
 * narrowing per branch joined by OR (every branch must have one, else a match could hide in the branch
 * without) — all ANDed, so SQLite tests every one on each row of the index it picks before any document
 * is parsed. Conditions under $nor/$not, and a field constrained twice, are left to mingo.
 */
export function filterPlan(filter: Filter, indexes: TableIndex[]): Plan | undefined {
  const { fields, ors, complete } = conjunctsOf(filter);
  const parts: Plan[] = [];
  let exact = complete;
  const add = (plan: Plan | undefined) => {
    if (plan) parts.push(plan);
    exact &&= plan?.exact === true;
  };
  if (Object.keys(fields).length > 0) add(conjunctionPlan(fields, indexes));
  for (const branches of ors) add(orPlan(branches, indexes));
  const params = parts.flatMap((p) => p.params);
  const where = parts.flatMap((p) => p.where);
  // SQLite refuses a statement with more than 32,766 parameters or an expression deeper than 1,000: such a filter is answered by the scan.
  if (parts.length === 0 || params.length > MAX_PARAMS || where.length > MAX_TERMS) return undefined;
  return { where, params, exact, indexed: parts.some((p) => p.indexed), ...(exact ? unionOf(parts, ors.length) : {}) };
}

/** A ∧ (B1 ∨ B2) = (A ∧ B1) ∨ (A ∧ B2): for an exact plan (every part planned) with one `$or`, its last part. */
function unionOf(parts: Plan[], ors: number): Pick<Plan, 'union'> {
  const branches = parts[parts.length - 1]?.union;
  if (ors !== 1 || !branches || parts.length > 2) return {};
  const rest = parts.length === 2 ? parts[0] : { where: [], params: [] };
  const union = branches.map((b) => ({ where: [...rest.where, ...b.where], params: [...rest.params, ...b.params] }));
  return union.reduce((n, b) => n + b.params.length, 0) > MAX_PARAMS ? {} : { union };
}

interface Conjuncts {
  /** Field conditions, each field once. */
  fields: Filter;
  /** The branch lists of each `$or`. */
  ors: unknown[];
  /** Nothing was left out: the conjuncts say all the filter says. */
  complete: boolean;
}

/** A ∧ (B ∧ C) = A ∧ B ∧ C: the conditions a filter's matches must all meet, `$and` parts lifted. */
function conjunctsOf(filter: Filter, into: Conjuncts = { fields: Object.create(null) as Filter, ors: [], complete: true }): Conjuncts {
  for (const [key, condition] of Object.entries(filter)) {
    const parts = key === '$and' && Array.isArray(condition) && condition.length > 0 && condition.every(isPlainObject) ? condition : undefined;
    if (parts) parts.forEach((part) => conjunctsOf(part as Filter, into));
    else if (key === '$or') into.ors.push(condition);
    // Another operator, a field twice, or a name every object inherits (mingo resolves `__proto__`, `constructor` … on the prototype).
    else if (key.startsWith('$') || Object.hasOwn(into.fields, key) || key in Object.prototype) into.complete = false;
    else into.fields[key] = condition;
  }
  return into;
}

/** One narrowing per branch of an `$or`, joined by OR; none unless every branch has one. */
function orPlan(branches: unknown, indexes: TableIndex[]): Plan | undefined {
  if (!Array.isArray(branches) || branches.length === 0 || branches.length > MAX_TERMS) return undefined;
  const plans = branches.map((b) => (isPlainObject(b) ? conjunctionPlan(b as Filter, indexes) : undefined));
  if (plans.some((p) => !p || p.where.length > MAX_TERMS)) return undefined;
  return {
    where: [`(${(plans as Plan[]).map((p) => `(${p.where.join(' AND ')})`).join(' OR ')})`], // one condition: ANDed with others
    params: (plans as Plan[]).flatMap((p) => p.params),
    exact: plans.every((p) => p!.exact),
    indexed: plans.every((p) => p!.indexed),
    union: (plans as Plan[]).map(({ where, params }) => ({ where, params })),
  };
}

/**
 * An ORDER BY a plain index can serve: the sort names exactly its fields, in order, in one direction —
 * or its fields after a prefix the filter pins to one value each (`period = ?` then `date, _id`):
 * within one value of the prefix, the index is ordered by the rest.
 */
export function indexedOrder(sort: Record<string, 1 | -1>, indexes: TableIndex[], pinnedToOne: ReadonlySet<string> = new Set()): string | undefined {
  const fields = Object.keys(sort);
  const directions = new Set(Object.values(sort));
  if (directions.size !== 1) return undefined;
  const serves = (i: TableIndex) => {
    const prefix = i.fields.length - fields.length;
    return prefix >= 0 && i.fields.slice(0, prefix).every((f) => pinnedToOne.has(f)) && fields.every((f, n) => f === i.fields[prefix + n]);
  };
  const match = indexes.find((i) => usable(i) && serves(i));
  const onlyId = fields.length === 1 && fields[0] === '_id';
  return match || onlyId ? orderBySql(sort, match?.stored) : undefined;
}

/** The ORDER BY of a sort on the indexed expressions; ties keep natural order, as the in-memory sort does. */
const orderBySql = (sort: Record<string, 1 | -1>, stored?: ReadonlySet<string>) =>
  `${Object.keys(sort).map((f) => `${fieldExpr(f, stored)} ${sort[f] === 1 ? 'ASC' : 'DESC'}`).join(', ')}, rowid ASC`;

/**
 * An ORDER BY that SQLite computes from the documents, for a sort no index serves (mixed directions,
 * fields of different indexes). Its order is mingo's when every sort field is plain in every row —
 * `_id`, or a field of a usable index — since SQLite orders NULL < numbers < text (compared as bytes)
 * as BSON orders null and missing < numbers < strings. Used only when SQL answers the filter exactly,
 * with LIMIT/OFFSET: SQLite keeps the top rows by their extracted keys and only the page is parsed.
 * (Strings are compared as UTF-8 bytes, mingo compares UTF-16 code units: they differ only between
 * characters above U+FFFF and U+E000–U+FFFF — the same assumption as an index-served sort.)
 */
export function computedOrder(sort: Record<string, 1 | -1>, indexes: TableIndex[]): string | undefined {
  const plain = new Set(['_id', ...indexes.filter(usable).flatMap((i) => i.fields)]);
  const fields = Object.keys(sort);
  return fields.length > 0 && fields.every((f) => plain.has(f)) ? orderBySql(sort, indexes[0]?.stored) : undefined;
}

/** The fields a filter holds to exactly one value (`v`, `{ $eq: v }`, or an `$in` of one), at its top level or in `$and` parts. */
export function pinnedToOne(filter: Filter): Set<string> {
  const { fields } = conjunctsOf(filter);
  return new Set(Object.keys(fields).filter((k) => pinned(k, fields[k])?.length === 1));
}

/** Whether a filter has a condition on `field` a plan can use: at its top level, in `$and` parts, or in a branch of an `$or` there. */
export function namesField(filter: Filter, field: string): boolean {
  const { fields, ors } = conjunctsOf(filter);
  return field in fields || ors.some((branches) => Array.isArray(branches) && branches.some((b) => isPlainObject(b) && namesField(b as Filter, field)));
}

const whereOf = (plan: Plan | undefined) => (plan ? ` WHERE ${plan.where.join(' AND ')}` : '');

/**
 * A page's LIMIT, written into the SQL: bound as a parameter, SQLite (3.53 with STAT4, as better-sqlite3
 * builds it) compiled the statement again at every run, as the planner may use the value — a statement
 * that takes ~130 µs to compile ran in 65 µs instead of 6.5 (docs/benchmarks.md). OFFSET stays bound: it
 * does not have that effect, and pages differ by it. A page size seen before reuses its statement (kept
 * while in use, see DocTables); a caller that works its limit out from data (the sales list asks for
 * offset + limit) prepares one per new value, as the bound LIMIT recompiled one per run.
 */
const limitSql = (limit: number): string => {
  if (limit === Infinity || limit > Number.MAX_SAFE_INTEGER) return 'LIMIT -1'; // no table holds that many rows
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`A page's limit must be a non-negative integer, not ${limit}`);
  return `LIMIT ${limit}`;
};

/**
 * The candidate rows of a table: narrowed by a plan, in an index's order or natural order; a `limit`
 * (Infinity for none) makes a page of it, with an OFFSET parameter last. `rowidsFirst` (natural order only) selects the plan's rowids in a subquery:
 * SQLite collects them from the index into a sorted set and fetches the rows in rowid order, where
 * `WHERE <plan> ORDER BY rowid` on an index not already in rowid order (an `$in` of several values, a
 * range, an `$or`) copies every matching document into a sorter first — but where the index yields rowid
 * order itself (every field pinned to one value) the direct form streams and stops at a page's end, and
 * the subquery would collect every match. `DocTables.selectRows` asks SQLite which case it is.
 */
export const selectSql = (table: string, plan: Plan | undefined, order?: string, limit?: number, rowidsFirst = false) => {
  const where = rowidsFirst && plan && !order ? ` WHERE rowid IN (SELECT rowid FROM ${quote(table)}${whereOf(plan)})` : whereOf(plan);
  return `SELECT doc, _id FROM ${quote(table)}${where} ORDER BY ${order ?? 'rowid'}${limit === undefined ? '' : ` ${limitSql(limit)} OFFSET ?`}`;
};

/**
 * A page of an exact `$or` plan in a sort no index serves (computedOrder), as a UNION of one SELECT per
 * branch of the rowid and the sort keys, whose page of rowids alone is then read: SQLite answers an OR
 * by collecting the rowids each branch's index gives and reading every one of those rows to sort them,
 * where a branch's index that also holds the sort fields (`sellerKey, date, _id`) gives its keys without
 * reading a row. A page of a distributor's sales list at 1M events (three branches, ~18,600 matches) took
 * 23 ms instead of 124 in SQLite (docs/benchmarks.md, 2026-11-29). Parameters: each branch's, then the
 * OFFSET. UNION drops the rows two branches share: the same rowid has the same keys.
 */
export function unionPageSql(table: string, union: Conjunction[], sort: Record<string, 1 | -1>, limit: number, stored?: ReadonlySet<string>): string {
  const fields = Object.keys(sort);
  const keys = fields.map((f, n) => `${fieldExpr(f, stored)} AS k${n}`).join(', ');
  const branches = union.map((b) => `SELECT rowid AS r, ${keys} FROM ${quote(table)} WHERE ${b.where.join(' AND ')}`).join(' UNION ');
  // The rowid last, as orderBySql's tie-breaker (natural order).
  const byKeys = [...fields.map((f, n) => `k${n} ${sort[f] === 1 ? 'ASC' : 'DESC'}`), 'r ASC'].join(', ');
  const page = `SELECT r FROM (${branches}) ORDER BY ${byKeys} ${limitSql(limit)} OFFSET ?`;
  return `SELECT doc, _id FROM ${quote(table)} WHERE rowid IN (${page}) ORDER BY ${orderBySql(sort, stored)}`;
}

export const countSql = (table: string, plan: Plan) => `SELECT count(*) AS n FROM ${quote(table)}${whereOf(plan)}`;
