import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { passesFilter } from '../all-filter';
import { WrongExpectedRevisionError } from '../errors';
import type {
  AllFilter,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { EVENT_LOG_SCHEMA, INSERT_EVENT_SQL, LAST_REVISION_SQL, type EventRow } from './schema';
import { pollingSubscription, type AppendSignal } from './polling-subscription';
import { fromSqliteError } from './data-files';
import { startBackgroundCheckpoints, type WalCheckpointer, type WalCheckpointerOptions } from './wal-checkpointer';
import { byDataVersion, byLogTail, StreamHeads } from './stream-heads';
import { StatementCache } from './statement-cache';
import { AppendThread, type AppendThreadOptions } from './append-thread';

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events appended by another process. */
  pollIntervalMs?: number;
  /**
   * FULL (default): an acknowledged append survives a power loss or OS crash (one fsync per commit).
   * NORMAL: faster; survives a process crash, but the last commits can be lost with the machine.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** Checkpoint the WAL from a worker thread instead of inside commits (see wal-checkpointer.ts). */
  backgroundCheckpoints?: WalCheckpointerOptions;
  /**
   * Wake live subscriptions as soon as another process writes the log (a watch on the data directory
   * for writes to the file's WAL) rather than at the next poll. For a process that follows what others
   * append, as the separate projector does: the 50 ms poll was half of its lag. The poll stays, so a
   * watch that fails or misses a write only costs that delay.
   */
  watchOtherWriters?: boolean;
  /**
   * Write appends from a worker thread with its own connection (append-thread.ts), so that neither
   * the INSERTs nor the COMMIT's fsync hold up the caller's thread; the appends of one turn of the
   * event loop, and those that arrive while a commit waits for the disk, share one commit. For a file
   * only; the API runs it so.
   */
  appendThread?: boolean;
  /** Tests only: SQL run on the append thread's connection once it is open (see AppendThreadOptions). */
  appendThreadSetupSql?: string;
}

/**
 * A write seen on the WAL wakes the subscriptions this long after, once for all the writes meanwhile:
 * woken at every commit (several hundred a second under load), the separate projector applied batches
 * of a few events, and at 1,000 sales/s two of three runs fell behind (docs/benchmarks.md, 2026-11-29).
 */
const WATCH_COALESCE_MS = 10;

/** Events a subscription reads at a time. */
const SUBSCRIPTION_PAGE = 500;

/** A stream's events from a revision on, and back from one (`select` adds the count). */
const FORWARDS_SQL = 'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision';
const BACKWARDS_SQL = 'SELECT * FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC';

