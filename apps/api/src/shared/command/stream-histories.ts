import type { EventSchemas } from '@cl/domain/shared/schemas';
import { upcast } from '@cl/domain/shared/schemas';
import type { Event } from '@cl/domain/shared/types';
import type { EventStore } from '@cl/event-store';
import { deepFreeze } from '../deep-freeze';

export interface StreamHistoriesLimits {
  /** Events kept in all, across streams. */
  maxEvents: number;
  /** A longer stream is not kept (it is read whole each time, as without this cache). */
  maxStreamEvents: number;
}

/**
 * The upcast events of streams read on every command of a kind (a client's, for every sale), kept per
 * stream with the revision they reach, so each read fetches and parses only the events after it. A
 * stream is append-only, so the kept events followed by the later ones are exactly what reading the
 * whole stream gives — including what another process appended. Stored events carry personal data only
 * encrypted, so keeping them keeps no plaintext. The kept events are deep-frozen: every reader shares
 * them. Bounded by events, not streams (a client's stream grows with its interactions): the stream
 * read longest ago goes first.
 */
export class StreamHistories<E extends Event> {
  private readonly kept = new Map<string, { revision: number; events: readonly E[] }>();
  private keptEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly schemas: EventSchemas,
    private readonly limits: StreamHistoriesLimits,
  ) {}

  async read(stream: string): Promise<readonly E[]> {
    const known = this.kept.get(stream);
    const recorded = await this.store.readStream(stream, { fromRevision: known ? known.revision + 1 : 0 });
    if (recorded.length === 0) {
      if (known) this.keep(stream, known); // read again: the last to go
      return known?.events ?? [];
    }
    const later = recorded.map((e) => deepFreeze(upcast<E>(this.schemas, e)));
    const events = Object.freeze([...(known?.events ?? []), ...later]);
    const revision = recorded[recorded.length - 1].revision;
    const current = this.kept.get(stream);
    if (!current || current.revision < revision) this.keep(stream, { revision, events }); // else a concurrent read went further
    return events;
  }

  private keep(stream: string, entry: { revision: number; events: readonly E[] }): void {
    this.forget(stream);
    if (entry.events.length > this.limits.maxStreamEvents) return;
    this.kept.set(stream, entry);
    this.keptEvents += entry.events.length;
    while (this.keptEvents > this.limits.maxEvents) this.forget(this.kept.keys().next().value!);
  }

  private forget(stream: string): void {
    const entry = this.kept.get(stream);
    if (!entry) return;
    this.kept.delete(stream);
    this.keptEvents -= entry.events.length;
  }
}
