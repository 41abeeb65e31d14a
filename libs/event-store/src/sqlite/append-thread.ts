/**
 * Appends to the embedded log from a thread of their own. better-sqlite3 is synchronous: on the thread
 * that answers HTTP, every append's INSERTs and its COMMIT — an fsync under synchronous=FULL — held up
 * every other request meanwhile. At 1,000 sales/s that was about a fifth of the API's main thread, and
 * each of the disk's occasional slow fsyncs (tens to hundreds of ms here) froze the whole process.
 * Here a worker thread with its own connection writes; the caller's thread only posts the appends and
 * is told the outcome.
 *
 * Group commit: the appends posted in one turn of the caller's event loop travel together, and the
 * worker writes everything that has arrived when it is free — while a COMMIT waits for the disk, the
 * next group gathers — in one transaction, each append in its own savepoint with its own
 * expected-revision check, so a refused append does not affect the others.
 *
 * Nothing is acknowledged before the COMMIT returned (fsynced under FULL): if it fails, every append of
 * the group is refused and none of it is in the log. The revision check runs under the write lock, as
 * it did on the caller's connection. If the worker dies, what it had not answered is refused with an
 * error (its outcome unknown, as after a timeout: SQLite committed all of a group or none of it).
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision, NewEvent } from '../port';
import { INSERT_EVENT_SQL, LAST_REVISION_SQL } from './schema';

export interface AppendThreadOptions {
  synchronous: 'FULL' | 'NORMAL';
  /** The writer connection's automatic checkpoint (pages); SQLite's default when not given. */
  autocheckpointPages?: number;
  /** SQL run on the writer's connection once it is open: for tests that need a setting only that connection has. */
  setupSql?: string;
}

/** One append as the worker receives it: the events' JSON is made on the caller's thread. */
interface PostedAppend {
  id: number;
  stream: string;
  expected: ExpectedRevision;
  /** id, type, schema version, data JSON, metadata JSON. */
  rows: Array<[string, string, number, string, string]>;
}

type Outcome =
  | { id: number; position: number; revision: number }
  | { id: number; conflict: number | null }
  | { id: number; error: { message: string; code?: string } };

interface Pending {
  stream: string;
  expected: ExpectedRevision;
  resolve: (appended: { position: number; revision: number }) => void;
  reject: (error: unknown) => void;
}

/** An error the worker's SQLite raised, with its code (e.g. SQLITE_FULL). */
export class AppendThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AppendThreadError';
  }
}

// Plain JavaScript, evaluated in the worker: no TypeScript loader there.
const WORKER_SOURCE = `
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const port = workerData.port;
const describe = (e) => ({ message: String((e && e.message) || e), code: e && typeof e.code === 'string' ? e.code : undefined });
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = ' + workerData.synchronous);
  db.pragma('busy_timeout = 5000');
  if (workerData.autocheckpointPages) db.pragma('wal_autocheckpoint = ' + workerData.autocheckpointPages);
  if (workerData.setupSql) db.exec(workerData.setupSql);
} catch (e) {
  port.postMessage({ failed: describe(e) });
  port.close();
  db = undefined;
}
if (db) {
  const lastRevision = db.prepare(workerData.lastRevisionSql).pluck();
  const insert = db.prepare(workerData.insertSql);
  // The expected-revision check of sqlite-event-store.ts (checkExpected), which cannot be imported here.
  const holds = (expected, current) =>
    expected === 'any' || (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) || (typeof expected === 'number' && current === expected);
  // Nested in the group's transaction, each append is a savepoint: one that throws leaves the others.
  const one = db.transaction((a) => {
    const current = lastRevision.get(a.stream);
    const last = current === undefined ? null : current;
    if (!holds(a.expected, last)) return { id: a.id, conflict: last };
    let revision = last === null ? -1 : last;
    let position = 0;
    for (const r of a.rows) {
      revision += 1;
      position = Number(insert.run(r[0], a.stream, revision, r[1], r[2], r[3], r[4]).lastInsertRowid);
    }
    return { id: a.id, position, revision };
  });
  const aborted = () => new Error('the group transaction was aborted by SQLite');
  const group = db.transaction((appends) => {
    const outcomes = appends.map((a) => {
      if (!db.inTransaction) throw aborted();
      try { return one(a); } catch (e) { return { id: a.id, error: describe(e) }; }
    });
    if (!db.inTransaction) throw aborted(); // SQLite rolled it all back (e.g. a full disk): nothing to commit
    return outcomes;
  });
  const write = (appends) => {
    try {
      return group.immediate(appends);
    } catch (e) {
      const error = describe(e);
      return appends.map((a) => ({ id: a.id, error }));
    }
  };
  port.on('message', (first) => {
    // Whatever else has arrived meanwhile (the last COMMIT's fsync) joins this group.
    const appends = [];
    let close = false;
    for (let m = { message: first }; m; m = receiveMessageOnPort(port)) {
      if (m.message === 'close') close = true;
      else for (const a of m.message) appends.push(a);
    }
    if (appends.length > 0) port.postMessage(write(appends));
    if (close) {
      db.close();
      port.close();
    }
  });
}
`;

