/**
 * Start-up checks of the embedded SQLite files. Without them a full disk, a read-only mount or a
 * damaged file surfaces as a bare "SqliteError: file is not a database" deep in dependency injection,
 * naming neither the file nor what to do. Each check runs before anything is created or written, so a
 * refused start leaves the data directory exactly as it found it.
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statfsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';

/** Below this much free space the service refuses to start: a commit could fail half-way through a burst. */
export const MIN_FREE_BYTES = 1024 * 1024;

export type DataFileProblem = 'disk_full' | 'read_only' | 'corrupt' | 'unreadable';

/** Names the file or directory and the problem; the processes print it and exit with EXIT_DATA_FILE. */
export class DataFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: DataFileProblem,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'DataFileError';
  }
}

/** EX_IOERR from sysexits.h: the data files cannot be used (78 stays for bad configuration). */
export const EXIT_DATA_FILE = 74;

/**
 * The start-up check of the processes: the embedded files in use (the event log unless EventStoreDB
 * is configured, the read store unless MongoDB is), checked in DATA_DIR.
 */
export function embeddedDataFiles(config: { DATA_DIR: string; EVENTSTORE_CONNECTION_STRING?: string; MONGODB_URL?: string }): void {
  const files = [...(config.EVENTSTORE_CONNECTION_STRING ? [] : ['events.db']), ...(config.MONGODB_URL ? [] : ['read-models.db'])];
  if (files.length > 0) checkDataFiles(config.DATA_DIR, files);
}

/** Checks the directory and each SQLite file in it; throws a DataFileError for the first problem found. */
export function checkDataFiles(dir: string, files: string[]): void {
  const absolute = resolve(dir);
  ensureDirectory(absolute);
  checkWritable(absolute);
  checkFreeSpace(absolute);
  for (const name of files) checkSqliteFile(resolve(absolute, name));
}

function ensureDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw fromSystemError(dir, error, 'cannot create the data directory');
  }
}

function checkWritable(dir: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw fromSystemError(dir, error, 'the data directory is not writable');
  }
}

function checkFreeSpace(dir: string): void {
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  if (free < MIN_FREE_BYTES) {
    throw new DataFileError(dir, 'disk_full', `only ${free} bytes free on its file system (at least ${MIN_FREE_BYTES} needed): free some space, then start again`);
  }
}

/**
 * Reads the 100-byte header of an existing file: the magic string and a valid page size are enough to
 * recognise garbage or a truncated file — read directly, not through SQLite, so garbage never reaches it.
 * A sound header is then followed by a read of the schema through SQLite (see `checkSchema`).
 * (Damage further in, in pages the schema does not touch, surfaces when the store reads them.)
 */
export function checkSqliteFile(file: string): void {
  if (!existsSync(file)) return; // created on first start
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw fromSystemError(file, error, 'cannot be opened for writing');
  }
  const size = statSync(file).size;
  if (size === 0) return; // SQLite treats an empty file as a new database
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const validPageSize = pageSize >= 512 && (pageSize & (pageSize - 1)) === 0;
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC) || !validPageSize) {
    throw new DataFileError(file, 'corrupt', 'is not a valid SQLite database (bad header); restore it from a backup or move it away');
  }
  checkSchema(file);
}

/**
 * Reads the schema (the first page's b-tree and the pages it points to), where damage behind a sound
 * header stops every later open. A read-write connection, closed at once: closing the last connection
 * removes the -wal and -shm files opening created (a read-only one would leave them behind), so a
 * refused start still leaves the directory as it was.
 */
function checkSchema(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw fromSqliteError(file, error);
  } finally {
    db?.close();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Wraps a failure to open a SQLite file so that it names the file and the likely cause. */
export function fromSqliteError(file: string, error: unknown): DataFileError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new DataFileError(file, 'corrupt', `is not a valid SQLite database (${message}); restore it from a backup or move it away`);
  }
  if (code === 'SQLITE_FULL') return new DataFileError(file, 'disk_full', `the disk is full (${message})`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new DataFileError(file, 'read_only', `cannot be opened for writing (${message}); check the mount and permissions`);
  }
  return new DataFileError(file, 'unreadable', `cannot be opened (${code || 'error'}: ${message})`);
}

function fromSystemError(path: string, error: unknown, what: string): DataFileError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const problem: DataFileProblem = code === 'ENOSPC' ? 'disk_full' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'read_only' : 'unreadable';
  const cause = code === 'EROFS' ? 'read-only file system' : code === 'ENOSPC' ? 'no space left on device' : code;
  return new DataFileError(path, problem, `${what} (${cause})`);
}
