import type { EventSchemas } from '@cl/domain/shared/schemas';
import { upcast } from '@cl/domain/shared/schemas';
import type { Event } from '@cl/domain/shared/types';
import type { EventStore } from '@cl/event-store';
import { deepFreeze } from '../deep-freeze';

/** What is kept of a stream, and how later events change it. */
export interface StreamFold<S, E extends Event> {
  initial: () => S;
  /** The state after `later`; must return a new state and leave `state` as it is (readers share it). */
  apply: (state: S, later: readonly E[]) => S;
  /** What a kept state counts against the limits (1 per stream, or its number of events). */
  weight: (state: S) => number;
}

export interface StreamFoldsLimits {
  /** Weight kept in all, across streams. */
  maxWeight: number;
  /** A heavier state is not kept (its stream is read whole each time, as without this cache). */
  maxStreamWeight: number;
}

/**
 * What streams read on every command of a kind (a client's for every sale, a policy's for every sale
 * and claim) fold to, kept per stream with the revision it reflects, so each read fetches and folds
 * only the events after it. A stream is append-only, so the kept state with the later events applied
 * is exactly what folding the whole stream gives — including what another process appended. Stored
 * events carry personal data only encrypted, so keeping them keeps no plaintext. Bounded by weight:
 * the stream read longest ago goes first.
 */
export class StreamFolds<S, E extends Event> {
  private readonly kept = new Map<string, { revision: number; state: S }>();
  private keptWeight = 0;

  constructor(
    private readonly store: EventStore,
    private readonly schemas: EventSchemas,
    private readonly fold: StreamFold<S, E>,
    private readonly limits: StreamFoldsLimits,
  ) {}

  async read(stream: string): Promise<S> {
    const known = this.kept.get(stream);
    const recorded = await this.store.readStream(stream, { fromRevision: known ? known.revision + 1 : 0 });
    if (recorded.length === 0) {
      if (known) this.keep(stream, known); // read again: the last to go
      return known ? known.state : this.fold.initial();
    }
    const state = this.fold.apply(known ? known.state : this.fold.initial(), recorded.map((e) => upcast<E>(this.schemas, e)));
    const revision = recorded[recorded.length - 1].revision;
    const current = this.kept.get(stream);
    if (!current || current.revision < revision) this.keep(stream, { revision, state }); // else a concurrent read went further
    return state;
  }

  private keep(stream: string, entry: { revision: number; state: S }): void {
    this.forget(stream);
    const weight = this.fold.weight(entry.state);
    if (weight > this.limits.maxStreamWeight) return;
    this.kept.set(stream, entry);
    this.keptWeight += weight;
    while (this.keptWeight > this.limits.maxWeight) this.forget(this.kept.keys().next().value!);
  }

  private forget(stream: string): void {
    const entry = this.kept.get(stream);
    if (!entry) return;
    this.kept.delete(stream);
    this.keptWeight -= this.fold.weight(entry.state);
  }
}

const NO_EVENTS = Object.freeze([]);

/** Keeps a stream's upcast events themselves, deep-frozen since every reader shares them; weighs each event. */
export function eventHistory<E extends Event>(): StreamFold<readonly E[], E> {
  return {
    initial: () => NO_EVENTS,
    apply: (events, later) => Object.freeze([...events, ...later.map((e) => deepFreeze(e))]),
    weight: (events) => events.length,
  };
}
