/**
 * WAL checkpoints off the thread that serves requests. SQLite copies the WAL back into the database
 * file inside whichever commit pushes the WAL past `wal_autocheckpoint` pages (1,000 by default): that
 * commit — an append or a projection batch, on the one thread that also answers HTTP — then writes the
 * pages and fsyncs, 8–20 ms here, several times a second under load (see docs/benchmarks.md). Here a
 * worker thread runs PASSIVE checkpoints (which never wait for, nor block, readers and writers) on a
 * connection of its own; the store's connection keeps an automatic checkpoint only as a backstop far
 * above what the worker leaves behind, should the worker stall or die.
 *
 * Safety is SQLite's: a checkpoint only copies committed frames, and a crash during one is recovered
 * when the file is next opened.
 */
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** Pages the WAL may reach before the store's own connection checkpoints anyway (~64 MB). */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 16_384;

export interface WalCheckpointerOptions {
  everyMs?: number;
  /** A checkpoint that failed (e.g. disk full); the next one is tried on schedule. */
  onError?: (error: Error) => void;
}

// Plain JavaScript, evaluated in the worker: no TypeScript loader there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
let timer;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
  timer = setTimeout(tick, workerData.everyMs);
};
timer = setTimeout(tick, workerData.everyMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, { everyMs = 100, onError }: WalCheckpointerOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs, driver: require.resolve('better-sqlite3') } });
    this.worker.on('message', (m: { error?: string }) => m.error && onError?.(new Error(`WAL checkpoint of ${file} failed: ${m.error}`)));
    this.worker.on('error', (error) => onError?.(error));
    // A checkpointer must never keep a process alive that has nothing else to do.
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Closes the worker's connection (before the store closes its own, so that one checkpoints last). */
  async stop(): Promise<void> {
    this.worker.ref(); // a pending promise alone would not keep the process alive until the worker is done
    this.worker.postMessage('stop');
    await this.exited;
  }
}

/** Hands a file store's checkpoints to a worker; the connection's own automatic ones become the backstop. */
export function startBackgroundCheckpoints(db: Database.Database, options: WalCheckpointerOptions): WalCheckpointer | undefined {
  if (db.memory) return undefined;
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  return new WalCheckpointer(db.name, options);
}
