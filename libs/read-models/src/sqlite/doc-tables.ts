/**
 * Knows which document tables exist and caches their prepared statements. Tables are created lazily
 * inside write transactions; when such a transaction rolls back, the tables it created are forgotten
 * again, since their statements would point at tables that no longer exist.
 */
import type Database from 'better-sqlite3';
import { createDocTable, dropDocTable, prepareDocStatements, type DocStatements, type SystemStatements } from './schema';

export class DocTables {
  private readonly known = new Map<string, DocStatements>();
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

  /** Statements of a table, creating it first if needed. Call inside `transaction`. */
  ensure(table: string): DocStatements {
    const existing = this.existing(table);
    if (existing) return existing;
    this.db.exec(createDocTable(table));
    this.createdInTransaction?.push(table);
    return this.remember(table);
  }

  drop(table: string): void {
    this.known.delete(table);
    this.db.exec(dropDocTable(table));
  }

  /** Runs `fn` in a BEGIN IMMEDIATE transaction (writers queue on busy_timeout instead of failing on upgrade). */
  transaction<T>(fn: () => T): T {
    const created: string[] = [];
    this.createdInTransaction = created;
    try {
      return this.immediate(fn);
    } catch (error) {
      for (const table of created) this.known.delete(table);
      throw error;
    } finally {
      this.createdInTransaction = undefined;
    }
  }

  private immediate<T>(fn: () => T): T {
    return this.run.immediate(fn) as T;
  }

  private remember(table: string): DocStatements {
    const statements = prepareDocStatements(this.db, table);
    this.known.set(table, statements);
    return statements;
  }
}