export class AppendThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly pending = new Map<number, Pending>();
  private queue: PostedAppend[] = [];
  private nextId = 1;
  /** Set once the worker cannot write any more (it failed to open, died, or was closed). */
  private failure?: Error;
  private readonly exited: Promise<void>;
  /** Set by `close` while appends are in flight: called once the last is answered. */
  private drained?: () => void;

  constructor(file: string, options: AppendThreadOptions) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: require.resolve('better-sqlite3'),
        port: port2,
        lastRevisionSql: LAST_REVISION_SQL,
        insertSql: INSERT_EVENT_SQL,
        ...options,
      },
      transferList: [port2],
    });
    this.port.on('message', (m: Outcome[] | { failed: { message: string; code?: string } }) => this.receive(m));
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(() => this.fail(new Error('the append thread stopped')));
    this.idle();
  }

  /** Appends `events` to `stream` if its last revision is `expected`; resolves once committed. */
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<{ position: number; revision: number }> {
    if (this.failure) return Promise.reject(this.failure);
    const rows = events.map((e): [string, string, number, string, string] => [
      e.id,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
    ]);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      if (this.pending.size === 0) this.busy();
      this.pending.set(id, { stream, expected, resolve, reject });
      if (this.queue.length === 0) setImmediate(() => this.post());
      this.queue.push({ id, stream, expected, rows });
    });
  }

  /** Whether it can write no more: it failed to open, died, or was closed. */
  get stopped(): boolean {
    return this.failure !== undefined;
  }

  /** Waits for the appends in flight, then closes the worker's connection. */
  async close(): Promise<void> {
    if (this.pending.size > 0 && !this.failure) await new Promise<void>((resolve) => (this.drained = resolve));
    if (!this.failure) {
      this.worker.ref();
      this.port.postMessage('close');
      this.failure = new Error('the event store is closed');
    }
    await this.exited;
    this.port.close();
  }

  private post(): void {
    const appends = this.queue;
    this.queue = [];
    if (this.failure) for (const a of appends) this.settle({ id: a.id, error: { message: this.failure.message } });
    else this.port.postMessage(appends);
  }

  private receive(message: Outcome[] | { failed: { message: string; code?: string } }): void {
    if (!Array.isArray(message))
      return this.fail(new AppendThreadError(`the append thread could not open the log: ${message.failed.message}`, message.failed.code));
    for (const outcome of message) this.settle(outcome);
  }

  private settle(outcome: Outcome): void {
    const p = this.pending.get(outcome.id);
    if (!p) return;
    this.pending.delete(outcome.id);
    if (this.pending.size === 0) {
      this.idle();
      this.drained?.();
      this.drained = undefined;
    }
    if ('error' in outcome) p.reject(new AppendThreadError(outcome.error.message, outcome.error.code));
    else if ('conflict' in outcome) p.reject(new WrongExpectedRevisionError(p.stream, p.expected, outcome.conflict ?? 'no_stream'));
    else p.resolve({ position: outcome.position, revision: outcome.revision });
  }

  /** Refuses everything not answered: the worker will answer nothing more. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const id of [...this.pending.keys()]) this.settle({ id, error: { message: this.failure.message } });
  }

  // A worker with nothing to do must not keep the process alive; one with appends in flight must.
  private busy(): void {
    this.worker.ref();
    this.port.ref();
  }

  private idle(): void {
    this.worker.unref();
    this.port.unref();
  }
}
