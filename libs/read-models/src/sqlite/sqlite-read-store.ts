/**
 * The embedded read store: one SQLite file (better-sqlite3, WAL) holding JSON documents, queried and
 * updated with MongoDB semantics through mingo. better-sqlite3 is synchronous, so every method runs to
 * completion in one go; a commit writes in one BEGIN IMMEDIATE transaction, which also serialises
 * writers from other processes on the same file (e.g. a CLI rebuild next to the API); a rebuild's batch
 * applies its ops just before it (see commitRebuildBatch).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { startBackgroundCheckpoints, type WalCheckpointer, type WalCheckpointerOptions } from '@cl/event-store/sqlite/wal-checkpointer';
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
import { BatchWriter } from './batch-writer';
import { CommitGroup } from './commit-group';
import { DocTables } from './doc-tables';
import { columnValues, computedOrder, countSql, filterPlan, indexedOrder, newlyMixed, pinnedToOne, unionPageSql, type Plan } from './indexes';
import { compileFilter, sortDocs, type CompiledFilter } from './mongo-semantics';
import { prepareSystemStatements, SYSTEM_SCHEMA, type DocStatements, type ProjectionRow, type SystemStatements } from './schema';

export { DuplicateKeyError, UpdateError } from './mongo-semantics';

export interface SqliteReadStoreOptions {
  /** How long a writer waits for another process's transaction before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Checkpoint the WAL from a worker thread instead of inside commits (see wal-checkpointer.ts). */
  backgroundCheckpoints?: WalCheckpointerOptions;
}

/** The page size a new read-model file is created with (must precede WAL mode: it cannot change after). */
export const READ_STORE_PAGE_SIZE = 16_384;

/** What the declared indexes can do for a filter (and sort): narrow it, answer it exactly, order it, page it branch by branch. */
interface Indexed {
  plan?: Plan;
  exact: boolean;
  order?: string;
  /** An exact `$or` page in a computed order: its SQL for a page size, and its parameters before the OFFSET. */
  union?: { sql: (limit: number) => string; params: unknown[] };
}

