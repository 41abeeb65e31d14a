/**
 * Rules both read store adapters share: collection naming (logical → physical) and batch validation.
 * Not exported from the index: it is adapter plumbing, not part of the port.
 */
import type { CommitBatch, Doc, IndexSpec, ProjectionStatus, WriteOp } from './port';

/**
 * Logical collection names become table/collection names, so they are restricted to a safe alphabet.
 * `__` is reserved for the generation suffix and a leading letter keeps them apart from the `_rm_`
 * system tables, so a plain collection can never collide with a projection-owned one.
 */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function checkCollectionName(collection: string): void {
  if (!COLLECTION_NAME.test(collection) || collection.includes('__') || /^sqlite_/i.test(collection)) {
    throw new Error(
      `Invalid read-model collection name '${collection}': use a letter then letters, digits, '_' or '-' (no '__', at most 64 characters)`,
    );
  }
}

/** Physical name of a projection-owned collection in one generation. */
export function generationCollection(collection: string, generation: number): string {
  return `rm_${collection}__g${generation}`;
}

export function checkProjectionName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) throw new Error(`Invalid projection name '${String(name)}'`);
}

export function checkDoc(doc: Doc): void {
  if (typeof doc !== 'object' || doc === null || typeof doc._id !== 'string' || doc._id.length === 0) {
    throw new Error('A read-model document needs a non-empty string _id');
  }
}

const isPosition = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * A batch must move the checkpoint forward when it carries ops: otherwise replaying it would pass the
 * compare-and-set and apply its ops twice. Op positions, when given, lie inside the batch, in order.
 */
export function checkBatch(batch: CommitBatch): void {
  const { projection, generation, expectedCheckpoint, checkpoint, ops } = batch;
  checkProjectionName(projection);
  if (!Number.isSafeInteger(generation) || generation < 1) throw new Error(`Projection ${projection}: invalid generation ${generation}`);
  if (!isPosition(expectedCheckpoint) || !isPosition(checkpoint)) {
    throw new Error(`Projection ${projection}: checkpoints must be non-negative integers`);
  }
  if (checkpoint < expectedCheckpoint || (ops.length > 0 && checkpoint === expectedCheckpoint)) {
    throw new Error(`Projection ${projection}: a batch with ops must move the checkpoint past ${expectedCheckpoint} (got ${checkpoint})`);
  }
  let previous = expectedCheckpoint + 1;
  for (const op of ops) {
    if (op.position === undefined) continue;
    if (!isPosition(op.position) || op.position < previous || op.position > checkpoint) {
      throw new Error(
        `Projection ${projection}: op position ${op.position} is out of order or outside (${expectedCheckpoint}, ${checkpoint}]`,
      );
    }
    previous = op.position;
  }
}

export function checkOps(ops: WriteOp[]): void {
  if (!Array.isArray(ops)) throw new Error('ops must be an array');
  for (const op of ops) {
    checkCollectionName(op.collection);
    if (op.op === 'insert' || op.op === 'replace') checkDoc(op.doc);
  }
}

/** The status shape both adapters return; `building` is omitted (not undefined-valued) when idle. */
export function projectionStatus(
  name: string,
  active: number,
  building: number | null,
  checkpointOf: (generation: number) => number,
): ProjectionStatus {
  const status: ProjectionStatus = { name, activeGeneration: active, checkpoint: checkpointOf(active) };
  if (building !== null) status.building = { generation: building, checkpoint: checkpointOf(building) };
  return status;
}

export const unknownProjection = (name: string) => new Error(`Unknown projection ${name}: call registerProjection first`);

export const notOwned = (projection: string, collection: string) =>
  new Error(`Projection ${projection} does not own collection '${collection}'; declare it in registerProjection`);

export const ownedByProjection = (collection: string, projection: string) =>
  new Error(`Collection '${collection}' belongs to projection ${projection}: write it through commit(), not write()/insertIfAbsent()`);

/** Index fields: dotted paths of plain names (no array positions), at most 8 per index. */
const FIELD_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The field lists declared on `collection` that `keep` does not list (same fields, same order): what retireIndexes drops. */
export function notKept(collection: string, declared: string[][], keep: IndexSpec[]): string[][] {
  const kept = new Set(keep.filter((k) => k.collection === collection).map((k) => JSON.stringify(k.fields)));
  return declared.filter((fields) => !kept.has(JSON.stringify(fields)));
}

export function checkIndexes(indexes: IndexSpec[]): void {
  if (!Array.isArray(indexes)) throw new Error('indexes must be an array');
  for (const index of indexes) {
    checkCollectionName(index.collection);
    const ok = Array.isArray(index.fields) && index.fields.length > 0 && index.fields.length <= 8;
    if (!ok || !index.fields.every((f) => typeof f === 'string' && f.split('.').every((s) => FIELD_SEGMENT.test(s)))) {
      throw new Error(`Invalid index on '${index.collection}': fields must be 1 to 8 dotted paths of names (got ${JSON.stringify(index.fields)})`);
    }
  }
}
