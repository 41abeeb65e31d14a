/**
 * The read-model store port. Projections describe their changes as MongoDB filter/update documents
 * (`WriteOp`), written once; the MongoDB adapter sends them to the server, the embedded SQLite adapter
 * applies them with mingo. Both adapters pass `testing/read-store.contract.ts`.
 *
 * Collections owned by a projection are versioned by *generation*: a rebuild fills a new generation
 * aside while queries keep reading the active one, then `commit({ activate: true })` swaps atomically.
 * Collections not owned by any projection (idempotency records, leases) are plain and unversioned.
 */
export const READ_STORE = Symbol('READ_STORE');

export interface Doc {
  _id: string;
  [field: string]: unknown;
}

/** A MongoDB query document, e.g. `{ territories: 'PL-MZ', 'plan.total': { $gte: 10 } }`. */
export type Filter = Record<string, unknown>;
/** A MongoDB update document using $set, $unset, $inc, $push, $addToSet, $pull, $setOnInsert, $max, $min. */
export type Update = Record<string, unknown>;

/**
 * `replace` writes the whole document by `_id`, inserting it when absent. `position` (optional, added
 * backward-compatibly) is the global position of the event that produced the op. MongoDB without
 * transactions records it in the documents it writes (`_pos`) to recognise re-applied ops; without it
 * ops are numbered from the batch start, which is equally safe. Positions must not decrease in a batch.
 */
export type WriteOp =
  | { op: 'insert'; collection: string; doc: Doc; position?: number }
  | { op: 'update'; collection: string; filter: Filter; update: Update; upsert?: boolean; multi?: boolean; position?: number }
  | { op: 'replace'; collection: string; doc: Doc; position?: number }
  | { op: 'delete'; collection: string; filter: Filter; multi?: boolean; position?: number };

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
}

/**
 * A secondary index, ascending, on one or more fields (dotted paths; `_id` allowed). Declared once per
 * logical collection, it applies to every generation, present and future. Indexes speed up equality
 * filters (`{ field: value }`, `$eq`, `$in` on strings and numbers) and sorts on exactly the indexed
 * fields; they never change results. The embedded adapter uses an index only while every document holds
 * a string, a number, null or nothing at its fields (as MongoDB marks an index multikey, it notices an
 * array, object or boolean there and falls back to a scan); MongoDB uses it as any index.
 */
export interface IndexSpec {
  collection: string;
  fields: string[];
}

export interface ProjectionStatus {
  name: string;
  activeGeneration: number;
  /** Global position of the last event applied to the active generation. */
  checkpoint: number;
  /** A rebuild in progress, if any. */
  building?: { generation: number; checkpoint: number };
}

export interface CommitBatch {
  projection: string;
  generation: number;
  /** Compare-and-set: the checkpoint this batch starts from. A mismatch means another writer moved it. */
  expectedCheckpoint: number;
  /** Position of the last event in the batch. */
  checkpoint: number;
  ops: WriteOp[];
  /** Make `generation` the active one in the same transaction (end of a rebuild). */
  activate?: boolean;
}

export interface ReadStore {
  findOne<T extends Doc = Doc>(collection: string, filter: Filter): Promise<T | null>;
  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter: Filter): Promise<number>;

  /** Declare a projection and the collections it owns. Idempotent; the first call creates generation 1 at checkpoint 0. */
  registerProjection(name: string, collections: string[]): Promise<void>;
  status(name: string): Promise<ProjectionStatus>;
  /**
   * Apply ops to `generation`'s collections and move its checkpoint, atomically. Throws
   * CheckpointConflictError when the stored checkpoint is not `expectedCheckpoint`, and
   * StaleGenerationError when writing a generation that is neither active nor being built.
   */
  commit(batch: CommitBatch): Promise<void>;
  /** Start building a new, empty generation (discarding a half-built one); returns its number. */
  beginRebuild(name: string): Promise<number>;
  /** Drop a generation's collections (after a swap, or an abandoned build). Never the active one. */
  dropGeneration(name: string, generation: number): Promise<void>;

  /** Declare secondary indexes (idempotent): created on existing generations or plain collections and every later generation. */
  ensureIndexes(indexes: IndexSpec[]): Promise<void>;
  /**
   * Retire every index declared on `collections` that `keep` does not list: the declaration goes, and
   * the index with it from the active and building generations (a later generation is built without
   * it). A projection's own declarations are the whole truth for the collections it owns, so an index a
   * newer version no longer declares stops costing writes. Indexes never change answers, only speed.
   * Idempotent; resolves with what it retired.
   */
  retireIndexes(collections: string[], keep: IndexSpec[]): Promise<IndexSpec[]>;

  /** Plain collections: atomic writes outside any projection (idempotency records, delivery state). */
  write(ops: WriteOp[]): Promise<void>;
  /** Insert unless a document with this `_id` exists; true when inserted. */
  insertIfAbsent(collection: string, doc: Doc): Promise<boolean>;
  /**
   * Take or renew a named lease for `ttlMs`. True when `owner` holds it afterwards; only one owner
   * at a time (one active projector per projection when several instances run).
   */
  acquireLease(name: string, owner: string, ttlMs: number, now?: Date): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

export class CheckpointConflictError extends Error {
  readonly code = 'READ_STORE.CHECKPOINT_CONFLICT';
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Projection ${projection}: expected checkpoint ${expected}, found ${actual}`);
    this.name = 'CheckpointConflictError';
  }
}

export class StaleGenerationError extends Error {
  readonly code = 'READ_STORE.STALE_GENERATION';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`Projection ${projection}: generation ${generation} is no longer active`);
    this.name = 'StaleGenerationError';
  }
}
