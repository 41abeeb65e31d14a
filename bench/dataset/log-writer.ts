/**
 * Appends decided events the way the API does — through ChainedEventStore over the SQLite adapter
 * (stores.ts), one append per command, each with the command's metadata — but groups many appends in
 * one SQLite transaction (the adapter's own per-append transactions become savepoints inside it), so a
 * million events are written in minutes. SQLITE_SYNCHRONOUS=NORMAL: a half-written data set is simply
 * regenerated, it needs no fsync per commit.
 */
import { join } from 'node:path';
import { allEventSchemas } from '@cl/domain/schemas';
import { currentVersion } from '@cl/domain/shared/schemas';
import type { Actor, Event } from '@cl/domain/shared/types';
import { ChainedEventStore } from '@cl/event-store/audit/chained-event-store';
import { uuidV7, type NewEvent } from '@cl/event-store';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import type { Rng } from './rng';

const APPENDS_PER_TRANSACTION = 2_000;

export class LogWriter {
  private readonly inner: SqliteEventStore;
  private readonly store: ChainedEventStore;
  private pending = 0;
  /** Events written so far: on a fresh file, also the log's head position. */
  written = 0;
  readonly counts: Record<string, number> = {};

  constructor(
    dataDir: string,
    private readonly rng: Rng,
  ) {
    this.inner = new SqliteEventStore(join(dataDir, 'events.db'), { synchronous: 'NORMAL' });
    this.store = new ChainedEventStore(this.inner);
  }

  /** One command's events, appended to its stream as the command pipeline would (envelopeOf). */
  async append(stream: string, events: readonly Event[], actor: Actor, now: Date): Promise<void> {
    if (events.length === 0) return;
    if (this.pending === 0) this.inner.database.exec('BEGIN IMMEDIATE');
    const id = this.rng.uuid();
    // Event ids as the API makes them (UUIDv7 at the time of the append), from the seeded stream.
    const envelopes: NewEvent[] = events.map((e) => ({
      id: uuidV7(now.getTime(), this.rng.bytes(10)),
      type: e.type,
      schemaVersion: currentVersion(allEventSchemas, e.type),
      data: e.data as Record<string, unknown>,
      metadata: { actor: { ...actor }, correlationId: id, causationId: id, recordedAt: now.toISOString() },
    }));
    await this.store.appendToStream(stream, envelopes, { expectedRevision: 'any' });
    this.written += events.length;
    for (const e of events) this.counts[e.type] = (this.counts[e.type] ?? 0) + 1;
    if (++this.pending >= APPENDS_PER_TRANSACTION) this.commit();
  }

  private commit(): void {
    if (this.pending === 0) return;
    this.inner.database.exec('COMMIT');
    this.pending = 0;
  }

  async close(): Promise<void> {
    this.commit();
    this.inner.database.pragma('wal_checkpoint(TRUNCATE)');
    await this.store.close();
  }
}
