/**
 * The production read store on MongoDB (official driver). WriteOps are MongoDB filter/update
 * documents already, so they go to the server as bulk writes; physical names mirror the SQLite
 * adapter: projection-owned collections are `rm_<collection>__g<generation>`, plain collections keep
 * their name, and `_rm_projections` / `_rm_leases` hold the bookkeeping.
 *
 * commit() has two modes, chosen once at connect time from the `hello` reply:
 *
 * - Replica set or mongos: one transaction (`session.withTransaction`) moves the checkpoint with a
 *   compare-and-set and applies the ops; a failure anywhere leaves nothing applied.
 * - Standalone server (no `setName`, not mongos), where transactions do not exist: the generation and
 *   checkpoint are checked first, the ops are applied as revision-guarded idempotent writes (see
 *   write-models.ts: every document written carries the `_pos`/`_seq` stamp of the last op applied
 *   to it, and an op only matches documents with a lower or missing stamp), and only then the
 *   checkpoint moves with a compare-and-set update. A crash in between leaves some ops applied and
 *   the checkpoint behind; the projector then re-delivers the batch, and the guard makes every op
 *   already applied a no-op. A duplicate-key error on an insert or upsert whose document already
 *   carries the op's stamp (or a later one) counts as already applied. Limits of this mode: upserts
 *   must select their document by `_id`, a single-document update should select at most one
 *   document, and readers may briefly see a batch half-applied. `write()` is not atomic here either.
 *
 * `_pos`/`_seq` are never returned to callers.
 */
import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type ClientSession,
  type Collection,
  type Db,
  type Document,
  type Filter as MongoFilter,
  type MongoClientOptions,
  type UpdateFilter,
} from 'mongodb';
import {
  checkBatch,
  checkCollectionName,
  checkDoc,
  checkIndexes,
  checkOps,
  checkProjectionName,
  generationCollection,
  notKept,
  notOwned,
  ownedByProjection,
  projectionStatus,
  unknownProjection,
} from '../adapter-support';
import {
  CheckpointConflictError,
  StaleGenerationError,
  type CommitBatch,
  type Doc,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type ProjectionStatus,
  type ReadStore,
  type WriteOp,
} from '../port';
import { alreadyApplied, groupOps, guardedModel, HIDDEN_FIELDS, opId, plainModel, type OpGroup, type StampedOp } from './write-models';

const PROJECTIONS = '_rm_projections';
const LEASES = '_rm_leases';
/** Index declarations per logical collection: `{ _id: collection, indexes: string[][] }`. */
const INDEXES = '_rm_indexes';
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;

interface ProjectionDoc {
  _id: string;
  collections: string[];
  active: number;
  /** Generation being rebuilt, or null. */
  building: number | null;
  /** Highest generation number ever used: numbers are never reused. */
  last: number;
  /** Checkpoint per live generation, keyed `g<generation>`. */
  checkpoints: Record<string, number>;
}

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const checkpointField = (generation: number) => `checkpoints.g${generation}`;
const checkpointOf = (p: ProjectionDoc, generation: number): number | undefined => p.checkpoints[`g${generation}`];

const isDuplicateKey = (error: unknown) => error instanceof MongoServerError && error.code === DUPLICATE_KEY;

/** Index (within the bulk) of the write that failed on a duplicate key, when that is the only failure. */
function duplicateKeyIndex(error: unknown): number | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return errors.length === 1 && errors[0].code === DUPLICATE_KEY ? errors[0].index : undefined;
}

