/**
 * One table holds the log. `position` is the rowid: SQLite gives max+1 under the write lock and we
 * never delete, so positions are gap-free and commit in order (a reader never sees N+1 before N).
 */
export const EVENT_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  id             TEXT    NOT NULL UNIQUE,
  stream         TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
}

/** An append's statements, on the caller's connection and on the writer thread's (append-thread.ts). */
export const LAST_REVISION_SQL = 'SELECT max(revision) AS revision FROM events WHERE stream = ?';
export const INSERT_EVENT_SQL = 'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)';
