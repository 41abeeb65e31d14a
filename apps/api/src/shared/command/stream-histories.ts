import type { EventSchemas } from '@cl/domain/shared/schemas';
import { upcast } from '@cl/domain/shared/schemas';
import type { Event } from '@cl/domain/shared/types';
import type { EventStore } from '@cl/event-store';

/**
 * The upcast events of streams read on every command of a kind (a client's, for every sale), kept per
 * stream with the revision they reach, so each read fetches and parses only the events after it. A
 * stream is append-only, so the kept events followed by the later ones are exactly what reading the
 * whole stream gives — including what another process appended. Stored events carry personal data only
 * encrypted, so keeping them keeps no plaintext. Bounded: the stream remembered longest ago goes first.
 */
export class StreamHistories<E extends Event> {
  private readonly kept = new Map<string, { revision: number; events: readonly E[] }>();

  constructor(
    private readonly store: EventStore,
    private readonly schemas: EventSchemas,
    private readonly max: number,
  ) {}

  async read(stream: string): Promise<readonly E[]> {
    const known = this.kept.get(stream);
    const recorded = await this.store.readStream(stream, { fromRevision: known ? known.revision + 1 : 0 });
    if (recorded.length === 0) return known?.events ?? [];
    const events = Object.freeze([...(known?.events ?? []), ...recorded.map((e) => upcast<E>(this.schemas, e))]);
    this.remember(stream, recorded[recorded.length - 1].revision, events);
    return events;
  }

  private remember(stream: string, revision: number, events: readonly E[]): void {
    const known = this.kept.get(stream);
    if (known && known.revision >= revision) return; // a concurrent read already went further
    this.kept.delete(stream);
    this.kept.set(stream, { revision, events });
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
  }
}
