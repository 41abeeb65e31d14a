/**
 * Tables of the embedded read store. Each logical collection is a table of JSON documents keyed by
 * `_id`; projection-owned collections get one table per generation (`rm_<collection>__g<n>`). The
 * `_rm_` tables hold the projection bookkeeping and leases. Generation numbers are never reused
 * (`last_generation`), so a table name always denotes the same contents for every process.
 */
import type Database from 'better-sqlite3';

export const SYSTEM_SCHEMA = `
CREATE TABLE IF NOT EXISTS _rm_projections (
  name                TEXT PRIMARY KEY,
  active_generation   INTEGER NOT NULL,
  building_generation INTEGER,
  last_generation     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS _rm_collections (
  collection TEXT PRIMARY KEY,
  projection TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS _rm_collections_by_projection ON _rm_collections(projection);
CREATE TABLE IF NOT EXISTS _rm_checkpoints (
  projection TEXT NOT NULL,
  generation INTEGER NOT NULL,
  checkpoint INTEGER NOT NULL,
  PRIMARY KEY (projection, generation)
);
CREATE TABLE IF NOT EXISTS _rm_indexes (
  collection TEXT NOT NULL,
  fields     TEXT NOT NULL,
  PRIMARY KEY (collection, fields)
);
CREATE TABLE IF NOT EXISTS _rm_table_indexes (
  tbl    TEXT NOT NULL,
  fields TEXT NOT NULL,
  plain  INTEGER NOT NULL,
  PRIMARY KEY (tbl, fields)
);
CREATE TABLE IF NOT EXISTS _rm_deferred_indexes (
  tbl    TEXT NOT NULL,
  fields TEXT NOT NULL,
  PRIMARY KEY (tbl, fields)
);
CREATE TABLE IF NOT EXISTS _rm_leases (
  name       TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

export interface ProjectionRow {
  name: string;
  active: number;
  building: number | null;
  last: number;
}

export function prepareSystemStatements(db: Database.Database) {
  return {
    projection: db.prepare<[string], ProjectionRow>(
      `SELECT name, active_generation AS active, building_generation AS building, last_generation AS last
       FROM _rm_projections WHERE name = ?`,
    ),
    createProjection: db.prepare<[string]>(
      'INSERT INTO _rm_projections (name, active_generation, building_generation, last_generation) VALUES (?, 1, NULL, 1) ON CONFLICT(name) DO NOTHING',
    ),
    startBuilding: db.prepare<{ name: string; generation: number }>(
      'UPDATE _rm_projections SET building_generation = @generation, last_generation = @generation WHERE name = @name',
    ),
    clearBuilding: db.prepare<[string]>('UPDATE _rm_projections SET building_generation = NULL WHERE name = ?'),
    /** Ends a rebuild when the activated generation is the one being built; a live commit may also pass `activate`. */
    activate: db.prepare<{ name: string; generation: number }>(
      `UPDATE _rm_projections SET active_generation = @generation,
         building_generation = CASE WHEN building_generation = @generation THEN NULL ELSE building_generation END
       WHERE name = @name`,
    ),
    owner: db.prepare<[string], { projection: string; active: number }>(
      `SELECT c.projection, p.active_generation AS active
       FROM _rm_collections c JOIN _rm_projections p ON p.name = c.projection WHERE c.collection = ?`,
    ),
    ownedCollections: db.prepare<[string], string>('SELECT collection FROM _rm_collections WHERE projection = ?').pluck(),
    claimCollection: db.prepare<[string, string]>('INSERT INTO _rm_collections (collection, projection) VALUES (?, ?)'),
    checkpoint: db
      .prepare<[string, number], number>('SELECT checkpoint FROM _rm_checkpoints WHERE projection = ? AND generation = ?')
      .pluck(),
    setCheckpoint: db.prepare<{ name: string; generation: number; checkpoint: number }>(
      `INSERT INTO _rm_checkpoints (projection, generation, checkpoint) VALUES (@name, @generation, @checkpoint)
       ON CONFLICT(projection, generation) DO UPDATE SET checkpoint = excluded.checkpoint`,
    ),
    deleteCheckpoint: db.prepare<[string, number]>('DELETE FROM _rm_checkpoints WHERE projection = ? AND generation = ?'),
    tableExists: db.prepare<[string], number>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck(),
    /** Takes a free or expired lease, or renews one's own; `changes` is 0 when someone else holds it. */
    takeLease: db.prepare<{ name: string; owner: string; expiresAt: number; now: number }>(
      `INSERT INTO _rm_leases (name, owner, expires_at) VALUES (@name, @owner, @expiresAt)
       ON CONFLICT(name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE _rm_leases.owner = excluded.owner OR _rm_leases.expires_at <= @now`,
    ),
    releaseLease: db.prepare<[string, string]>('DELETE FROM _rm_leases WHERE name = ? AND owner = ?'),
    /** Index declarations per logical collection (`fields`: a JSON array), and their state per physical table. */
    declareIndex: db.prepare<[string, string]>('INSERT INTO _rm_indexes (collection, fields) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    declaredIndexes: db.prepare<[string], string>('SELECT fields FROM _rm_indexes WHERE collection = ? ORDER BY rowid').pluck(),
    retireIndex: db.prepare<[string, string]>('DELETE FROM _rm_indexes WHERE collection = ? AND fields = ?'),
    tableIndexes: db.prepare<[string], { fields: string; plain: number; deferred: number }>(
      `SELECT t.fields, t.plain, d.tbl IS NOT NULL AS deferred FROM _rm_table_indexes t
       LEFT JOIN _rm_deferred_indexes d ON d.tbl = t.tbl AND d.fields = t.fields WHERE t.tbl = ? ORDER BY t.rowid`,
    ),
    addTableIndex: db.prepare<[string, string, number]>('INSERT INTO _rm_table_indexes (tbl, fields, plain) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    markMixed: db.prepare<[string, string]>('UPDATE _rm_table_indexes SET plain = 0 WHERE tbl = ? AND fields = ?'),
    dropTableIndexes: db.prepare<[string]>('DELETE FROM _rm_table_indexes WHERE tbl = ?'),
    dropTableIndex: db.prepare<[string, string]>('DELETE FROM _rm_table_indexes WHERE tbl = ? AND fields = ?'),
    /** Indexes of a table being rebuilt that are declared but not created yet (see DocTables.ensure). */
    deferIndex: db.prepare<[string, string]>('INSERT INTO _rm_deferred_indexes (tbl, fields) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    undeferIndex: db.prepare<[string, string]>('DELETE FROM _rm_deferred_indexes WHERE tbl = ? AND fields = ?'),
    dropDeferredIndexes: db.prepare<[string]>('DELETE FROM _rm_deferred_indexes WHERE tbl = ?'),
    ping: db.prepare<[], number>('SELECT 1').pluck(),
  };
}

export type SystemStatements = ReturnType<typeof prepareSystemStatements>;

export interface DocStatements {
  get: Database.Statement<[string], string>;
  /** Natural (insertion) order, as a MongoDB collection scan without sort. */
  scan: Database.Statement<[], { _id: string; doc: string }>;
  count: Database.Statement<[], number>;
  /** The fields whose stored columns this table's writes fill, in the order of `upsert`'s and `insertIfAbsent`'s last parameters. */
  columns: readonly string[];
  /** `_id`, the JSON, then `columnValues(doc, columns)` (indexes.ts). */
  upsert: Database.Statement<unknown[]>;
  insertIfAbsent: Database.Statement<unknown[]>;
  delete: Database.Statement<[string]>;
}

const quote = (table: string) => `"${table.replace(/"/g, '""')}"`;

