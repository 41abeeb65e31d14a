/**
 * What the contract cannot see: how the adapter maps onto EventStoreDB (errors, metadata layout,
 * filters sent to the server, system events, paging), checked over gRPC against the fake server.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, binaryEvent, jsonEvent } from '@eventstore/db-client';
import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { WrongExpectedRevisionError } from '../errors';
import type { RecordedEvent } from '../port';
import { newEvent } from '../testing/event-store.contract';
import { FakeEsdbServer } from '../testing/fake-esdb/fake-esdb-server';
import { EsdbEventStore } from './esdb-event-store';

let server: FakeEsdbServer;
let store: EsdbEventStore;
let raw: EventStoreDBClient;
let prefix: string;
const s = (id: string) => `${prefix}${id}`;

beforeAll(async () => {
  server = await FakeEsdbServer.start();
  store = new EsdbEventStore(server.connectionString, { pageSize: 4 });
  raw = EventStoreDBClient.connectionString(server.connectionString);
});
afterAll(async () => {
  await store.close();
  await raw.dispose();
  await server.stop();
});
beforeEach(() => {
  prefix = `t${randomUUID().slice(0, 8)}_`;
});

/** The filter of the last `$all` Read the server received. */
function lastFilter(): ReadReq.Options.FilterOptions.AsObject | undefined {
  return server.reads.filter((o) => o.hasAll()).at(-1)?.getFilter()?.toObject();
}

describe('appending', () => {
  it('turns the client WrongExpectedVersionError into WrongExpectedRevisionError', async () => {
    await store.appendToStream(s('a'), [newEvent('A'), newEvent('B')]);
    const error = await store.appendToStream(s('a'), [newEvent('C')], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ stream: s('a'), expected: 'no_stream', actual: 1 });
    const missing = await store.appendToStream(s('b'), [newEvent('C')], { expectedRevision: 0 }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ stream: s('b'), expected: 0, actual: 'no_stream' });
  });

  it('rejects an empty batch, like the SQLite adapter', async () => {
    await expect(store.appendToStream(s('a'), [])).rejects.toThrow('at least one event');
  });
});

describe('the envelope in EventStoreDB', () => {
  it('stores JSON data, our metadata and the schema version under $schemaVersion', async () => {
    const e = newEvent('Typed', { amount: '1.00' }, 4);
    await store.appendToStream(s('env'), [e]);
    const [{ event }] = await collect(raw.readStream(s('env')));
    expect(event).toMatchObject({ id: e.id, type: 'Typed', isJson: true, data: e.data, metadata: { ...e.metadata, $schemaVersion: 4 } });
    const [read] = await store.readStream(s('env'));
    expect(read.metadata).toEqual(e.metadata);
    expect(read.schemaVersion).toBe(4);
  });

  it('reads foreign JSON events without $schemaVersion as version 1, and refuses non-JSON events', async () => {
    await raw.appendToStream(s('foreign'), jsonEvent({ type: 'Foreign', data: { x: 1 } }));
    expect(await store.readStream(s('foreign'))).toMatchObject([{ type: 'Foreign', schemaVersion: 1, data: { x: 1 } }]);
    await raw.appendToStream(s('binary'), binaryEvent({ type: 'Bytes', data: new Uint8Array([1, 2]) }));
    await expect(store.readStream(s('binary'))).rejects.toThrow('not JSON');
  });
});

