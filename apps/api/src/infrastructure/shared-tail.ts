/**
 * One reader of the log's tail for every projection and reactor of the process. Each of them used to
 * follow the log on its own subscription: every append woke ~20 loops, and each read and parsed the
 * same new rows and committed its own read-model transaction — per command, on the thread that also
 * answers HTTP. Here one subscription reads (and parses) the tail once into a window of recent events
 * that every follower reads from; followers further behind read the store directly, page by page.
 *
 * Caught-up followers are woken at most every `coalesceMs` after new events arrive, so under load each
 * of them applies a batch of several commands in one transaction instead of one transaction per
 * command; the delay adds at most `coalesceMs` to the projection lag.
 *
 * Order and completeness: the window holds every event after `windowAfter` up to the tail, in log
 * order, as the inner subscription delivered them (without gap or duplicate); events are frozen,
 * because every follower sees the same objects.
 */
import type { EventStore, RecordedEvent, Subscription, SubscribeOptions } from '@cl/event-store';
import { DelegatingEventStore } from '@cl/event-store/delegating-event-store';
import { deepFreeze } from '../shared/deep-freeze';

export interface SharedTailOptions {
  /** Events kept in memory for followers that are slightly behind. */
  windowSize?: number;
  coalesceMs?: number;
  pageSize?: number;
}

export class SharedTail {
  private window: RecordedEvent[] = [];
  /** Every event with a position greater than this and up to the tail is in the window. */
  private windowAfter = 0;
  private tail = 0;
  private started?: Promise<void>;
  private pump?: Subscription;
  private failure?: unknown;
  private waiters = new Set<() => void>();
  private notifyTimer?: NodeJS.Timeout;
  private readonly windowSize: number;
  private readonly coalesceMs: number;
  private readonly pageSize: number;

  constructor(
    private readonly events: EventStore,
    options: SharedTailOptions = {},
  ) {
    this.windowSize = options.windowSize ?? 2_000; // at most twice this many events held: a follower further behind reads the store
    this.coalesceMs = options.coalesceMs ?? 5;
    this.pageSize = options.pageSize ?? 500;
  }

  /** A subscription to $all with the port's semantics, served from the shared window when it can be. */
  subscribe({ after = 0, filter }: SubscribeOptions = {}): Subscription {
    if (filter) return this.events.subscribeToAll({ after, filter }); // nobody filters today; not worth sharing
    let closed = false;
    let wake: (() => void) | undefined;
    const tail = this;
    async function* iterate(): AsyncGenerator<RecordedEvent> {
      await tail.start();
      let position = after;
      while (!closed) {
        const page = await tail.eventsAfter(position);
        for (const event of page) {
          if (closed) return;
          position = event.position;
          yield event;
        }
        if (page.length === 0) await tail.waitBeyond(position, (w) => (wake = w));
      }
    }
    const iterator = iterate();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        wake?.();
      },
    };
  }

  async stop(): Promise<void> {
    await this.pump?.close();
    clearTimeout(this.notifyTimer);
    this.notify();
  }

  private start(): Promise<void> {
    // A start that failed (the store unreachable) is tried again by the next follower, not kept.
    this.started ??= this.run().catch((error: unknown) => {
      this.started = undefined;
      throw error;
    });
    return this.started;
  }

  /** Starts the one inner subscription at the head; resolves once it runs, and restarts it if it fails. */
  private async run(): Promise<void> {
    const head = await this.events.headPosition();
    this.window = [];
    this.windowAfter = head;
    this.tail = head;
    this.failure = undefined;
    const pump = this.events.subscribeToAll({ after: head });
    this.pump = pump;
    void (async () => {
      try {
        for await (const event of pump) this.receive(event);
      } catch (error) {
        this.failure = error;
        this.started = undefined; // the next follower (the loops retry) starts a new pump
      }
      this.notify();
    })();
  }

  private receive(event: RecordedEvent): void {
    this.window.push(deepFreeze(event));
    this.tail = event.position;
    if (this.window.length > this.windowSize * 2) {
      const dropped = this.window.splice(0, this.window.length - this.windowSize);
      this.windowAfter = dropped[dropped.length - 1].position;
    }
    this.notifyTimer ??= setTimeout(() => this.notify(), this.coalesceMs);
  }

  private notify(): void {
    this.notifyTimer = undefined;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w();
  }

  /** The next page after `position`: from the window when it covers it, else from the store. */
  private async eventsAfter(position: number): Promise<RecordedEvent[]> {
    if (this.failure) throw this.failure;
    if (position < this.windowAfter) return this.events.readAll({ after: position, maxCount: this.pageSize });
    const from = firstAfter(this.window, position);
    return this.window.slice(from, from + this.pageSize);
  }

  /** Resolves once the tail moved beyond `position` (or the subscription was closed through `register`). */
  private waitBeyond(position: number, register: (wake: () => void) => void): Promise<void> {
    if (this.tail > position || this.failure) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      register(wake);
    });
  }
}

/** Binary search: the index of the first event with a position greater than `position`. */
function firstAfter(window: RecordedEvent[], position: number): number {
  let lo = 0;
  let hi = window.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (window[mid].position <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The event store as the projector and the reactors see it: the same, but following the shared tail. */
export function followingSharedTail(events: EventStore, tail: SharedTail): EventStore {
  return new FollowingSharedTail(events, tail);
}

class FollowingSharedTail extends DelegatingEventStore {
  constructor(
    events: EventStore,
    private readonly tail: SharedTail,
  ) {
    super(events);
  }

  override subscribeToAll(options?: SubscribeOptions) {
    return this.tail.subscribe(options);
  }
}
