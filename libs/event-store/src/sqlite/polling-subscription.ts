import type { EventEmitter } from 'node:events';
import type { RecordedEvent, Subscription } from '../port';

/** What an in-process append signals; a signal without it (another process's commit seen) wakes everyone. */
export interface AppendSignal {
  stream: string;
  types: readonly string[];
}

/**
 * Catch-up and live are one loop over positions: read the next page after the last delivered
 * position; when empty, wait for an in-process append signal or the poll interval (another process
 * may be writing). Because SQLite commits positions in order, reading "after the last position" can
 * neither skip nor repeat an event at the hand-over. The consumer pulls, so nothing is buffered
 * beyond one page.
 *
 * Reads only when something can be there: a page shorter than `pageSize` was the end of the log when
 * read, so the next read waits for an append signalled since (or the poll); and an in-process append
 * signal says what it appended, so a filtered subscription that could not match it is not woken.
 * Before, each append cost every subscription a read, and a second, empty one after its page; the
 * API's filtered ones (webhook registrations, each webhook's types) read on every command (docs/benchmarks.md).
 */
export function pollingSubscription(options: {
  after: number;
  /** At most `pageSize` events after `after`, in log order. */
  readBatch: (after: number) => Promise<RecordedEvent[]>;
  pageSize: number;
  /** Emits `append` (with the stream and types appended, when known) and `close`. */
  signal: EventEmitter;
  pollIntervalMs: number;
  /** Whether an append of these types to this stream can hold an event the subscription delivers. */
  mayMatch?: (stream: string, types: readonly string[]) => boolean;
}): Subscription {
  let closed = false;
  let wake: (() => void) | undefined;
  /** Whether an append that may concern this subscription was signalled since its last read began. */
  let signalled = false;
  const onSignal = (appended?: AppendSignal) => {
    if (appended && options.mayMatch && !options.mayMatch(appended.stream, appended.types)) return;
    signalled = true;
    wake?.();
  };
  const onStoreClosed = () => void close();
  options.signal.on('append', onSignal);
  options.signal.on('close', onStoreClosed);

  const waitForMore = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function close(): Promise<void> {
    closed = true;
    options.signal.off('append', onSignal);
    options.signal.off('close', onStoreClosed);
    wake?.();
  }

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    let after = options.after;
    while (!closed) {
      signalled = false;
      const batch = await options.readBatch(after);
      for (const event of batch) {
        if (closed) return;
        after = event.position;
        yield event;
      }
      if (batch.length < options.pageSize && !signalled && !closed) await waitForMore();
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close,
  };
}
