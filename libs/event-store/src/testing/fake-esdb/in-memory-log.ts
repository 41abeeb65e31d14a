/**
 * The fake EventStoreDB's storage: one append-only array standing for the transaction log, plus a
 * per-stream index. Positions imitate byte offsets in the log (increasing, with gaps); commit and
 * prepare positions are equal for every event, as for any event written without an explicit transaction.
 */
import { EventEmitter } from 'node:events';

export interface StoredEvent {
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  created: bigint;
  position: bigint;
}

export type ProposedEvent = Pick<StoredEvent, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

export type ExpectedRevision =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { ok: true; revision: bigint; position: bigint | null }
  | { ok: false; current: bigint | null };

/** A real log starts with an epoch record; no event ever sits at position 0. */
const LOG_HEADER_BYTES = 128n;
/** Rough size of a prepare record's fixed fields, so positions advance like byte offsets. */
const RECORD_OVERHEAD_BYTES = 96n;

export class InMemoryLog {
  private readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private nextPosition = LOG_HEADER_BYTES;
  /** Emits 'appended' after every successful write; subscriptions wait on it. */
  readonly signal = new EventEmitter().setMaxListeners(0);

  get all(): readonly StoredEvent[] {
    return this.events;
  }

  stream(name: string): readonly StoredEvent[] | undefined {
    return this.streams.get(name);
  }

  lastRevision(name: string): bigint | null {
    const events = this.streams.get(name);
    return events ? events[events.length - 1].revision : null;
  }

  /** Checks the expectation and writes the whole batch, or nothing. */
  append(stream: string, expected: ExpectedRevision, proposed: ProposedEvent[]): AppendOutcome {
    const current = this.lastRevision(stream);
    if (!satisfies(expected, current)) return { ok: false, current };
    let revision = current ?? -1n;
    let position: bigint | null = null;
    for (const p of proposed) {
      revision += 1n;
      position = this.write({ ...p, stream, revision, created: BigInt(Date.now()) * 10_000n });
    }
    if (proposed.length > 0) this.signal.emit('appended');
    return { ok: true, revision, position };
  }

  /** Index of the first event whose position is >= `position` (binary search: positions are sorted). */
  indexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private write(event: Omit<StoredEvent, 'position'>): bigint {
    const position = this.nextPosition;
    const size = RECORD_OVERHEAD_BYTES + BigInt(event.data.length + event.customMetadata.length + event.type.length + event.stream.length);
    this.nextPosition += size;
    const stored = { ...event, position };
    this.events.push(stored);
    const list = this.streams.get(event.stream) ?? [];
    list.push(stored);
    this.streams.set(event.stream, list);
    return position;
  }
}

function satisfies(expected: ExpectedRevision, current: bigint | null): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === null;
    case 'stream_exists':
      return current !== null;
    case 'revision':
      return current === expected.revision;
  }
}