/** Reads' statements kept prepared at most: counts come from callers (the feed's `limit`), so texts vary. */
const MAX_CACHED_STATEMENTS = 256;

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous; each append is one
 * transaction, or, with `appendThread`, a savepoint in a group the writer thread commits together.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly stmts;
  private readonly pollIntervalMs: number;
  private closed = false;
  private readonly checkpointer?: WalCheckpointer;
  private readonly heads: StreamHeads;
  private readonly watchOtherWriters: boolean;
  private watcher?: FSWatcher;
  private wakeTimer?: NodeJS.Timeout;
  /** Set with `appendThread`: how to start the writer, at the first append (a process that only reads never starts one). */
  private readonly threadOptions?: AppendThreadOptions;
  private thread?: AppendThread;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = openLog(file, options.synchronous);
    if (options.backgroundCheckpoints) this.checkpointer = startBackgroundCheckpoints(this.db, options.backgroundCheckpoints);
    if (options.appendThread && file !== ':memory:') {
      this.threadOptions = {
        synchronous: options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL',
        // The writer's connection is the one whose commits fill the WAL: the backstop goes with it.
        autocheckpointPages: this.checkpointer ? (this.db.pragma('wal_autocheckpoint', { simple: true }) as number) : undefined,
        setupSql: options.appendThreadSetupSql,
      };
    }
    this.appended.setMaxListeners(0);
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.watchOtherWriters = options.watchOtherWriters === true && file !== ':memory:';
    this.stmts = {
      lastRevision: this.db.prepare<[string], { revision: number }>(LAST_REVISION_SQL),
      insert: this.db.prepare(INSERT_EVENT_SQL),
      head: this.db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
    };
    // With the append thread every append is another connection's commit: the log's tail says which.
    const dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.heads = new StreamHeads(this.threadOptions ? byLogTail(this.db) : byDataVersion(() => dataVersion.get()!));
    this.appendTransaction = this.db.transaction(this.appendTx);
  }

  /**
   * Exposed for benchmarks and the audit tooling; not part of the port. Append only through the
   * adapter: an event inserted on this connection behind its back is not in the known stream ends.
   */
  get database(): Database.Database {
    return this.db;
  }

  async appendToStream(stream: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    if (this.threadOptions) return this.appendOnThread(this.threadOptions, stream, events, options.expectedRevision ?? 'any');
    const result = this.appendSync(stream, events, options.expectedRevision ?? 'any');
    this.signalAppend(stream, events);
    return result;
  }

  private async appendOnThread(options: AppendThreadOptions, stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new Error('the event store is closed');
    // A writer that died (its appends in flight were refused, their outcome unknown) is replaced.
    if (!this.thread || this.thread.stopped) this.thread = new AppendThread(this.db.name, options);
    const { position, revision } = await this.thread.append(stream, events, expected);
    this.heads.appended(stream, revision, position);
    this.signalAppend(stream, events);
    return { nextExpectedRevision: revision, position };
  }

  private signalAppend(stream: string, events: NewEvent[]): void {
    const signal: AppendSignal = { stream, types: events.map((e) => e.type) };
    this.appended.emit('append', signal);
  }

  private readonly appendTx = (stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult => {
    const current = this.stmts.lastRevision.get(stream)?.revision ?? null;
    checkExpected(stream, expected, current);
    let revision = current ?? -1;
    let position = 0;
    for (const e of events) {
      revision += 1;
      const info = this.stmts.insert.run(
        e.id, stream, revision, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata),
      );
      position = Number(info.lastInsertRowid);
    }
    this.heads.appended(stream, revision);
    return { nextExpectedRevision: revision, position };
  };

  private readonly appendTransaction: Database.Transaction<typeof this.appendTx>;
  /** Reads' statements by their SQL (one per filter shape and count): preparing one per read cost more than the read. */
  private readonly statements = new StatementCache<Database.Statement<unknown[], EventRow>>(MAX_CACHED_STATEMENTS);

  private appendSync(stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult {
    // IMMEDIATE takes the write lock before reading the revision, so the check and the insert are one step.
    return this.appendTransaction.immediate(stream, events, expected);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount;
    if (options.direction === 'backwards') {
      return this.select(BACKWARDS_SQL, [stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER], limit).map(toRecorded);
    }
    const from = options.fromRevision ?? 0;
    if (!Number.isInteger(from)) return this.select(FORWARDS_SQL, [stream, from], limit).map(toRecorded); // bounds count whole revisions
    if (this.heads.nothingFrom(stream, from)) return [];
    const rows = this.select(FORWARDS_SQL, [stream, from], limit);
    if (limit === undefined || limit < 0 || rows.length < limit) this.heads.readToEnd(stream, from, rows.at(-1)?.revision);
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options).map(toRecorded);
  }

  private readAllSync({ after = 0, maxCount = 1000, filter }: ReadAllOptions): EventRow[] {
    const { where, params } = filterSql(filter);
    return this.select(`SELECT * FROM events WHERE position > ?${where} ORDER BY position`, [after, ...params], maxCount);
  }

  /**
   * Runs `sql` with `maxCount` as its LIMIT, written into the text rather than bound: a bound LIMIT made
   * SQLite (3.53 with STAT4, as better-sqlite3 builds it) compile the statement again at every run —
   * 4–7 µs more for these reads, 65 µs instead of 6.5 for one that takes ~130 µs to compile (docs/benchmarks.md).
   * A negative count means no limit, as in SQLite; one that is not a safe integer stays bound.
   */
  private select(sql: string, params: unknown[], maxCount: number | undefined): EventRow[] {
    if (maxCount === undefined || (Number.isSafeInteger(maxCount) && maxCount < 0)) return this.statement(sql).all(...params);
    if (Number.isSafeInteger(maxCount)) return this.statement(`${sql} LIMIT ${maxCount}`).all(...params);
    return this.statement(`${sql} LIMIT ?`).all(...params, maxCount);
  }

  private statement(sql: string): Database.Statement<unknown[], EventRow> {
    return this.statements.get(sql, (text) => this.db.prepare<unknown[], EventRow>(text));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    if (this.watchOtherWriters) this.watchLog();
    return pollingSubscription({
      after: options.after ?? 0,
      readBatch: (after) => this.readAll({ after, maxCount: SUBSCRIPTION_PAGE, filter: options.filter }),
      pageSize: SUBSCRIPTION_PAGE,
      signal: this.appended,
      pollIntervalMs: this.pollIntervalMs,
      // filterSql's condition, checked on what an append signals.
      mayMatch: options.filter && ((stream, types) => types.some((type) => passesFilter(options.filter!, stream, type))),
    });
  }

  async headPosition(): Promise<number> {
    return this.stmts.head.get()?.position ?? 0;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /**
   * Every commit, from any connection, writes the WAL: a write to it wakes the subscriptions waiting
   * for more (a busy one reads on anyway). The directory is watched, not the file, since the WAL is
   * deleted when the last connection closes and made again by the next.
   */
  private watchLog(): void {
    if (this.watcher || this.closed) return;
    const wal = `${basename(this.db.name)}-wal`;
    // A commit is visible only after its frames are written (and, under FULL, synced): a wake-up due
    // before that finds nothing, so writes seen while one is pending bring one more wake-up after it.
    let writtenSince = false;
    const wake = () => {
      this.wakeTimer = undefined;
      this.appended.emit('append');
      if (writtenSince) {
        writtenSince = false;
        this.wakeTimer = setTimeout(wake, WATCH_COALESCE_MS);
      }
    };
    try {
      this.watcher = watch(dirname(this.db.name), { persistent: false }, (_event, name) => {
        if (name !== wal) return;
        if (this.wakeTimer) writtenSince = true;
        else this.wakeTimer = setTimeout(wake, WATCH_COALESCE_MS);
      });
      this.watcher.on('error', () => this.stopWatching()); // the poll remains
    } catch {
      // no file watching here (e.g. out of inotify watches): the poll remains
    }
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = undefined;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined; // a watch started again must be able to schedule its wake-ups
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopWatching();
    this.appended.emit('close');
    await this.thread?.close(); // the appends in flight are answered first
    await this.checkpointer?.stop();
    this.db.close();
  }
}

/** Opens (or creates) the log; a damaged, full or read-only file fails with an error naming it. */
function openLog(file: string, synchronous: SqliteEventStoreOptions['synchronous']): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('busy_timeout = 5000');
    db.exec(EVENT_LOG_SCHEMA);
    return db;
  } catch (error) {
    db?.close();
    throw file === ':memory:' ? error : fromSqliteError(file, error);
  }
}

function checkExpected(stream: string, expected: ExpectedRevision, current: number | null): void {
  const actual = current ?? 'no_stream';
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'number' && current === expected);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, actual);
}

function filterSql(filter: AllFilter | undefined): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter?.eventTypes?.length) {
    clauses.push(`type IN (${filter.eventTypes.map(() => '?').join(',')})`);
    params.push(...filter.eventTypes);
  }
  if (filter?.streamPrefixes?.length) {
    // substr comparison instead of LIKE: prefixes may contain % or _.
    clauses.push(`(${filter.streamPrefixes.map(() => 'substr(stream, 1, ?) = ?').join(' OR ')})`);
    for (const p of filter.streamPrefixes) params.push(p.length, p);
  }
  return { where: clauses.map((c) => ` AND ${c}`).join(''), params };
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  };
}
