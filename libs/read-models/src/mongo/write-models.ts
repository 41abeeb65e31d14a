/**
 * Turns WriteOps into MongoDB bulk-write models, in two flavours:
 *
 * - plain: what a transaction (or a plain-collection write) sends as is;
 * - guarded: for a standalone server without transactions. Each op carries a *stamp* (pos, seq) and
 *   writes it into the documents it touches as `_pos`/`_seq`; its filter only matches documents whose
 *   stamp is missing or lower (lexicographically). Re-applying a batch after a crash therefore skips
 *   every op already applied to a document, and applies the rest.
 *
 * Stamps: `pos` is the op's `position` (the global position of its event) when the projector passes
 * it, else the previous op's, else `expectedCheckpoint + 1`; `seq` counts the ops sharing that `pos`.
 * A retry always restarts from the same stored checkpoint and the projection is deterministic, so an
 * op gets the same stamp on every attempt, and stamps grow with every later op and batch.
 */
import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { Doc, Filter, Update, WriteOp } from '../port';

export interface StampedOp {
  op: WriteOp;
  pos: number;
  seq: number;
}

export interface OpGroup {
  /** Physical collection name. */
  collection: string;
  ops: StampedOp[];
}

/** Fields the guarded mode adds to documents; reads exclude them. */
export const HIDDEN_FIELDS = { _pos: 0, _seq: 0 } as const;

/** Splits ops into runs on the same physical collection (one bulkWrite each), stamping them in order. */
export function groupOps(ops: WriteOp[], firstPosition: number, physical: (collection: string) => string): OpGroup[] {
  const groups: OpGroup[] = [];
  let pos = firstPosition;
  let seq = -1;
  for (const op of ops) {
    const opPos = op.position ?? pos;
    seq = opPos === pos ? seq + 1 : 0;
    pos = opPos;
    const collection = physical(op.collection);
    const stamped = { op, pos, seq };
    const last = groups[groups.length - 1];
    if (last?.collection === collection) last.ops.push(stamped);
    else groups.push({ collection, ops: [stamped] });
  }
  return groups;
}

/** `_id` a filter pins down by equality (at the top level or in a top-level $and), if any. */
export function filterId(filter: Filter): string | undefined {
  const id = filter._id;
  if (typeof id === 'string') return id;
  if (typeof id === 'object' && id !== null && Object.keys(id).length === 1 && typeof (id as { $eq?: unknown }).$eq === 'string') {
    return (id as { $eq: string }).$eq;
  }
  if (!Array.isArray(filter.$and)) return undefined;
  for (const clause of filter.$and as Filter[]) {
    const found = typeof clause === 'object' && clause !== null ? filterId(clause) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

export function opId(op: WriteOp): string | undefined {
  return op.op === 'insert' || op.op === 'replace' ? op.doc._id : filterId(op.filter);
}

/**
 * MongoDB would give an upserted document an ObjectId when neither the filter nor the update sets
 * `_id`; read-model ids are strings, so supply a UUID on insert (as the SQLite adapter does).
 */
export function withStringId(filter: Filter, update: Update): Update {
  if (filterId(filter) !== undefined) return update;
  const setOnInsert = (update.$setOnInsert ?? {}) as Document;
  const set = (update.$set ?? {}) as Document;
  if (setOnInsert._id !== undefined || set._id !== undefined) return update;
  return { ...update, $setOnInsert: { ...setOnInsert, _id: randomUUID() } };
}

export function plainModel(op: WriteOp): AnyBulkWriteOperation<Doc> {
  switch (op.op) {
    case 'insert':
      return { insertOne: { document: { ...op.doc } } };
    case 'replace':
      return { replaceOne: { filter: { _id: op.doc._id }, replacement: { ...op.doc }, upsert: true } };
    case 'update': {
      const update = op.upsert ? withStringId(op.filter, op.update) : op.update;
      const spec = { filter: op.filter, update, upsert: op.upsert ?? false };
      return op.multi ? { updateMany: spec } : { updateOne: spec };
    }
    case 'delete':
      return op.multi ? { deleteMany: { filter: op.filter } } : { deleteOne: { filter: op.filter } };
    default:
      throw new Error(`Unknown write op ${JSON.stringify((op as { op?: unknown }).op)}`);
  }
}

/** Matches documents the stamped op has not touched yet (no stamp, or a lower one). */
export function notYetApplied({ pos, seq }: StampedOp): Document {
  return { $or: [{ _pos: { $exists: false } }, { _pos: { $lt: pos } }, { _pos: pos, _seq: { $lt: seq } }] };
}

/** The complement of `notYetApplied` for a document that has a stamp. */
export function alreadyApplied({ pos, seq }: StampedOp): Document {
  return { $or: [{ _pos: { $gt: pos } }, { _pos: pos, _seq: { $gte: seq } }] };
}

export function guardedModel(stamped: StampedOp): AnyBulkWriteOperation<Doc> {
  const { op, pos, seq } = stamped;
  const stamp = { _pos: pos, _seq: seq };
  const guard = notYetApplied(stamped);
  switch (op.op) {
    case 'insert':
      // No filter to guard: a duplicate key on re-apply is recognised by its stamp (see the store).
      return { insertOne: { document: { ...op.doc, ...stamp } } };
    case 'replace':
      return { replaceOne: { filter: { $and: [{ _id: op.doc._id }, guard] }, replacement: { ...op.doc, ...stamp }, upsert: true } };
    case 'update': {
      if (op.upsert && filterId(op.filter) === undefined) {
        throw new Error('Without transactions, upserts must select their document by _id (a re-applied upsert is recognised by its _id)');
      }
      const update = { ...op.update, $set: { ...(op.update.$set as Document | undefined), ...stamp } };
      const spec = { filter: { $and: [op.filter, guard] }, update, upsert: op.upsert ?? false };
      return op.multi ? { updateMany: spec } : { updateOne: spec };
    }
    case 'delete': {
      const filter = { $and: [op.filter, guard] };
      return op.multi ? { deleteMany: { filter } } : { deleteOne: { filter } };
    }
    default:
      throw new Error(`Unknown write op ${JSON.stringify((op as { op?: unknown }).op)}`);
  }
}