describe('reading $all', () => {
  it('pages through more events than one Read returns, keeping global order', async () => {
    const head = await store.headPosition();
    for (let i = 0; i < 10; i++) await store.appendToStream(s(`p-${i % 2}`), [newEvent('P', { i })]);
    const all = await store.readAll({ after: head, filter: { streamPrefixes: [prefix] } });
    expect(all.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const some = await store.readAll({ after: all[2].position, maxCount: 5, filter: { streamPrefixes: [prefix] } });
    expect(some.map((e) => e.data.i)).toEqual([3, 4, 5, 6, 7]);
  });

  it('matches event types exactly, although the server filter works on prefixes or regexes', async () => {
    const head = await store.headPosition();
    const type = `${prefix}Order.Placed`;
    await store.appendToStream(s('t'), [newEvent(type, { n: 1 }), newEvent(`${type}V2`, { n: 2 }), newEvent(`${prefix}OrderXPlaced`, { n: 3 })]);
    expect((await store.readAll({ after: head, filter: { eventTypes: [type] } })).map((e) => e.data.n)).toEqual([1]);
    expect(lastFilter()?.eventType?.regex).toBe(`^(?:${prefix}Order\\.Placed)$`);
  });

  it('filters event types on the server and stream prefixes on the client when both are given', async () => {
    const head = await store.headPosition();
    await store.appendToStream(s('x-1'), [newEvent(`${prefix}A`, { n: 1 }), newEvent(`${prefix}B`, { n: 2 })]);
    await store.appendToStream(s('y-1'), [newEvent(`${prefix}A`, { n: 3 })]);
    const got = await store.readAll({ after: head, filter: { eventTypes: [`${prefix}A`], streamPrefixes: [s('x-')] } });
    expect(got.map((e) => e.data.n)).toEqual([1]);
    expect(lastFilter()).toMatchObject({ eventType: { regex: `^(?:${prefix}A)$` } });
    expect(lastFilter()?.streamIdentifier).toBeUndefined();
  });

  it('sends stream prefixes to the server when they are the only filter', async () => {
    await store.readAll({ filter: { streamPrefixes: [s('only-')] } });
    expect(lastFilter()).toMatchObject({ streamIdentifier: { prefixList: [s('only-')], regex: '' } });
  });

  it('reads after the position of an event the filter excludes', async () => {
    const head = await store.headPosition();
    await store.appendToStream(s('m'), [newEvent('Other', { n: 1 }), newEvent('Wanted', { n: 2 })]);
    const [other] = await store.readStream(s('m'));
    const got = await store.readAll({ after: other.position, filter: { streamPrefixes: [prefix], eventTypes: ['Wanted'] } });
    expect(got.map((e) => e.data.n)).toEqual([2]);
    expect(other.position).toBeGreaterThan(head);
  });
});

describe('system events', () => {
  it('never reaches readAll, headPosition or subscriptions, whether system by type or by stream', async () => {
    const before = await store.headPosition();
    const { position } = await store.appendToStream(s('user'), [newEvent('User')]);
    await raw.appendToStream(`$stats-${prefix}`, jsonEvent({ type: '$statsCollected', data: {} }));
    await raw.appendToStream(`$${prefix}system-stream`, jsonEvent({ type: 'LooksLikeUser', data: {} }));
    expect(await store.headPosition()).toBe(position);
    expect((await store.readAll({ after: before })).map((e) => e.stream)).toEqual([s('user')]);
    const sub = store.subscribeToAll({ after: before });
    await store.appendToStream(s('user'), [newEvent('Later')]);
    const got = await take(sub, 2);
    await sub.close();
    expect(got.map((e) => e.type)).toEqual(['User', 'Later']);
  });
});

describe('subscriptions', () => {
  it('combine a server-side event type filter with client-side stream prefixes', async () => {
    const sub = store.subscribeToAll({ after: await store.headPosition(), filter: { eventTypes: [`${prefix}W`], streamPrefixes: [s('in-')] } });
    await store.appendToStream(s('out-1'), [newEvent(`${prefix}W`, { n: 1 })]);
    await store.appendToStream(s('in-1'), [newEvent('Other', { n: 2 }), newEvent(`${prefix}W`, { n: 3 })]);
    expect((await take(sub, 1)).map((e) => e.data.n)).toEqual([3]);
    expect(server.reads.at(-1)?.getFilter()?.toObject()).toMatchObject({ eventType: { regex: `^(?:${prefix}W)$` } });
  });

  it('fail the iteration, rather than hang, when the server goes away', async () => {
    const doomed = await FakeEsdbServer.start();
    const own = new EsdbEventStore(doomed.connectionString);
    const sub = own.subscribeToAll();
    const iterating = collect(sub);
    await own.appendToStream(s('d'), [newEvent('D')]);
    await doomed.stop();
    await expect(iterating).rejects.toThrow();
    await own.close();
  });
});

describe('lifecycle', () => {
  it('ends open subscriptions when the store closes', async () => {
    const own = new EsdbEventStore(server.connectionString);
    const sub = own.subscribeToAll({ after: await own.headPosition() });
    const iterating = collect(sub);
    await own.close();
    await expect(iterating).resolves.toEqual([]);
  });

  it('leaves a client it was given open', async () => {
    const borrowed = new EsdbEventStore(raw);
    await borrowed.close();
    await expect(raw.appendToStream(s('still-open'), jsonEvent({ type: 'A', data: {} }))).resolves.toMatchObject({ success: true });
  });

  it('connect() fails at once with a clear message when nothing listens', async () => {
    const gone = await FakeEsdbServer.start();
    await gone.stop();
    await expect(EsdbEventStore.connect(gone.connectionString)).rejects.toThrow(/^Cannot reach EventStoreDB/);
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function take(sub: AsyncIterable<RecordedEvent>, n: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of sub) if (out.push(e) === n) break;
  return out;
}
