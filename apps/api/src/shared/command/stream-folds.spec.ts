import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { newEvent } from '@cl/event-store/testing/event-store.contract';
import type { Event } from '@cl/domain/shared/types';
import { eventHistory, StreamFolds, type StreamFoldsLimits } from './stream-folds';

type Noted = Event<'Noted', { n: number }>;
const schemas = { Noted: { version: 1 } };
const noted = (n: number) => newEvent('Noted', { n });
const ns = (events: readonly Noted[]) => events.map((e) => e.data.n);
const roomy = { maxWeight: 100, maxStreamWeight: 100 };
const historiesOf = (store: SqliteEventStore, limits: StreamFoldsLimits) => new StreamFolds(store, schemas, eventHistory<Noted>(), limits);

describe('StreamFolds of event histories', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore(':memory:')));
  afterEach(() => store.close());

  it('gives what reading the whole stream gives, reading only the events after those it keeps', async () => {
    const histories = historiesOf(store, roomy);
    const reads = jest.spyOn(store, 'readStream');
    await store.appendToStream('s', [noted(1), noted(2)]);
    expect(ns(await histories.read('s'))).toEqual([1, 2]);
    // Appended by anyone (another process, another instance) after the first read:
    await store.appendToStream('s', [noted(3)]);
    expect(ns(await histories.read('s'))).toEqual([1, 2, 3]);
    expect(ns(await histories.read('s'))).toEqual([1, 2, 3]);
    expect(reads.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([0, 2, 3]);
    expect(ns(await histories.read('absent'))).toEqual([]);
  });

  it('hands out deep-frozen events, so no caller can change what the next one gets', async () => {
    const histories = historiesOf(store, roomy);
    await store.appendToStream('s', [newEvent('Noted', { n: 1, owner: { party: 'company' } })]);
    const events = await histories.read('s');
    expect(Object.isFrozen(events)).toBe(true);
    expect(() => ((events[0].data as unknown as { owner: { party: string } }).owner.party = 'changed')).toThrow(TypeError);
    expect((await histories.read('s'))[0].data).toEqual({ n: 1, owner: { party: 'company' } });
  });

  it('keeps at most `maxWeight` events, dropping the stream read longest ago', async () => {
    const histories = historiesOf(store, { maxWeight: 2, maxStreamWeight: 10 });
    for (const s of ['a', 'b', 'c']) await store.appendToStream(s, [noted(1)]);
    for (const s of ['a', 'b', 'c']) await histories.read(s); // keeps b, c
    const reads = jest.spyOn(store, 'readStream');
    for (const s of ['b', 'a', 'b', 'c']) await histories.read(s);
    // b, read again, outlives c; a and then c had been dropped and are read whole.
    expect(reads.mock.calls.map(([stream, options]) => `${stream}@${options?.fromRevision}`)).toEqual(['b@1', 'a@0', 'b@1', 'c@0']);
  });

  it('does not keep a stream longer than `maxStreamWeight` events', async () => {
    const histories = historiesOf(store, { maxWeight: 100, maxStreamWeight: 2 });
    await store.appendToStream('long', [noted(1), noted(2), noted(3)]);
    const reads = jest.spyOn(store, 'readStream');
    expect(ns(await histories.read('long'))).toEqual([1, 2, 3]);
    expect(ns(await histories.read('long'))).toEqual([1, 2, 3]);
    expect(reads.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([0, 0]);
  });

  it('never goes back to fewer events when concurrent reads finish out of order', async () => {
    const histories = historiesOf(store, roomy);
    await store.appendToStream('s', [noted(1)]);
    await histories.read('s');
    const read = store.readStream.bind(store);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = jest.spyOn(store, 'readStream').mockImplementationOnce(async (...args) => {
      const events = await read(...args); // sees [2]
      await held;
      return events;
    });
    await store.appendToStream('s', [noted(2)]);
    const first = histories.read('s');
    await new Promise((r) => setImmediate(r));
    slow.mockRestore();
    await store.appendToStream('s', [noted(3)]);
    expect(ns(await histories.read('s'))).toEqual([1, 2, 3]);
    release();
    expect(ns(await first)).toEqual([1, 2]);
    const reads = jest.spyOn(store, 'readStream');
    expect(ns(await histories.read('s'))).toEqual([1, 2, 3]);
    expect(reads.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([3]);
  });
});
