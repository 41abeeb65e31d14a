/**
 * Server-side filtered reads of `$all`. EventStoreDB supports them (Streams.Read with a filter and a
 * count), but `readAll()` in `@eventstore/db-client` 6.x always sends `no_filter`. So we build that
 * Read request from the client's generated messages and send it through the client's own channel,
 * credentials and stream bookkeeping: its protected `GRPCStreamCreator` and `callArguments`, the
 * helpers its `readAll()` uses. Events are converted by the client's own `convertGrpcEvent`.
 */
import type { CallOptions, Client as GrpcClient, Metadata } from '@grpc/grpc-js';
import { type AllStreamResolvedEvent, type BaseOptions, type EventStoreDBClient, convertToCommandError } from '@eventstore/db-client';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { type ServerFilter, toGrpcFilter } from './esdb-filter';

interface ClientInternals {
  GRPCStreamCreator<C extends GrpcClient, T>(
    Client: new (...args: never[]) => C,
    debugName: string,
    creator: (client: C) => T,
  ): () => Promise<T>;
  callArguments(options: BaseOptions, callOptions?: CallOptions): [Metadata, CallOptions];
}

export type Direction = 'forwards' | 'backwards';

export interface PageRequest {
  /** Forwards includes the event at this position; backwards starts strictly before it. */
  from: bigint | 'start' | 'end';
  direction: Direction;
  count: number;
  /** Omitted: no filter, system events included. */
  filter?: ServerFilter;
}

/** One Read call: up to `count` events matching the server-side filter, collected before returning. */
export async function readAllPage(client: EventStoreDBClient, page: PageRequest): Promise<AllStreamResolvedEvent[]> {
  const internals = client as unknown as ClientInternals;
  const request = buildRequest(page);
  const open = internals.GRPCStreamCreator(StreamsClient, 'readAll (filtered)', (grpc: StreamsClient) =>
    grpc.read(request, ...internals.callArguments({}, { deadline: Infinity })),
  );
  const events: AllStreamResolvedEvent[] = [];
  try {
    for await (const resp of (await open()) as AsyncIterable<ReadResp>) {
      const event = resp.getEvent();
      if (event) events.push(convertGrpcEvent<AllStreamResolvedEvent>(event));
    }
  } catch (err) {
    throw convertToCommandError(err as Error);
  }
  return events;
}

function buildRequest({ from, direction, count, filter }: PageRequest): ReadReq {
  const all = new ReadReq.Options.AllOptions();
  if (from === 'start') all.setStart(new Empty());
  else if (from === 'end') all.setEnd(new Empty());
  else all.setPosition(new ReadReq.Options.Position().setCommitPosition(from.toString()).setPreparePosition(from.toString()));
  const options = new ReadReq.Options()
    .setAll(all)
    .setReadDirection(direction === 'forwards' ? ReadReq.Options.ReadDirection.FORWARDS : ReadReq.Options.ReadDirection.BACKWARDS)
    .setResolveLinks(false)
    .setCount(String(count))
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()));
  if (filter) options.setFilter(toGrpcFilter(filter));
  else options.setNoFilter(new Empty());
  return new ReadReq().setOptions(options);
}

export const commitOf = (resolved: AllStreamResolvedEvent): bigint => resolved.event?.position.commit ?? resolved.commitPosition ?? -1n;

/**
 * Pages through `$all` strictly beyond `after` (exclusive, in the reading direction), yielding events
 * that pass the server-side filter. Stops at the end of `$all` or when the consumer stops iterating.
 */
export async function* scanAll(
  client: EventStoreDBClient,
  { after, direction, filter, pageSize }: { after?: bigint; direction: Direction; filter: ServerFilter; pageSize: number },
): AsyncGenerator<AllStreamResolvedEvent> {
  let bound = after;
  const beyond = (p: bigint, b: bigint) => (direction === 'forwards' ? p > b : p < b);
  for (;;) {
    const from = bound ?? (direction === 'forwards' ? 'start' : 'end');
    const page = await readAllPage(client, { from, direction, count: pageSize, filter });
    const fresh = page.filter((r) => bound === undefined || beyond(commitOf(r), bound));
    for (const resolved of fresh) {
      bound = commitOf(resolved);
      yield resolved;
    }
    if (page.length < pageSize) return;
    if (fresh.length === 0) throw new Error(`reading $all made no progress at position ${String(bound)}`);
  }
}
