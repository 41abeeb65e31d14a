/**
 * MongoDB semantics for in-memory JSON documents, on top of mingo: filters, update operators, upsert
 * seeds and sort order — what the embedded adapter needs to run the same WriteOps as the MongoDB one.
 *
 * The update operators are called directly from `mingo/operators/update`: mingo's top-level
 * `update()` rebuilds its operator context on every call (~70-100 µs), one operator call costs a few
 * µs, and applying updates is the hot path of projection rebuilds.
 */
import { randomUUID } from 'node:crypto';
import { Query } from 'mingo';
import { $addToSet, $inc, $max, $min, $pull, $push, $set, $unset } from 'mingo/operators/update';
import { compare, resolve } from 'mingo/util';
import type { Doc, Filter, Update } from '../port';
import { compileFastFilter } from './fast-filter';
import { fastUpdate } from './fast-update';

type Json = Record<string, unknown>;
type Operator = (expr: Json) => (doc: Json) => string[];

const OPERATORS: Readonly<Record<string, Operator>> = {
  $set,
  $unset: $unset as Operator,
  $inc: $inc as Operator,
  $push,
  $addToSet,
  $pull,
  $max,
  $min,
};
const SUPPORTED = [...Object.keys(OPERATORS), '$setOnInsert'].join(', ');
/** Operators whose target must be an array (or missing); mingo silently skips others, MongoDB fails. */
const ARRAY_OPERATORS = new Set(['$push', '$addToSet', '$pull']);

export class UpdateError extends Error {
  readonly code = 'READ_STORE.BAD_UPDATE';
  constructor(message: string) {
    super(message);
    this.name = 'UpdateError';
  }
}

/** Raised like MongoDB's E11000 when an insert or upsert meets an existing `_id`. */
export class DuplicateKeyError extends Error {
  readonly code = 'READ_STORE.DUPLICATE_KEY';
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`E11000 duplicate key in ${collection}: _id '${id}'`);
    this.name = 'DuplicateKeyError';
  }
}

export const isPlainObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RegExp) && !(v instanceof Date);
const isOperatorObject = (v: unknown): v is Json => isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'));

/** Documents are stored as JSON: copying through JSON gives exactly what will be stored (Dates become strings). */
export const cloneJson = <T>(value: T): T => (typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value);

/**
 * Operator arguments are copied before use so the stored document never shares objects with the
 * caller's update, nor with other documents of a multi-update (later in-place updates would leak).
 * Flat expressions — the common `{ count: 1 }` — need no copy.
 */
function detach(expr: Json): Json {
  for (const key in expr) {
    const value = expr[key];
    if (typeof value === 'object' && value !== null) return cloneJson(expr);
  }
  return expr;
}

// ---------------------------------------------------------------------------------------------
// Filters

export interface CompiledFilter {
  /** `_id` values the filter is limited to (equality or $in on strings): a primary key lookup. */
  ids?: string[];
  test(doc: Doc): boolean;
}

const ALWAYS = () => true;

function idCandidates(id: unknown): string[] | undefined {
  if (typeof id === 'string') return [id];
  if (!isPlainObject(id)) return undefined;
  const keys = Object.keys(id);
  if (keys.length !== 1) return undefined;
  if (keys[0] === '$eq' && typeof id.$eq === 'string') return [id.$eq];
  if (keys[0] === '$in' && Array.isArray(id.$in) && id.$in.every((v) => typeof v === 'string')) return [...new Set(id.$in as string[])];
  return undefined;
}

export function compileFilter(filter: Filter): CompiledFilter {
  if (!isPlainObject(filter)) throw new UpdateError('A filter must be an object');
  const keys = Object.keys(filter);
  const ids = idCandidates(filter._id);
  // `{ _id: 'x' }` alone is fully answered by the key lookup; anything else goes through mingo,
  // compiled lazily because a missed lookup (an upsert of a new document) never needs it.
  if (keys.length === 0 || (keys.length === 1 && typeof filter._id === 'string')) return { ids, test: ALWAYS };
  let query: Query | undefined;
  const viaMingo = (doc: Doc) => {
    query ??= new Query(filter);
    return query.test(doc);
  };
  const fast = compileFastFilter(filter);
  return { ids, test: fast ? (doc) => fast(doc) ?? viaMingo(doc) : viaMingo };
}

// ---------------------------------------------------------------------------------------------
// Updates