/**
 * A document table; `stored` fields (those of the indexes declared when it is created) are also kept in
 * columns of their own, written with the document from the value JS already holds (`columnValues`), so
 * SQLite builds and maintains their indexes from the columns instead of parsing every document once per
 * index. The columns have no declared type, hence no affinity: a value is kept as it is bound ('12'
 * stays text).
 */
export const createDocTable = (table: string, stored: readonly string[] = []) =>
  `CREATE TABLE IF NOT EXISTS ${quote(table)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL${stored.map((f) => `, ${quote(storedColumn(f))}`).join('')})`;

const STORED_PREFIX = 'ix:';

/** The name of a field's stored column (see createDocTable). */
export const storedColumn = (field: string) => `${STORED_PREFIX}${field}`;

/**
 * A table's stored columns, from its schema: `stored`, every field with one (queries name them), and
 * `written`, those its writes fill — not the generated columns (`json_extract` computed by SQLite on
 * each write) of tables created by the first version of this scheme. A table created before has none.
 */
export function storedColumnsOf(db: Database.Database, table: string): { stored: Set<string>; written: string[] } {
  const columns = db.prepare<[string], { name: string; hidden: number }>('SELECT name, hidden FROM pragma_table_xinfo(?)').all(table);
  const ours = columns.filter((c) => c.name.startsWith(STORED_PREFIX) && (c.hidden === 0 || c.hidden === 3)); // 3: a stored generated column
  const field = (c: { name: string }) => c.name.slice(STORED_PREFIX.length);
  return { stored: new Set(ours.map(field)), written: ours.filter((c) => c.hidden === 0).map(field) };
}

/** The fields a table keeps in stored columns (see storedColumnsOf). */
export const storedFieldsOf = (db: Database.Database, table: string): Set<string> => storedColumnsOf(db, table).stored;

export const dropDocTable = (table: string) => `DROP TABLE IF EXISTS ${quote(table)}`;

export function prepareDocStatements(db: Database.Database, table: string, columns: readonly string[] = []): DocStatements {
  const t = quote(table);
  const names = ['_id', 'doc', ...columns.map((f) => quote(storedColumn(f)))];
  const values = `(${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const set = names.slice(1).map((n) => `${n} = excluded.${n}`).join(', ');
  return {
    columns,
    get: db.prepare<[string], string>(`SELECT doc FROM ${t} WHERE _id = ?`).pluck(),
    scan: db.prepare<[], { _id: string; doc: string }>(`SELECT _id, doc FROM ${t} ORDER BY rowid`),
    count: db.prepare<[], number>(`SELECT count(*) FROM ${t}`).pluck(),
    // ON CONFLICT ... DO UPDATE keeps the rowid, so an updated document keeps its natural-order place.
    upsert: db.prepare<unknown[]>(`INSERT INTO ${t} ${values} ON CONFLICT(_id) DO UPDATE SET ${set}`),
    insertIfAbsent: db.prepare<unknown[]>(`INSERT INTO ${t} ${values} ON CONFLICT(_id) DO NOTHING`),
    delete: db.prepare<[string]>(`DELETE FROM ${t} WHERE _id = ?`),
  };
}
