/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) implements exactly this and
 * passes `event-store.contract.ts`. Revisions count from 0 within a stream; positions are the global
 * order of `$all` (gap-free on SQLite, log offsets on EventStoreDB: only their order is promised).
 */
import type { EventMetadata } from './envelope';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** What the writer believes about the stream; mirrors EventStoreDB's options. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface NewEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent<T extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  stream: string;
  revision: number;
  position: number;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the last event written: pass it as the next expected revision. */
  nextExpectedRevision: number;
  /** Global position of the last event written. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the first (forwards) or last (backwards) event. */
  fromRevision?: number;
  maxCount?: number;
}

export interface AllFilter {
  eventTypes?: string[];
  streamPrefixes?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0 or omitted = from the start. */
  after?: number;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts with the first event after it. */
  after?: number;
  filter?: AllFilter;
}

/** Catch-up then live, without gap or duplicate at the hand-over. Iterate; `close()` to stop. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    stream: string,
    events: NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /** Returns [] for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the newest event in `$all`, 0 when empty (used for lag and rebuild hand-over). */
  headPosition(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
