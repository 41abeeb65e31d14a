/**
 * Wraps any adapter so every append is hash-chained: it reads the stream's last event, stamps
 * `prevHash`/`hash` on the new events, and appends with that exact revision, so the chain cannot
 * fork under concurrent writers. Callers keep the port's expected-revision semantics: a caller's
 * `any` or `stream_exists` is retried on a race, an exact or `no_stream` expectation is checked.
 */
import { WrongExpectedRevisionError } from '../errors';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../port';
import { chainEvents } from './hash-chain';

const RACE_RETRIES = 5;

export class ChainedEventStore implements EventStore {
  constructor(readonly inner: EventStore) {}

  async appendToStream(stream: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    for (let attempt = 0; ; attempt++) {
      const [last] = await this.inner.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const actual = last ? last.revision : 'no_stream';
      if (!satisfies(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
      const previous = last ? { revision: last.revision, hash: last.metadata.hash ?? '' } : null;
      try {
        return await this.inner.appendToStream(stream, chainEvents(stream, previous, events), { expectedRevision: last ? last.revision : 'no_stream' });
      } catch (error) {
        const caller = typeof expected === 'number' || expected === 'no_stream';
        if (!(error instanceof WrongExpectedRevisionError) || caller || attempt >= RACE_RETRIES) {
          throw error instanceof WrongExpectedRevisionError ? new WrongExpectedRevisionError(stream, expected, error.actual) : error;
        }
      }
    }
  }

  readStream(stream: string, options?: ReadStreamOptions) {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions) {
    return this.inner.subscribeToAll(options);
  }

  headPosition() {
    return this.inner.headPosition();
  }

  ping() {
    return this.inner.ping();
  }

  close() {
    return this.inner.close();
  }
}

function satisfies(expected: ExpectedRevision, actual: number | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}
