/**
 * Group commit for the embedded event log. With SQLITE_SYNCHRONOUS=FULL every commit waits for an
 * fsync, and better-sqlite3 waits on the event loop: one fsync per command capped the API at the
 * disk's fsync rate and stalled every other request meanwhile. Appends that arrive in the same turn
 * of the event loop (concurrent requests do) are written in one transaction, each in its own
 * savepoint with its own expected-revision check, so one refused append does not affect the others.
 *
 * Nothing is acknowledged before the shared COMMIT returned (fsynced under FULL): if the commit
 * fails, every append of the group is refused, none is lost or half-written.
 */
import type Database from 'better-sqlite3';
import type { AppendResult, ExpectedRevision, NewEvent } from '@cl/event-store';
import { DelegatingEventStore } from '@cl/event-store/delegating-event-store';
import type { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';

interface Pending {
  stream: string;
  events: NewEvent[];
  options: { expectedRevision?: ExpectedRevision };
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export class GroupCommitEventStore extends DelegatingEventStore<SqliteEventStore> {
  private queue: Pending[] = [];
  private readonly db: Database.Database;
  private readonly group: (batch: Pending[]) => Array<Promise<AppendResult>>;

  constructor(inner: SqliteEventStore) {
    super(inner);
    this.db = inner.database;
    // Inside this transaction each of the adapter's own append transactions becomes a savepoint.
    this.group = this.db.transaction((batch: Pending[]) =>
      batch.map((p) => {
        if (!this.db.inTransaction) throw new Error('the group transaction was aborted by SQLite');
        return this.inner.appendToStream(p.stream, p.events, p.options);
      }),
    ).immediate;
  }

  override appendToStream(stream: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ stream, events, options, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    let outcomes: Array<Promise<AppendResult>>;
    try {
      outcomes = this.group(batch);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    // Settled only now, after the COMMIT: an append is acknowledged once it is durable.
    const settled = await Promise.allSettled(outcomes);
    settled.forEach((s, i) => (s.status === 'fulfilled' ? batch[i].resolve(s.value) : batch[i].reject(s.reason)));
  }

  override async close(): Promise<void> {
    if (this.queue.length > 0) await this.flush();
    return this.inner.close();
  }
}
