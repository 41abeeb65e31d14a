/**
 * Forces real races in end-to-end specs. The embedded store reads and appends within one turn of the
 * event loop, so concurrent requests would never overlap; holding back each read of the streams under
 * test a little makes them all decide on the same revision, and the later appends meet a concurrent
 * write (which the handler answers by deciding again). Counts those WrongExpectedRevisionErrors, so a
 * spec can show that a race did happen.
 *
 * Call it inside a describe: it slows the store from that block's beforeAll to its afterAll.
 */
import { type EventStore, WrongExpectedRevisionError } from '@cl/event-store';

export interface StreamRaces {
  /** How many appends met a concurrent write so far. */
  readonly conflicts: number;
}

export function slowStreamReads(store: () => EventStore, streamPrefix: string): StreamRaces {
  const races = { conflicts: 0 };
  const restore: Array<() => void> = [];
  beforeAll(() => {
    const events = store();
    const read = events.readStream.bind(events);
    const append = events.appendToStream.bind(events);
    const reads = jest.spyOn(events, 'readStream').mockImplementation(async (stream, options) => {
      const found = await read(stream, options);
      if (stream.startsWith(streamPrefix)) await new Promise((resolve) => setTimeout(resolve, 15));
      return found;
    });
    const appends = jest.spyOn(events, 'appendToStream').mockImplementation(async (stream, toAppend, options) =>
      append(stream, toAppend, options).catch((error: unknown) => {
        if (error instanceof WrongExpectedRevisionError) races.conflicts++;
        throw error;
      }),
    );
    restore.push(
      () => reads.mockRestore(),
      () => appends.mockRestore(),
    );
  });
  afterAll(() => restore.forEach((undo) => undo()));
  return races;
}
