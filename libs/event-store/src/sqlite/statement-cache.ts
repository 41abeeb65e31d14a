/**
 * What was worked out per SQL text (a prepared statement, what SQLite's plan for it does), the most
 * recently used kept: a caller that varies its texts (a count from a query string, a page size worked
 * out from data) makes new entries, and the ones in steady use stay instead of being dropped with the
 * rest when the cache is full.
 */
export class StatementCache<S> {
  private readonly byText = new Map<string, S>();

  constructor(private readonly max: number) {}

  get(sql: string, prepare: (sql: string) => S): S {
    let statement = this.byText.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (this.byText.size >= this.max) this.byText.delete(this.byText.keys().next().value!); // the least recently used
    } else {
      this.byText.delete(sql); // re-inserted below: the most recently used goes last
    }
    this.byText.set(sql, statement);
    return statement;
  }

  clear(): void {
    this.byText.clear();
  }

  get size(): number {
    return this.byText.size;
  }
}
