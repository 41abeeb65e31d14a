/**
 * Projection commits that arrive in the same turn of the event loop share one SQLite transaction,
 * each batch in a savepoint of its own. One live append wakes every projection loop at once: committed
 * one by one, their fifteen small transactions each wrote its pages and frame headers to the WAL
 * (~440–680 µs of CPU per live event for all projections, ~300 µs grouped: docs/benchmarks.md).
 * Each batch stays all-or-nothing together with its checkpoint (its savepoint), a failing batch is
 * rejected alone, a failed transaction rejects every batch in it, and nothing resolves before COMMIT.
 */
interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class CommitGroup<T> {
  private pending: Pending<T>[] = [];

  /**
   * `transaction` runs a function in one transaction and, called inside it, in a savepoint
   * (better-sqlite3's nested transactions); `apply` writes one item.
   */
  constructor(
    private readonly transaction: (fn: () => void) => void,
    private readonly apply: (item: T) => void,
  ) {}

  /** Resolves once the item is committed; the group is written on the event loop's next turn. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Writes what is pending now (also called before the store closes). */
  flush(): void {
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    const failures = new Map<Pending<T>, unknown>();
    try {
      this.transaction(() => {
        for (const entry of group) {
          try {
            this.transaction(() => this.apply(entry.item));
          } catch (error) {
            failures.set(entry, error); // rolled back to its savepoint; the others go on
          }
        }
      });
    } catch (error) {
      for (const entry of group) entry.reject(error);
      return;
    }
    for (const entry of group) {
      if (failures.has(entry)) entry.reject(failures.get(entry));
      else entry.resolve();
    }
  }
}
