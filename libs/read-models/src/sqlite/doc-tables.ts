/**
 * Knows which document tables exist and caches their prepared statements. Tables are created lazily
 * inside write transactions; when such a transaction rolls back, the tables it created are forgotten
 * again, since their statements would point at tables that no longer exist. A table is created with
 * the indexes declared for its logical collection (see indexes.ts), and their fields in stored columns.
 */
import type Database from 'better-sqlite3';
import { anyMixedSql, createIndexSql, dropIndexSql, selectSql, type Plan, type TableIndex } from './indexes';
import { StatementCache } from '@cl/event-store/sqlite/statement-cache';
import { createDocTable, dropDocTable, prepareDocStatements, storedColumnsOf, storedFieldsOf, type DocStatements, type SystemStatements } from './schema';

/** The logical collection of a physical table: `rm_<collection>__g<n>` for a generation, else itself. */
const logicalOf = (table: string) => /^rm_(.+)__g\d+$/.exec(table)?.[1] ?? table;

const MAX_CACHED_QUERIES = 500;

/**
 * The fields that get a stored column: SQLite column names ignore case, JSON paths do not — of fields
 * differing only in case the first gets the column, the others stay expressions (one CREATE TABLE with
 * both would fail, and with it every write to the collection).
 */
function columnFields(fields: string[]): string[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = f.toLowerCase();
    if (f === '_id' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export class DocTables {
  private readonly known = new Map<string, DocStatements>();
  /** The fields each known table keeps in stored columns (read from its schema once). */
  private readonly stored = new Map<string, ReadonlySet<string>>();
  /** Queries by their text; pages write their LIMIT in (indexes.ts), so callers that vary it make new texts. */
  private readonly queries = new StatementCache<Database.Statement<unknown[], unknown>>(MAX_CACHED_QUERIES);
  /** Per natural-order select: whether SQLite sorts its rows for ORDER BY rowid (see selectRows). */
  private readonly sortsRows = new StatementCache<boolean>(MAX_CACHED_QUERIES);
  private readonly parsedFields = new Map<string, string[]>();
  private createdInTransaction: string[] | undefined;
  private readonly run: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(
    private readonly db: Database.Database,
    private readonly sys: SystemStatements,
  ) {
    this.run = db.transaction((fn: () => unknown) => fn());
  }

  /** Statements of an existing table; undefined when it does not exist (reads of an empty collection). */
  existing(table: string): DocStatements | undefined {
    const cached = this.known.get(table);
    if (cached) return cached;
    if (this.sys.tableExists.get(table) === undefined) return undefined;
    return this.remember(table);
  }

  /**
   * Statements of a table, creating it first if needed. Call inside `transaction`. A table filled by a
   * rebuild (`deferIndexes`) is created without its declared indexes: SQLite builds an index on a filled
   * table by sorting, several times faster than keeping it up to date row by row over a million writes.
   * Their plainness is still judged write by write (BatchWriter); `buildDeferred` creates them — before
   * the table is activated, or as soon as one of the rebuild's own filtered writes needs one.
   */
  ensure(table: string, deferIndexes = false): DocStatements {
    const existing = this.existing(table);
    if (existing) return existing;
    const declared = this.sys.declaredIndexes.all(logicalOf(table));
    const stored = new Set(columnFields(declared.flatMap((fields) => this.fieldsOf(fields))));
    this.db.exec(createDocTable(table, [...stored]));
    this.createdInTransaction?.push(table);
    for (const fields of declared) {
      if (deferIndexes) this.sys.deferIndex.run(table, fields);
      else this.db.exec(createIndexSql(table, this.fieldsOf(fields), stored));
      this.sys.addTableIndex.run(table, fields, 1);
    }
    return this.remember(table);
  }

  /** Creates a table's deferred indexes (only those `which` accepts). Call inside `transaction`. */
  buildDeferred(table: string, which: (index: TableIndex) => boolean = () => true): void {
    for (const index of this.indexesOf(table)) {
      if (!index.deferred || !which(index)) continue;
      this.db.exec(createIndexSql(table, index.fields, index.stored));
      this.sys.undeferIndex.run(table, JSON.stringify(index.fields));
    }
  }

  drop(table: string): void {
    this.forget(table);
    this.db.exec(dropDocTable(table));
    this.sys.dropTableIndexes.run(table);
    this.sys.dropDeferredIndexes.run(table);
  }

  /** Creates a declared index on an existing table, judging whether its documents are plain. Call inside `transaction`. */
  addIndex(table: string, fields: string[]): void {
    const statements = this.existing(table);
    if (!statements) return; // created with its indexes when first written
    const key = JSON.stringify(fields);
    if (this.indexesOf(table).some((i) => JSON.stringify(i.fields) === key)) return;
    this.db.exec(createIndexSql(table, fields, this.storedOf(table)));
    const { mixed } = this.db.prepare<[], { mixed: number }>(anyMixedSql(table, fields)).get()!;
    this.sys.addTableIndex.run(table, key, mixed ? 0 : 1);
  }

  /**
   * Drops a table's index on `fields` (built or deferred) and its records. Call inside `transaction`.
   * Index names fold case and dots (indexName): a kept index that shared the name is created again, so
   * it exists whichever of the two was created first.
   */
  dropIndex(table: string, fields: string[]): void {
    const key = JSON.stringify(fields);
    this.db.exec(dropIndexSql(table, fields));
    this.sys.dropTableIndex.run(table, key);
    this.sys.undeferIndex.run(table, key);
    for (const kept of this.indexesOf(table)) if (!kept.deferred) this.db.exec(createIndexSql(table, kept.fields, kept.stored));
  }

  indexesOf(table: string): TableIndex[] {
    const stored = this.storedOf(table);
    return this.sys.tableIndexes.all(table).map((row) => ({ fields: this.fieldsOf(row.fields), plain: row.plain === 1, deferred: row.deferred === 1, stored }));
  }

  /** Fields a table keeps in stored columns: those indexed when it was created (a table created before such columns existed has none). */
  private storedOf(table: string): ReadonlySet<string> {
    return this.stored.get(table) ?? storedFieldsOf(this.db, table);
  }

  /** A document with an array, object or boolean at an index's fields: the index is no longer used for this table. */
  markMixed(table: string, fields: string[]): void {
    this.sys.markMixed.run(table, JSON.stringify(fields));
  }

  /** A prepared query (cached by its text: plans differ only by shape), by default of `doc, _id` rows. */
  select<Row = { _id: string; doc: string }>(sql: string): Database.Statement<unknown[], Row> {
    return this.prepared(sql, () => this.db.prepare<unknown[], unknown>(sql)) as Database.Statement<unknown[], Row>;
  }

  /**
   * `selectRows`' documents as text alone (its first column, plucked): no row object per document, a
   * tenth of reading 600 settlements before they are parsed.
   */
  selectDocs(table: string, plan: Plan | undefined, order?: string, limit?: number): Database.Statement<unknown[], string> {
    return this.docsOf(this.rowsSql(table, plan, order, limit));
  }

  /** A query of `doc, _id` rows (e.g. `unionPageSql`'s) prepared for its documents alone, as `selectDocs`. */
  docsOf(sql: string): Database.Statement<unknown[], string> {
    return this.prepared(`docs: ${sql}`, () => this.db.prepare<unknown[], unknown>(sql).pluck()) as Database.Statement<unknown[], string>;
  }

  private prepared(key: string, prepare: () => Database.Statement<unknown[], unknown>): Database.Statement<unknown[], unknown> {
    return this.queries.get(key, prepare);
  }

  /**
   * The candidate rows of a table (see selectSql): in an index's `order`, or in natural order — directly
   * where SQLite reads the plan's rows in rowid order anyway, else rowids first. Which one is SQLite's
   * answer (`EXPLAIN QUERY PLAN`, once per SQL text, as statements are prepared); both forms give the
   * same rows in the same order.
   */
  selectRows(table: string, plan: Plan | undefined, order?: string, limit?: number): Database.Statement<unknown[], { _id: string; doc: string }> {
    return this.select(this.rowsSql(table, plan, order, limit));
  }

  /** The SQL of `selectRows` (its form chosen once per text), which `selectDocs` prepares plucked instead. */
  private rowsSql(table: string, plan: Plan | undefined, order?: string, limit?: number): string {
    const direct = selectSql(table, plan, order, limit);
    if (order || !plan?.indexed) return direct; // an index's order, or a table scan: no sort of the rows
    const sorts = this.sortsRows.get(direct, () => {
      const unbound = new Array<null>(plan.params.length + (limit === undefined ? 0 : 1)).fill(null); // the plan does not depend on the values
      const steps = this.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${direct}`).all(...unbound);
      return steps.some((step) => step.detail.includes('TEMP B-TREE FOR ORDER BY'));
    });
    return sorts ? selectSql(table, plan, undefined, limit, true) : direct;
  }

  private fieldsOf(json: string): string[] {
    let fields = this.parsedFields.get(json);
    if (!fields) {
      fields = JSON.parse(json) as string[];
      this.parsedFields.set(json, fields);
    }
    return fields;
  }

  /**
   * Runs `fn` in a BEGIN IMMEDIATE transaction (writers queue on busy_timeout instead of failing on
   * upgrade); called inside one, in a savepoint. Tables created by a part that rolls back are forgotten;
   * a savepoint's that commits are handed to the enclosing transaction, which may still roll back.
   */
  transaction<T>(fn: () => T): T {
    const outer = this.createdInTransaction;
    const created: string[] = [];
    this.createdInTransaction = created;
    try {
      const result = this.immediate(fn);
      outer?.push(...created);
      return result;
    } catch (error) {
      for (const table of created) this.forget(table);
      throw error;
    } finally {
      this.createdInTransaction = outer;
    }
  }

  private immediate<T>(fn: () => T): T {
    return this.run.immediate(fn) as T;
  }

  private remember(table: string): DocStatements {
    const { stored, written } = storedColumnsOf(this.db, table);
    const statements = prepareDocStatements(this.db, table, written);
    this.known.set(table, statements);
    this.stored.set(table, stored);
    return statements;
  }

  private forget(table: string): void {
    this.known.delete(table);
    this.stored.delete(table);
    this.sortsRows.clear(); // a table of the same name may come back with other indexes
  }
}
