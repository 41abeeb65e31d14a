/**
 * Wraps any adapter so every append is hash-chained: it reads the stream's last event, stamps
 * `prevHash`/`hash` on the new events, and appends with that exact revision, so the chain cannot
 * fork under concurrent writers. Callers keep the port's expected-revision semantics: a caller's
 * `any` or `stream_exists` is retried on a race, an exact or `no_stream` expectation is checked.
 */
import { WrongExpectedRevisionError } from '../errors';
import { DelegatingEventStore } from '../delegating-event-store';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port';
import { chainEvents } from './hash-chain';

const RACE_RETRIES = 5;

export class ChainedEventStore extends DelegatingEventStore {
  override async appendToStream(stream: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    for (let attempt = 0; ; attempt++) {
      // A first append links to nothing, and the inner `no_stream` check refuses it if the stream exists.
      const [last] = expected === 'no_stream' ? [] : await this.inner.readStream(stream, { direction: 'backwards', maxCount: 1 });
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
}

function satisfies(expected: ExpectedRevision, actual: number | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}
