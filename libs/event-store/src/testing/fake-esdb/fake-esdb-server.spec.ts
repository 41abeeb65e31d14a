/** The fake's protocol behaviour as the unmodified `@eventstore/db-client` sees it. */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  EventStoreDBClient,
  type Position,
  type ResolvedEvent,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import { FakeEsdbServer } from './fake-esdb-server';

let server: FakeEsdbServer;
let client: EventStoreDBClient;
let prefix: string;

beforeAll(async () => {
  server = await FakeEsdbServer.start();
  client = EventStoreDBClient.connectionString(server.connectionString);
});
afterAll(async () => {
  await client.dispose();
  await server.stop();
});
beforeEach(() => {
  prefix = `f${randomUUID().slice(0, 8)}-`;
});

const event = (type: string, data: Record<string, unknown> = {}) => jsonEvent({ type, data });

/** Reads must be drained: a half-read client stream keeps its gRPC call, and dispose() waits for it. */
async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function take<T>(source: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) if (out.push(item) === n) break;
  return out;
}

it('reports a wrong expected version with the current revision and the expectation', async () => {
  await client.appendToStream(`${prefix}s`, [event('A'), event('B')]);
  const error = await client.appendToStream(`${prefix}s`, event('C'), { expectedRevision: 5n }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ streamName: `${prefix}s`, expectedVersion: 5n, actualVersion: 1n });
});

it('reads $all forwards from a position inclusive, backwards from it exclusive', async () => {
  const { position } = await client.appendToStream(`${prefix}s`, [event('A', { n: 1 }), event('B', { n: 2 })]);
  const at = position as Position;
  const forwards = await collect(client.readAll({ fromPosition: at, maxCount: 1 }));
  const backwards = await collect(client.readAll({ fromPosition: at, direction: BACKWARDS, maxCount: 1 }));
  expect(forwards[0].event?.data).toEqual({ n: 2 });
  expect(backwards[0].event?.data).toEqual({ n: 1 });
});

it('subscribes to a stream after a revision, then live', async () => {
  await client.appendToStream(`${prefix}s`, [event('A', { n: 0 }), event('A', { n: 1 })]);
  const sub = client.subscribeToStream(`${prefix}s`, { fromRevision: 0n });
  const got = take(sub as AsyncIterable<ResolvedEvent>, 2);
  await client.appendToStream(`${prefix}s`, event('A', { n: 2 }));
  expect((await got).map((r) => r.event?.data)).toEqual([{ n: 1 }, { n: 2 }]);
  await sub.unsubscribe();
});

it('filters subscriptions by stream-name regex', async () => {
  const sub = client.subscribeToAll({ filter: streamNameFilter({ regex: `^${prefix}(keep|also)$` }) });
  await client.appendToStream(`${prefix}drop`, event('A', { n: 1 }));
  await client.appendToStream(`${prefix}keep`, event('A', { n: 2 }));
  await client.appendToStream(`${prefix}also`, event('A', { n: 3 }));
  expect((await take(sub, 2)).map((r) => r.event?.data)).toEqual([{ n: 2 }, { n: 3 }]);
  await sub.unsubscribe();
});

it('sends checkpoints every multiplier × search window scanned events on filtered subscriptions', async () => {
  const checkpoints: bigint[] = [];
  const filter = eventTypeFilter({
    prefixes: [`${prefix}Never`],
    maxSearchWindow: 2,
    checkpointInterval: 1,
    checkpointReached: (_sub, position) => void checkpoints.push(position.commit),
  });
  const sub = client.subscribeToAll({ filter });
  for (let i = 0; i < 6; i++) await client.appendToStream(`${prefix}s`, event('Other'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  await sub.unsubscribe();
  const total = server.log.all.length;
  expect(checkpoints).toHaveLength(Math.floor(total / 2));
  expect([...checkpoints].sort((a, b) => (a < b ? -1 : 1))).toEqual(checkpoints);
});