export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly sys: SystemStatements;
  private readonly tables: DocTables;
  private readonly snapshot: Database.Transaction<(fn: () => unknown) => unknown>;
  private readonly checkpointer?: WalCheckpointer;
  private readonly commits: CommitGroup<CommitBatch>;

  constructor(file: string, options: SqliteReadStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    try {
      // A new file gets 16 KB pages (an existing one keeps its own): each bulk index build at activation
      // reads the whole table, and a 1M rebuild's `sales` table took about half as long to index (see docs/benchmarks.md).
      this.db.pragma(`page_size = ${READ_STORE_PAGE_SIZE}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Deleted bytes are overwritten, so a shredded personal-data key does not linger in free pages.
      this.db.pragma('secure_delete = ON');
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      // SQLite's sorter may merge on a helper thread: the bulk index builds of a 1M rebuild took 13–15% less time.
      this.db.pragma('threads = 2');
      this.db.exec(SYSTEM_SCHEMA);
      this.sys = prepareSystemStatements(this.db);
    } catch (error) {
      this.db.close(); // a damaged file: closing removes the -wal/-shm the attempt created, nothing is left behind
      throw error;
    }
    this.tables = new DocTables(this.db, this.sys);
    this.commits = new CommitGroup<CommitBatch>((fn) => this.tables.transaction(fn), (batch) => this.applyCommit(batch));
    this.snapshot = this.db.transaction((fn: () => unknown) => fn());
    if (options.backgroundCheckpoints) this.checkpointer = startBackgroundCheckpoints(this.db, options.backgroundCheckpoints);
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  async findOne<T extends Doc = Doc>(collection: string, filter: Filter): Promise<T | null> {
    const found = this.read(collection, (source) => this.matchStored(source, filter, 1), []);
    return (found[0] ?? null) as T | null;
  }

  async find<T extends Doc = Doc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const skip = options.skip ?? 0;
    const limit = options.limit ? options.limit : Infinity; // 0 means no limit, as in MongoDB
    if (!Number.isInteger(skip) || skip < 0 || !(limit === Infinity || Number.isInteger(limit)) || limit < 0) {
      throw new Error('skip and limit must be non-negative integers'); // on every path: SQL's and the one that filters in JS
    }
    const sort = options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined;
    return this.read(
      collection,
      (source) => {
        const indexed = compileFilter(filter).ids ? undefined : this.indexed(source, filter, sort);
        // SQL answers the filter exactly and yields the order asked for: it skips and limits too, unparsed.
        if (indexed?.exact && (indexed.order || !sort)) {
          const [docs, params] = indexed.union
            ? [this.tables.docsOf(indexed.union.sql(limit)), indexed.union.params]
            : [this.tables.selectDocs(source.table, indexed.plan, indexed.order, limit), indexed.plan?.params ?? []];
          return docs.all(...params, skip).map((doc) => JSON.parse(doc) as T);
        }
        // An index that serves the sort reads rows already ordered: no need to read past the page.
        const order = indexed?.order;
        const docs = this.matchStored(source, filter, sort && !order ? Infinity : skip + limit, indexed);
        const ordered = sort && !order ? sortDocs(docs, sort) : docs;
        return ordered.slice(skip, skip + limit) as T[];
      },
      [],
    );
  }

  async count(collection: string, filter: Filter): Promise<number> {
    return this.read(
      collection,
      (source) => {
        const indexed = compileFilter(filter).ids ? undefined : this.indexed(source, filter);
        if (indexed?.exact && !indexed.plan) return source.statements.count.get()!;
        if (indexed?.exact && indexed.plan) return this.tables.select<{ n: number }>(countSql(source.table, indexed.plan)).get(...indexed.plan.params)!.n;
        return this.matchStored(source, filter, Infinity, indexed).length;
      },
      0,
    );
  }

  private indexed(source: Source, filter: Filter, sort?: Record<string, 1 | -1>): Indexed {
    const indexes = this.tables.indexesOf(source.table);
    const plan = filterPlan(filter, indexes);
    const exact = Object.keys(filter).length === 0 || plan?.exact === true;
    if (!sort) return { plan, exact };
    const served = indexedOrder(sort, indexes, pinnedToOne(filter));
    if (served) return { plan, exact, order: served };
    // A sort computed by SQLite only where SQL also filters and pages (see computedOrder); an `$or` page branch by branch (see unionPageSql).
    const order = exact ? computedOrder(sort, indexes) : undefined;
    const branches = order && plan?.union && plan.union.length > 1 ? plan.union : undefined;
    const union = branches && {
      sql: (limit: number) => unionPageSql(source.table, branches, sort, limit, indexes[0]?.stored),
      params: branches.flatMap((b) => b.params),
    };
    return { plan, exact, order, union };
  }

  /**
   * Resolves the physical table and reads it in one read transaction (one WAL snapshot), so a
   * generation swap by another process between the two steps cannot be observed half-way.
   */
  private read<R>(collection: string, fn: (source: Source) => R, whenMissing: R): R {
    checkCollectionName(collection);
    return this.snapshot.deferred(() => {
      const owner = this.sys.owner.get(collection);
      const table = owner ? generationCollection(collection, owner.active) : collection;
      const statements = this.tables.existing(table);
      return statements ? fn({ table, statements }) : whenMissing;
    }) as R;
  }

  /**
   * Documents of a table matching a filter, in natural order (or the narrowing's order), stopping after
   * `max`. find and count pass the narrowing they planned; findOne's is planned here.
   */
  private matchStored({ table, statements }: Source, filter: Filter, max: number, narrowing?: { plan?: Plan; order?: string }): Doc[] {
    const compiled = compileFilter(filter);
    if (compiled.ids || max <= 0) return matchByIds(statements, compiled, max);
    const { plan, order } = narrowing ?? { plan: filterPlan(filter, this.tables.indexesOf(table)) };
    const rows = plan || order ? this.tables.selectRows(table, plan, order).iterate(...(plan?.params ?? [])) : statements.scan.iterate();
    const out: Doc[] = [];
    for (const row of rows) {
      const doc = JSON.parse(row.doc) as Doc;
      if (compiled.test(doc) && out.push(doc) >= max) {
        rows.return?.();
        break;
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Projections

  async registerProjection(name: string, collections: string[]): Promise<void> {
    checkProjectionName(name);
    collections.forEach(checkCollectionName);
    this.tables.transaction(() => {
      if (this.sys.createProjection.run(name).changes > 0) this.sys.setCheckpoint.run({ name, generation: 1, checkpoint: 0 });
      for (const collection of collections) {
        const owner = this.sys.owner.get(collection)?.projection;
        if (owner === undefined) this.sys.claimCollection.run(collection, name);
        else if (owner !== name) throw new Error(`Collection '${collection}' is already owned by projection ${owner}`);
      }
    });
  }

  async status(name: string): Promise<ProjectionStatus> {
    return this.snapshot.deferred(() => {
      const row = this.requireProjection(name);
      return projectionStatus(name, row.active, row.building, (generation) => this.sys.checkpoint.get(name, generation) ?? 0);
    }) as ProjectionStatus;
  }

  /**
   * Live batches are grouped with the other commits of the same event-loop turn (see commit-group.ts).
   * A rebuild's batch (and an activation) is written alone, after what was committed before it.
   */
  async commit(batch: CommitBatch): Promise<void> {
    checkBatch(batch);
    checkOps(batch.ops);
    const rebuilding = this.sys.projection.get(batch.projection)?.building === batch.generation;
    if (!rebuilding && !batch.activate) return this.commits.add(batch);
    this.commits.flush();
    if (rebuilding) return this.commitRebuildBatch(batch);
    this.tables.transaction(() => this.applyCommit(batch));
  }

  /**
   * A generation being rebuilt has one writer, so its batch is applied before the write lock is taken:
   * documents read, ops applied, JSON written out; the transaction then only writes the rows, so another
   * writer of the file (the API's live projector next to a CLI rebuild) waits for those writes alone. A
   * writer of this generation that raced in anyway moved the checkpoint: the compare-and-set inside the
   * transaction rejects this batch, and nothing of it is written. The batch is applied under the lock
   * after all where a table must be created first (so that a generation dropped meanwhile leaves no
   * table behind), or where another process declared an index since (its documents were not judged
   * plain or mixed for it).
   */
  private commitRebuildBatch(batch: CommitBatch): void {
    this.checkCommitTarget(batch); // fail before the work
    const applied = this.applyBeforeLock(batch);
    if (batch.activate) this.buildDeferredIndexes(batch);
    this.tables.transaction(() => {
      const building = this.checkCommitTarget(batch);
      this.writeCommit(batch, applied && !applied.indexesChanged() ? applied : this.applyOps(batch, building));
    });
  }

  /** The batch applied to tables that exist; undefined when it writes one not created yet. */
  private applyBeforeLock(batch: CommitBatch): BatchWriter | undefined {
    try {
      return this.applyOps(batch, true, true);
    } catch (error) {
      if (error instanceof TableNotCreated) return undefined;
      this.checkCommitTarget(batch); // a generation dropped meanwhile is stale, not a missing table
      throw error;
    }
  }

  private applyCommit(batch: CommitBatch): void {
    const building = this.checkCommitTarget(batch);
    this.writeCommit(batch, this.applyOps(batch, building));
  }

  /** The batch's ops applied to its generation's documents, not yet written (BatchWriter.flush). */
  private applyOps({ projection, generation, ops }: CommitBatch, building: boolean, existingTablesOnly = false): BatchWriter {
    const owned = new Set(this.sys.ownedCollections.all(projection));
    const writer = new BatchWriter((collection) => {
      if (!owned.has(collection)) throw notOwned(projection, collection);
      const table = generationCollection(collection, generation);
      if (!existingTablesOnly) return this.target(table, building);
      const statements = this.tables.existing(table);
      if (!statements) throw new TableNotCreated();
      return { table, statements };
    }, this.tables);
    writer.applyAll(ops);
    return writer;
  }

  private writeCommit({ projection, generation, checkpoint, activate }: CommitBatch, writer: BatchWriter): void {
    writer.flush();
    this.sys.setCheckpoint.run({ name: projection, generation, checkpoint });
    if (activate) {
      for (const table of this.generationTables(projection, generation)) this.tables.buildDeferred(table); // tables the last batch created
      this.sys.activate.run({ name: projection, generation });
    }
  }

  /**
   * Generation check, then the checkpoint compare-and-set: nothing is written when either fails.
   * Returns whether the batch fills a generation being rebuilt (its tables then defer their indexes).
   */
  private checkCommitTarget(batch: CommitBatch): boolean {
    const row = this.requireProjection(batch.projection);
    const stored = this.sys.checkpoint.get(batch.projection, batch.generation);
    if ((batch.generation !== row.active && batch.generation !== row.building) || stored === undefined) {
      throw new StaleGenerationError(batch.projection, batch.generation);
    }
    if (stored !== batch.expectedCheckpoint) throw new CheckpointConflictError(batch.projection, batch.expectedCheckpoint, stored);
    return batch.generation === row.building && batch.generation !== row.active;
  }

  /**
   * A rebuilt generation gets its deferred indexes before it is activated, one index per transaction,
   * so no single transaction holds the write lock for all of them (a million-row table takes seconds).
   * Building early is harmless if the activating commit then fails: the index is kept up to date from then on.
   */
  private buildDeferredIndexes({ projection, generation }: CommitBatch): void {
    if (this.sys.projection.get(projection)?.building !== generation) return;
    for (const table of this.generationTables(projection, generation)) {
      for (const index of this.tables.indexesOf(table).filter((i) => i.deferred)) {
        const key = JSON.stringify(index.fields);
        this.tables.transaction(() => this.tables.buildDeferred(table, (i) => JSON.stringify(i.fields) === key));
      }
    }
  }

  /** The existing tables of a projection's generation. */
  private generationTables(projection: string, generation: number): string[] {
    return this.sys.ownedCollections
      .all(projection)
      .map((collection) => generationCollection(collection, generation))
      .filter((table) => this.tables.existing(table) !== undefined);
  }

  async beginRebuild(name: string): Promise<number> {
    return this.tables.transaction(() => {
      const row = this.requireProjection(name);
      if (row.building !== null) this.dropGenerationTables(name, row.building);
      // Numbers are never reused: another process may still hold statements for an older table.
      const generation = row.last + 1;
      this.sys.startBuilding.run({ name, generation });
      this.sys.setCheckpoint.run({ name, generation, checkpoint: 0 });
      return generation;
    });
  }

  async dropGeneration(name: string, generation: number): Promise<void> {
    this.tables.transaction(() => {
      const row = this.requireProjection(name);
      if (generation === row.active) throw new Error(`Projection ${name}: cannot drop the active generation ${generation}`);
      if (generation === row.building) this.sys.clearBuilding.run(name);
      this.dropGenerationTables(name, generation);
    });
  }

  private dropGenerationTables(name: string, generation: number): void {
    for (const collection of this.sys.ownedCollections.all(name)) this.tables.drop(generationCollection(collection, generation));
    this.sys.deleteCheckpoint.run(name, generation);
  }

  private requireProjection(name: string): ProjectionRow {
    const row = this.sys.projection.get(name);
    if (!row) throw unknownProjection(name);
    return row;
  }

  async ensureIndexes(indexes: IndexSpec[]): Promise<void> {
    checkIndexes(indexes);
    if (indexes.length === 0) return;
    this.tables.transaction(() => {
      for (const { collection, fields } of indexes) {
        this.sys.declareIndex.run(collection, JSON.stringify(fields));
        for (const table of this.physicalTables(collection)) this.tables.addIndex(table, fields);
      }
    });
  }

  async retireIndexes(collections: string[], keep: IndexSpec[]): Promise<IndexSpec[]> {
    collections.forEach(checkCollectionName);
    checkIndexes(keep);
    return this.tables.transaction(() =>
      collections.flatMap((collection) => {
        const retired = notKept(collection, this.sys.declaredIndexes.all(collection).map((f) => JSON.parse(f) as string[]), keep);
        for (const fields of retired) {
          this.sys.retireIndex.run(collection, JSON.stringify(fields));
          for (const table of this.physicalTables(collection)) if (this.tables.existing(table)) this.tables.dropIndex(table, fields);
        }
        return retired.map((fields) => ({ collection, fields }));
      }),
    );
  }

  /** The tables a collection lives in now: its active and building generations, or itself when plain. */
  private physicalTables(collection: string): string[] {
    const owner = this.sys.owner.get(collection);
    if (!owner) return [collection];
    const row = this.requireProjection(owner.projection);
    return [row.active, ...(row.building !== null ? [row.building] : [])].map((g) => generationCollection(collection, g));
  }

  // -------------------------------------------------------------------------------------------
  // Plain collections and leases

  async write(ops: WriteOp[]): Promise<void> {
    checkOps(ops);
    if (ops.length === 0) return;
    this.tables.transaction(() => {
      const writer = new BatchWriter((collection) => this.target(this.plainTable(collection)), this.tables);
      writer.applyAll(ops);
      writer.flush();
    });
  }

  async insertIfAbsent(collection: string, doc: Doc): Promise<boolean> {
    checkCollectionName(collection);
    checkDoc(doc);
    return this.tables.transaction(() => {
      const table = this.plainTable(collection);
      const statements = this.tables.ensure(table);
      const inserted = statements.insertIfAbsent.run(doc._id, JSON.stringify(doc), ...columnValues(doc, statements.columns)).changes === 1;
      if (inserted) for (const index of newlyMixed(doc, this.tables.indexesOf(table))) this.tables.markMixed(table, index.fields);
      return inserted;
    });
  }

  private target(table: string, deferIndexes = false): { table: string; statements: DocStatements } {
    return { table, statements: this.tables.ensure(table, deferIndexes) };
  }

  private plainTable(collection: string): string {
    const owner = this.sys.owner.get(collection);
    if (owner) throw ownedByProjection(collection, owner.projection);
    return collection;
  }

  async acquireLease(name: string, owner: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
    if (!(ttlMs > 0)) throw new Error('Lease ttlMs must be positive');
    const at = now.getTime();
    return this.sys.takeLease.run({ name, owner, expiresAt: at + ttlMs, now: at }).changes === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.sys.releaseLease.run(name, owner);
  }

  async ping(): Promise<void> {
    this.sys.ping.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.commits.flush(); // commits already accepted are written, not dropped
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

/** A rebuild batch's table does not exist yet: it is created, and the batch applied, under the write lock. */
class TableNotCreated extends Error {}

interface Source {
  table: string;
  statements: DocStatements;
}

/** Primary key lookups, in the order the ids were given. */
function matchByIds(statements: DocStatements, filter: CompiledFilter, max: number): Doc[] {
  const out: Doc[] = [];
  if (max <= 0) return out;
  for (const id of filter.ids ?? []) {
    const json = statements.get.get(id);
    if (json === undefined) continue;
    const doc = JSON.parse(json) as Doc;
    if (filter.test(doc) && out.push(doc) >= max) break;
  }
  return out;
}