function checkTargets(doc: Json, op: string, expr: Json): void {
  if (op !== '$inc' && !ARRAY_OPERATORS.has(op)) return;
  for (const path of Object.keys(expr)) {
    const current = resolve(doc, path);
    if (current === undefined) continue;
    if (op === '$inc' && typeof current !== 'number') throw new UpdateError(`Cannot apply $inc to non-numeric field '${path}'`);
    if (ARRAY_OPERATORS.has(op) && !Array.isArray(current)) throw new UpdateError(`Cannot apply ${op} to non-array field '${path}'`);
  }
}

/**
 * Applies a MongoDB update document in place. `inserting` is true when the document is being created
 * by an upsert, the only time `$setOnInsert` applies. Common shapes take the direct path of
 * fast-update.ts, which gives the same result as mingo's operators.
 */
export function applyUpdate(doc: Json, update: Update, inserting: boolean): void {
  const ops = updateOperators(update);
  if (!fastUpdate(doc, update, ops, inserting, detach)) applyOperators(doc, update, ops, inserting);
}

/** `applyUpdate` through mingo's operators only: the reference the direct path is compared with. */
export function applyUpdateWithMingo(doc: Json, update: Update, inserting: boolean): void {
  applyOperators(doc, update, updateOperators(update), inserting);
}

function updateOperators(update: Update): string[] {
  const ops = isPlainObject(update) ? Object.keys(update) : [];
  if (ops.length === 0 || ops.some((op) => !op.startsWith('$'))) {
    throw new UpdateError('An update needs update operators ($set, $inc, …); use a replace op to write a whole document');
  }
  return ops;
}

function applyOperators(doc: Json, update: Update, ops: string[], inserting: boolean): void {
  const id = doc._id;
  for (const op of ops) {
    const expr = update[op];
    if (!isPlainObject(expr)) throw new UpdateError(`The argument of ${op} must be an object`);
    if (op === '$setOnInsert') {
      if (inserting) $set(detach(expr))(doc);
      continue;
    }
    const operator = OPERATORS[op];
    if (!operator) throw new UpdateError(`Unsupported update operator ${op} (supported: ${SUPPORTED})`);
    checkTargets(doc, op, expr);
    operator(detach(expr))(doc);
  }
  if (!inserting && doc._id !== id) throw new UpdateError(`An update may not change _id (document '${String(id)}')`);
}

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Json;
  }
  node[parts[parts.length - 1]] = value;
}

/** Equality fields of a filter (top level and inside $and), as MongoDB copies them into an upserted document. */
function collectEqualities(filter: Filter, into: Json): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) collectEqualities(part, into);
      continue;
    }
    if (key.startsWith('$') || value instanceof RegExp) continue;
    if (!isOperatorObject(value)) setPath(into, key, cloneJson(value));
    else if ('$eq' in value) setPath(into, key, cloneJson(value.$eq));
  }
}

/** The document an upsert inserts: the filter's equality fields, then the update (with $setOnInsert). */
export function upsertDocument(filter: Filter, update: Update): Doc {
  const doc: Json = {};
  collectEqualities(filter, doc);
  applyUpdate(doc, update, true);
  // MongoDB would generate an ObjectId; read-model ids are strings, so generate a UUID instead.
  if (doc._id === undefined) doc._id = randomUUID();
  if (typeof doc._id !== 'string') throw new UpdateError('An upserted document needs a string _id');
  return doc as Doc;
}

// ---------------------------------------------------------------------------------------------
// Sorting

/**
 * MongoDB's sort key for one field: missing sorts as null, and an array sorts by its smallest element
 * ascending and its largest descending (mingo compares arrays as a whole). Type order comes from
 * mingo's `compare`, which follows BSON's.
 */
function sortKey(value: unknown, direction: 1 | -1): unknown {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return value;
  if (value.length === 0) return null;
  return value.reduce((best: unknown, v: unknown) => (compare(v ?? null, best ?? null) * direction < 0 ? v : best));
}

export function sortDocs<T extends Doc>(docs: T[], sort: Record<string, 1 | -1>): T[] {
  const fields = Object.entries(sort);
  for (const [field, direction] of fields) {
    if (direction !== 1 && direction !== -1) throw new UpdateError(`Sort direction for '${field}' must be 1 or -1`);
  }
  const keyed = docs.map((doc, index) => ({ doc, index, keys: fields.map(([field, dir]) => sortKey(resolve(doc, field), dir)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compare(a.keys[i] ?? null, b.keys[i] ?? null) * fields[i][1];
      if (order !== 0) return order;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.doc);
}
