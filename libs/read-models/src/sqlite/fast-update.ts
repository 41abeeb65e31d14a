/**
 * A direct path for the common update shapes — `$set`, `$setOnInsert`, `$inc`, `$max`, `$min`,
 * `$unset` and `$push` of one value, on plain dotted paths through plain objects — producing exactly
 * what mingo's operators produce (fast-update.spec compares both on generated cases). mingo builds a
 * parameter graph, a path validator and closures per call, which was ~15% of a projection rebuild.
 * Anything else — positional `$`, array indexes or arrays on the way, `$each`/`$slice` modifiers,
 * overlapping paths, `_id`, any case where mingo or the checks in mongo-semantics would refuse or do
 * something unusual — answers `false` before touching the document, and the caller takes mingo's path.
 */
import * as mingoUtil from 'mingo/util';

type Json = Record<string, unknown>;

// Bound once: mingo/util re-exports through property getters, which showed in the profile per call.
const { compare, isEqual, isObject } = mingoUtil;

const HANDLED = new Set(['$set', '$setOnInsert', '$inc', '$max', '$min', '$unset', '$push']);
const PUSH_MODIFIERS = ['$each', '$slice', '$sort', '$position'];

/** Split plain paths, cached (field names are few); null marks a path this module does not handle. */
const paths = new Map<string, string[] | null>();
const MAX_CACHED_PATHS = 10_000;

function isPlainSegment(s: string): boolean {
  if (s.length === 0 || s.includes('$') || s in Object.prototype) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return true; // not all digits: a field name, never an array index
  }
  return false;
}

function plainPath(path: string): string[] | null {
  let parts = paths.get(path);
  if (parts === undefined) {
    const split = path.split('.');
    parts = split[0] !== '_id' && split.every(isPlainSegment) ? split : null;
    if (paths.size >= MAX_CACHED_PATHS) paths.clear();
    paths.set(path, parts);
  }
  return parts;
}

/**
 * The object holding a path's last field; null when a level on the way is null or missing (the
 * operator creates it, `$unset` skips it); undefined when something else is on the way (array, scalar).
 */
function reachable(doc: Json, parts: string[]): Json | null | undefined {
  let node: Json = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]];
    if (next === null || next === undefined) return null;
    if (!isObject(next)) return undefined;
    node = next as Json;
  }
  return node;
}

/** The parent of a path's last field, creating missing (or null) levels as mingo's `buildGraph` does. */
function build(doc: Json, parts: string[]): Json {
  let node = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    if (node[key] === null || node[key] === undefined) node[key] = {};
    node = node[key] as Json;
  }
  return node;
}

/** mingo's "copy" clone mode for a `$set` value: a shallow copy of an array or object. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  if (isObject(value)) return Object.assign({}, value);
  return value;
}

/** Whether one operator's field, in the document as it is, is one this module applies as mingo would. */
function targetFits(op: string, value: unknown, parent: Json | null, field: string): boolean {
  const current = parent === null ? undefined : parent[field];
  switch (op) {
    case '$inc':
      // mingo asserts a number; mongo-semantics refuses a non-numeric target.
      return typeof value === 'number' && !Number.isNaN(value) && (current === undefined || typeof current === 'number');
    case '$push':
      if (isObject(value) && PUSH_MODIFIERS.some((m) => Object.prototype.hasOwnProperty.call(value, m))) return false;
      return current === undefined || Array.isArray(current);
    default:
      return true;
  }
}

/** Every path the update would apply, checked against the document; false when any is not handled here. */
function eligible(doc: Json, update: Json, ops: string[], inserting: boolean): boolean {
  if (!isObject(doc)) return false;
  const seen: string[] = [];
  for (const op of ops) {
    if (!HANDLED.has(op)) return false;
    const expr = update[op];
    if (!isObject(expr)) return false;
    if (op === '$setOnInsert' && !inserting) continue;
    for (const path of Object.keys(expr as Json)) {
      const parts = plainPath(path);
      if (!parts) return false;
      const parent = reachable(doc, parts);
      if (parent === undefined || !targetFits(op, (expr as Json)[path], parent, parts[parts.length - 1])) return false;
      seen.push(path);
    }
  }
  return prefixFree(seen);
}

/**
 * No path repeats or lies inside another: then no operator changes what another one walks through, and
 * checking all paths against the document before applying any is the same as mingo checking each in turn.
 */
function prefixFree(list: string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    for (let j = 0; j < list.length; j++) {
      if (i === j) continue;
      const a = list[i];
      const b = list[j];
      if (a === b || (b.length > a.length && b.charCodeAt(a.length) === 46 && b.startsWith(a))) return false;
    }
  }
  return true;
}

function applyOne(doc: Json, op: string, expr: Json): void {
  for (const path of Object.keys(expr)) {
    const parts = paths.get(path) ?? (plainPath(path) as string[]);
    const field = parts[parts.length - 1];
    const value = expr[path];
    if (op === '$unset') {
      const parent = reachable(doc, parts);
      if (parent && Object.prototype.hasOwnProperty.call(parent, field)) delete parent[field];
      continue;
    }
    const parent = build(doc, parts);
    const current = parent[field];
    switch (op) {
      case '$set':
      case '$setOnInsert':
        if (!isEqual(current, value)) parent[field] = copy(value);
        break;
      case '$inc':
        // As mingo: a NaN target stays as it is.
        if (typeof current === 'number' ? !Number.isNaN(current) : current === undefined)
          parent[field] = ((current as number) || 0) + (value as number);
        break;
      case '$max': // the same comparisons as mingo's operators, and like them without a copy
        if (!(compare(current, value) > -1)) parent[field] = value;
        break;
      case '$min':
        if (!(current !== undefined && compare(current, value) < 1)) parent[field] = value;
        break;
      case '$push':
        if (Array.isArray(current)) current.push(value);
        else parent[field] = [value];
        break;
    }
  }
}

/**
 * Applies `update` when every part of it is handled here; returns false, with the document untouched,
 * otherwise. `detach` copies each operator's argument away from the caller's update, as on mingo's path.
 */
export function fastUpdate(doc: Json, update: Json, ops: string[], inserting: boolean, detach: (expr: Json) => Json): boolean {
  if (!eligible(doc, update, ops, inserting)) return false;
  for (const op of ops) {
    if (op === '$setOnInsert' && !inserting) continue;
    applyOne(doc, op, detach(update[op] as Json));
  }
  return true;
}
