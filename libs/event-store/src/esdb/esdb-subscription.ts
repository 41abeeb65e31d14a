/** The port's `Subscription` over a catch-up subscription of `@eventstore/db-client`. */
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent, Subscription } from '../port';

type Done = IteratorReturnResult<undefined>;

export class EsdbSubscription implements Subscription {
  private closed = false;
  private stop!: (done: Done) => void;
  /** Resolves on close(), so an iteration waiting for the next event ends at once. */
  private readonly stopped = new Promise<Done>((resolve) => (this.stop = resolve));

  constructor(
    private readonly source: AllStreamSubscription,
    /** Returns undefined for events the subscriber must not see (client-side filter). */
    private readonly convert: (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined,
    private readonly onClose: () => void = () => undefined,
  ) {
    // An error while nobody iterates must not crash the process; iteration still reports it.
    source.on('error', () => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    const events = this.source[Symbol.asyncIterator]() as AsyncIterator<AllStreamResolvedEvent>;
    try {
      while (!this.closed) {
        const next = await Promise.race([events.next(), this.stopped]);
        if (next.done) return;
        const event = this.convert(next.value);
        if (event) yield event;
      }
    } finally {
      // Breaking out of `for await` also releases the server-side subscription.
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop({ done: true, value: undefined });
    this.onClose();
    await this.source.unsubscribe();
    this.source.destroy();
  }
}