export class MongoReadStore implements ReadStore {
  private readonly projections: Collection<ProjectionDoc>;
  private readonly leases: Collection<LeaseDoc>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** Whether commits run in transactions (replica set, mongos); false selects the standalone fallback. */
    readonly transactional: boolean,
  ) {
    this.projections = db.collection<ProjectionDoc>(PROJECTIONS);
    this.leases = db.collection<LeaseDoc>(LEASES);
  }

  static async connect(url: string, database: string, options?: MongoClientOptions): Promise<MongoReadStore> {
    const client = new MongoClient(url, options);
    await client.connect();
    try {
      const db = client.db(database);
      const hello = await db.command({ hello: 1 });
      const transactional = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
      await db.collection(PROJECTIONS).createIndex({ collections: 1 });
      return new MongoReadStore(client, db, transactional);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Exposed for tests and operational tooling (e.g. dropping a test database); not part of the port. */
  get database(): Db {
    return this.db;
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  async findOne<T extends Doc = Doc>(collection: string, filter: Filter): Promise<T | null> {
    const target = await this.readCollection(collection);
    return (await target.findOne(filter as MongoFilter<Doc>, { projection: HIDDEN_FIELDS })) as T | null;
  }

  async find<T extends Doc = Doc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const target = await this.readCollection(collection);
    const cursor = target.find(filter as MongoFilter<Doc>, { projection: HIDDEN_FIELDS });
    if (options.sort && Object.keys(options.sort).length > 0) cursor.sort(options.sort);
    if (options.skip) cursor.skip(options.skip);
    if (options.limit) cursor.limit(options.limit);
    return (await cursor.toArray()) as T[];
  }

  async count(collection: string, filter: Filter): Promise<number> {
    const target = await this.readCollection(collection);
    return target.countDocuments(filter as MongoFilter<Doc>);
  }

  /**
   * Resolves the active generation on every call: another process (a CLI rebuild) may swap it. A read
   * racing a swap-and-drop can see the just-dropped collection as empty; the next read is correct.
   */
  private async readCollection(collection: string): Promise<Collection<Doc>> {
    checkCollectionName(collection);
    const owner = await this.projections.findOne({ collections: collection }, { projection: { active: 1 } });
    return this.db.collection<Doc>(owner ? generationCollection(collection, owner.active) : collection);
  }

  // -------------------------------------------------------------------------------------------
  // Projections

  async registerProjection(name: string, collections: string[]): Promise<void> {
    checkProjectionName(name);
    collections.forEach(checkCollectionName);
    const other = await this.projections.findOne({ _id: { $ne: name }, collections: { $in: collections } });
    if (other) {
      const taken = other.collections.find((c) => collections.includes(c));
      throw new Error(`Collection '${taken}' is already owned by projection ${other._id}`);
    }
    await this.projections.updateOne(
      { _id: name },
      {
        $setOnInsert: { active: 1, building: null, last: 1, checkpoints: { g1: 0 } },
        $addToSet: { collections: { $each: collections } },
      },
      { upsert: true },
    );
  }

  async status(name: string): Promise<ProjectionStatus> {
    const p = await this.requireProjection(name);
    return projectionStatus(name, p.active, p.building, (generation) => checkpointOf(p, generation) ?? 0);
  }

  async commit(batch: CommitBatch): Promise<void> {
    checkBatch(batch);
    checkOps(batch.ops);
    const snapshot = await this.requireProjection(batch.projection);
    // Fail fast on what the snapshot already shows; the compare-and-set below is what guarantees it.
    checkCommitTarget(batch, snapshot);
    const owned = new Set(snapshot.collections);
    const groups = groupOps(batch.ops, batch.expectedCheckpoint + 1, (collection) => {
      if (!owned.has(collection)) throw notOwned(batch.projection, collection);
      return generationCollection(collection, batch.generation);
    });
    if (this.transactional) {
      await this.inTransaction(async (session) => {
        // Checkpoint first: it write-locks the projection document, so a concurrent writer of the same
        // projection conflicts (and, retried by the driver, then fails the compare-and-set) early.
        await this.moveCheckpoint(batch, snapshot, session);
        await this.applyPlain(groups, session);
      });
    } else {
      for (const group of groups) await this.applyGuarded(group);
      await this.moveCheckpoint(batch, snapshot);
    }
  }

  /** Compare-and-set of the checkpoint (and the swap when activating a rebuilt generation). */
  private async moveCheckpoint(batch: CommitBatch, snapshot: ProjectionDoc, session?: ClientSession): Promise<void> {
    const { projection, generation } = batch;
    const building = snapshot.building === generation;
    const filter: MongoFilter<ProjectionDoc> = {
      _id: projection,
      [checkpointField(generation)]: batch.expectedCheckpoint,
      ...(building ? { building: generation } : { active: generation }),
    };
    const set: Document = { [checkpointField(generation)]: batch.checkpoint };
    if (batch.activate && building) Object.assign(set, { active: generation, building: null });
    const result = await this.projections.updateOne(filter, { $set: set } as UpdateFilter<ProjectionDoc>, { session });
    if (result.matchedCount === 0) throw await this.commitRejection(batch, session);
  }

  /** Why a checkpoint compare-and-set matched nothing, read from the current state. */
  private async commitRejection(batch: CommitBatch, session?: ClientSession): Promise<Error> {
    const current = await this.projections.findOne({ _id: batch.projection }, { session });
    if (!current) return unknownProjection(batch.projection);
    const stored = checkpointOf(current, batch.generation);
    if ((current.active !== batch.generation && current.building !== batch.generation) || stored === undefined) {
      return new StaleGenerationError(batch.projection, batch.generation);
    }
    return new CheckpointConflictError(batch.projection, batch.expectedCheckpoint, stored);
  }

  async beginRebuild(name: string): Promise<number> {
    const p = await this.requireProjection(name);
    const generation = p.last + 1;
    const update: Document = { $set: { building: generation, last: generation, [checkpointField(generation)]: 0 } };
    if (p.building !== null) update.$unset = { [checkpointField(p.building)]: '' };
    // Compare-and-set on (last, building): two concurrent rebuilds cannot both claim a generation.
    const result = await this.projections.updateOne(
      { _id: name, last: p.last, building: p.building },
      update as UpdateFilter<ProjectionDoc>,
    );
    if (result.matchedCount === 0) throw new Error(`Projection ${name} changed during beginRebuild; retry`);
    await this.createDeclaredIndexes(p.collections, generation);
    // Dropped after the switch, so no commit can write the abandoned generation any more.
    if (p.building !== null) await this.dropCollections(p.collections, p.building);
    return generation;
  }

  async dropGeneration(name: string, generation: number): Promise<void> {
    const p = await this.requireProjection(name);
    if (generation === p.active) throw new Error(`Projection ${name}: cannot drop the active generation ${generation}`);
    const update: Document = { $unset: { [checkpointField(generation)]: '' } };
    if (p.building === generation) update.$set = { building: null };
    // Guarded by the state read above, so a generation activated meanwhile is never dropped.
    const result = await this.projections.updateOne(
      { _id: name, active: p.active, building: p.building },
      update as UpdateFilter<ProjectionDoc>,
    );
    if (result.matchedCount === 0) throw new Error(`Projection ${name} changed during dropGeneration; retry`);
    await this.dropCollections(p.collections, generation);
  }

  private async dropCollections(collections: string[], generation: number): Promise<void> {
    // drop() resolves false (rather than failing) for a collection that was never created.
    for (const collection of collections) await this.db.collection(generationCollection(collection, generation)).drop();
  }

  private async requireProjection(name: string): Promise<ProjectionDoc> {
    checkProjectionName(name);
    const p = await this.projections.findOne({ _id: name });
    if (!p) throw unknownProjection(name);
    return p;
  }

  async ensureIndexes(indexes: IndexSpec[]): Promise<void> {
    checkIndexes(indexes);
    for (const { collection, fields } of indexes) {
      await this.declarations.updateOne({ _id: collection }, { $addToSet: { indexes: fields } }, { upsert: true });
      for (const target of await this.physicalCollections(collection)) await this.db.collection(target).createIndex(indexKey(fields));
    }
  }

  async retireIndexes(collections: string[], keep: IndexSpec[]): Promise<IndexSpec[]> {
    collections.forEach(checkCollectionName);
    checkIndexes(keep);
    const retired: IndexSpec[] = [];
    for (const collection of collections) {
      const gone = notKept(collection, (await this.declarations.findOne({ _id: collection }))?.indexes ?? [], keep);
      if (gone.length === 0) continue;
      // Undeclared first, so a generation begun meanwhile is not given them; declared again if a drop
      // fails, so that a retry still sees what is left to drop.
      await this.declarations.updateOne({ _id: collection }, { $pullAll: { indexes: gone } });
      try {
        for (const target of await this.physicalCollections(collection)) {
          for (const fields of gone) await this.dropIndexIfPresent(target, fields);
        }
      } catch (error) {
        await this.declarations.updateOne({ _id: collection }, { $addToSet: { indexes: { $each: gone } } });
        throw error;
      }
      retired.push(...gone.map((fields) => ({ collection, fields })));
    }
    return retired;
  }

  private get declarations(): Collection<{ _id: string; indexes: string[][] }> {
    return this.db.collection<{ _id: string; indexes: string[][] }>(INDEXES);
  }

  /** The collections a logical collection lives in now: its active and building generations, or itself when plain. */
  private async physicalCollections(collection: string): Promise<string[]> {
    const owner = await this.projections.findOne({ collections: collection });
    if (!owner) return [collection];
    return [owner.active, ...(owner.building !== null ? [owner.building] : [])].map((g) => generationCollection(collection, g));
  }

  /** By key pattern (the name MongoDB gave it is not ours); a collection never written, or an index already gone, is fine. */
  private async dropIndexIfPresent(target: string, fields: string[]): Promise<void> {
    try {
      await this.db.command({ dropIndexes: target, index: indexKey(fields) });
    } catch (error) {
      if (!(error instanceof MongoServerError && (error.code === INDEX_NOT_FOUND || error.code === NAMESPACE_NOT_FOUND))) throw error;
    }
  }

  /** A new generation gets the indexes declared for its collections before anything is written to it. */
  private async createDeclaredIndexes(collections: string[], generation: number): Promise<void> {
    const declared = await this.declarations.find({ _id: { $in: collections } }).toArray();
    for (const { _id, indexes } of declared) {
      for (const fields of indexes) await this.db.collection(generationCollection(_id, generation)).createIndex(indexKey(fields));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Applying ops

  private async applyPlain(groups: OpGroup[], session?: ClientSession): Promise<void> {
    for (const group of groups) {
      const models = group.ops.map(({ op }) => plainModel(op));
      await this.db.collection<Doc>(group.collection).bulkWrite(models, { ordered: true, session });
    }
  }

  /**
   * Standalone mode: guarded writes, in order. A duplicate key stops an ordered bulk at that op; when
   * the document already carries the op's stamp or a later one, the op was applied before (by an
   * earlier attempt of this batch) and the bulk resumes after it.
   */
  private async applyGuarded(group: OpGroup): Promise<void> {
    const target = this.db.collection<Doc>(group.collection);
    let from = 0;
    while (from < group.ops.length) {
      const rest = group.ops.slice(from);
      try {
        await target.bulkWrite(rest.map(guardedModel), { ordered: true });
        return;
      } catch (error) {
        const failed = duplicateKeyIndex(error);
        if (failed === undefined || !(await this.wasApplied(target, rest[failed]))) throw error;
        from += failed + 1;
      }
    }
  }

  private async wasApplied(target: Collection<Doc>, stamped: StampedOp): Promise<boolean> {
    const id = opId(stamped.op);
    if (id === undefined) return false;
    return (await target.countDocuments({ _id: id, ...alreadyApplied(stamped) } as MongoFilter<Doc>, { limit: 1 })) > 0;
  }

  private async inTransaction(fn: (session: ClientSession) => Promise<void>): Promise<void> {
    const session = this.client.startSession();
    try {
      await session.withTransaction(() => fn(session));
    } finally {
      await session.endSession();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Plain collections and leases

  async write(ops: WriteOp[]): Promise<void> {
    checkOps(ops);
    if (ops.length === 0) return;
    await this.checkPlain(ops.map((op) => op.collection));
    const groups = groupOps(ops, 0, (collection) => collection);
    if (this.transactional) await this.inTransaction((session) => this.applyPlain(groups, session));
    else await this.applyPlain(groups); // no transactions: in order, stopping at the first failure
  }

  async insertIfAbsent(collection: string, doc: Doc): Promise<boolean> {
    checkCollectionName(collection);
    checkDoc(doc);
    await this.checkPlain([collection]);
    try {
      await this.db.collection<Doc>(collection).insertOne({ ...doc });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async checkPlain(collections: string[]): Promise<void> {
    const names = [...new Set(collections)];
    const owner = await this.projections.findOne({ collections: { $in: names } });
    if (owner) throw ownedByProjection(owner.collections.find((c) => names.includes(c)) ?? names[0], owner._id);
  }

  /**
   * Takes the lease when it is free, expired or already ours. When someone else holds it, the filter
   * misses and the upsert collides with the existing `_id`: a duplicate key means "not acquired".
   */
  async acquireLease(name: string, owner: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
    if (!(ttlMs > 0)) throw new Error('Lease ttlMs must be positive');
    try {
      const lease = await this.leases.findOneAndUpdate(
        { _id: name, $or: [{ owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return lease?.owner === owner;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.leases.deleteOne({ _id: name, owner });
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

const indexKey = (fields: string[]): Record<string, 1> => Object.fromEntries(fields.map((f) => [f, 1 as const]));

function checkCommitTarget(batch: CommitBatch, p: ProjectionDoc): void {
  const stored = checkpointOf(p, batch.generation);
  if ((batch.generation !== p.active && batch.generation !== p.building) || stored === undefined) {
    throw new StaleGenerationError(batch.projection, batch.generation);
  }
  if (stored !== batch.expectedCheckpoint) throw new CheckpointConflictError(batch.projection, batch.expectedCheckpoint, stored);
}
