import type { EventEmitter } from 'node:events';
import type { RecordedEvent, Subscription } from '../port';

/**
 * Catch-up and live are one loop over positions: read the next page after the last delivered
 * position; when empty, wait for an in-process append signal or the poll interval (another process
 * may be writing). Because SQLite commits positions in order, reading "after the last position" can
 * neither skip nor repeat an event at the hand-over. The consumer pulls, so nothing is buffered
 * beyond one page.
 */
export function pollingSubscription(options: {
  after: number;
  readBatch: (after: number) => Promise<RecordedEvent[]>;
  signal: EventEmitter;
  pollIntervalMs: number;
}): Subscription {
  let closed = false;
  let wake: (() => void) | undefined;
  const onSignal = () => wake?.();
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
      const batch = await options.readBatch(after);
      if (batch.length === 0) {
        await waitForMore();
        continue;
      }
      for (const event of batch) {
        if (closed) return;
        after = event.position;
        yield event;
      }
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close,
  };
}
