/**
 * A test double of an EventStoreDB node, speaking the real gRPC protocol over loopback, in memory.
 * It exists to prove that the EventStoreDB adapter talks the wire protocol correctly when no real
 * server can run (CI, this machine). Built from the service definitions and message classes shipped in
 * `@eventstore/db-client/generated`, served by `@grpc/grpc-js`, insecure (`esdb://…?tls=false`).
 *
 * Implements:
 * - Streams.Append: options, then proposed messages; the expected revision (any, no_stream,
 *   stream_exists, exact) is checked and the batch written atomically; replies `success` (current
 *   revision, position) or `wrong_expected_version` (current revision or no stream, and the expectation).
 * - Streams.Read, stream reads: forwards/backwards from start, end or a revision, with a count;
 *   `stream_not_found` for a missing stream.
 * - Streams.Read, `$all` reads: forwards (inclusive) / backwards (exclusive) from start, end or a
 *   position, with a count, optionally filtered on stream name or event type by prefixes or regex
 *   (a JavaScript RegExp stands in for .NET's). Like the server, filtered reads send no checkpoints.
 * - Streams.Read, subscriptions to `$all` and to a stream: `confirmation`, catch-up from start, end
 *   or an exclusive position/revision, `caught_up`, then live events as they are appended, with no
 *   gap or duplicate at the hand-over. Filtered `$all` subscriptions send a `checkpoint` every
 *   (checkpoint interval multiplier × search window) scanned events, the window defaulting to 32.
 * - ServerFeatures.GetSupportedMethods: advertises exactly Streams.Read and Streams.Append, so the
 *   client appends with `Append` rather than `BatchAppend`.
 * Positions: increasing byte-offset-like numbers with gaps, commit == prepare for every event. The
 * log starts with one system event (`$statsCollected` in `$stats-fake`), as real nodes write such events.
 *
 * Does not implement: BatchAppend, Delete, Tombstone (UNIMPLEMENTED); Gossip and cluster discovery
 * (connect with a single host); TLS and authentication (credentials are ignored); structured UUIDs;
 * link resolution (there are no links); stream metadata, ACLs, max-age/max-count, deleted streams;
 * idempotent re-appends of the same event ids; deadlines; `fell_behind`; persistence and clustering.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, status, type sendUnaryData, type ServerReadableStream, type ServerWritableStream, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, type AppendResp, ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { InMemoryLog } from './in-memory-log';
import { readAllPage, readStreamPage, subscriptionStart } from './read-handlers';
import * as wire from './wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type AppendCall = ServerReadableStream<AppendReq, AppendResp>;

const DEFAULT_SEARCH_WINDOW = 32;

export class FakeEsdbServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly log: InMemoryLog,
    /** Options of every Read received, so tests can check what the client asked the server to do. */
    readonly reads: ReadReq.Options[],
  ) {}

  static async start(): Promise<FakeEsdbServer> {
    const log = new InMemoryLog();
    seedSystemEvent(log);
    const server = new Server();
    const reads: ReadReq.Options[] = [];
    server.addService(StreamsService, streamsImplementation(log, reads));
    server.addService(ServerFeaturesService, { getSupportedMethods });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    return new FakeEsdbServer(server, port, log, reads);
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Cancels open calls (subscriptions included) and closes the port. */
  async stop(): Promise<void> {
    this.server.forceShutdown();
  }
}

function seedSystemEvent(log: InMemoryLog): void {
  const data = Buffer.from(JSON.stringify({ 'proc-id': process.pid }));
  log.append('$stats-fake', { kind: 'any' }, [
    { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data, customMetadata: new Uint8Array() },
  ]);
}

function streamsImplementation(log: InMemoryLog, reads: ReadReq.Options[]): UntypedServiceImplementation {
  return {
    read: (call: ReadCall) => {
      const options = call.request.getOptions();
      if (options) reads.push(options);
      read(log, call).catch((err) => call.emit('error', toStatus(err)));
    },
    append: (call: AppendCall, callback: sendUnaryData<AppendResp>) => append(log, call, callback),
  };
}

function getSupportedMethods(_call: unknown, callback: sendUnaryData<SupportedMethods>): void {
  const method = (name: string) => new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name);
  callback(null, new SupportedMethods().setMethodsList([method('read'), method('append')]).setEventStoreServerVersion('0.0.0-fake'));
}

function append(log: InMemoryLog, call: AppendCall, callback: sendUnaryData<AppendResp>): void {
  const requests: AppendReq[] = [];
  call.on('data', (req: AppendReq) => requests.push(req));
  // A client that gives up mid-append never sends 'end', so nothing is written: the batch stays atomic.
  call.on('error', () => undefined);
  call.on('end', () => {
    try {
      callback(null, appendBatch(log, requests));
    } catch (err) {
      callback(toStatus(err));
    }
  });
}

/** The whole client stream is in hand: check the expectation and write in one synchronous step. */
function appendBatch(log: InMemoryLog, requests: AppendReq[]): AppendResp {
  const [head, ...rest] = requests;
  const options = head?.getOptions();
  if (!options) throw new wire.RpcError(status.INVALID_ARGUMENT, 'append must start with options');
  const stream = wire.streamName(options.getStreamIdentifier());
  const expected = wire.parseExpected(options);
  const proposed = rest.map((req) => {
    const message = req.getProposedMessage();
    if (!message) throw new wire.RpcError(status.INVALID_ARGUMENT, 'append options sent twice');
    return wire.parseProposed(message);
  });
  const outcome = log.append(stream, expected, proposed);
  if (!outcome.ok) return wire.appendWrongExpectedVersion(expected, outcome.current);
  return wire.appendSuccess(outcome.revision, outcome.position);
}

async function read(log: InMemoryLog, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw new wire.RpcError(status.INVALID_ARGUMENT, 'read options missing');
  if (options.getUuidOption()?.hasStructured()) throw new wire.RpcError(status.UNIMPLEMENTED, 'structured UUIDs');
  if (options.hasSubscription()) return subscribe(log, call, options);
  const page = options.hasStream() ? readStreamPage(log, options) : readAllPage(log, options);
  for (const message of page) await write(call, message);
  call.end();
}

/** Catch-up and live are one loop over the log: the cursor makes the hand-over gap- and duplicate-free. */
async function subscribe(log: InMemoryLog, call: ReadCall, options: ReadReq.Options): Promise<void> {
  const { cursor: start, accepts } = subscriptionStart(log, options);
  const checkpointEvery = checkpointInterval(options);
  let cursor = start;
  let scanned = 0;
  let caughtUp = false;
  await write(call, wire.confirmationMessage());
  while (!call.cancelled) {
    for (; cursor < log.all.length && !call.cancelled; cursor++) {
      const event = log.all[cursor];
      scanned += 1;
      if (accepts(event)) await write(call, wire.eventMessage(event));
      else if (checkpointEvery && scanned % checkpointEvery === 0) await write(call, wire.checkpointMessage(event.position));
    }
    if (caughtUp) {
      // No await between the loop's last length check and listening: an append cannot slip through.
      await nextAppendOrCancel(log, call);
    } else {
      await write(call, wire.caughtUpMessage());
      caughtUp = true;
    }
  }
}

function checkpointInterval(options: ReadReq.Options): number | undefined {
  const filter = options.getFilter();
  if (!options.hasAll() || !filter) return undefined;
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return Math.max(1, filter.getCheckpointintervalmultiplier()) * window;
}

/** Honours backpressure: waits for 'drain' when the transport buffer is full. */
async function write(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.cancelled || call.write(message)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
  });
}

function nextAppendOrCancel(log: InMemoryLog, call: ReadCall): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      log.signal.off('appended', done);
      call.off('cancelled', done);
      resolve();
    };
    log.signal.on('appended', done);
    call.on('cancelled', done);
  });
}

function toStatus(err: unknown): { code: status; details: string } {
  if (err instanceof wire.RpcError) return { code: err.code, details: err.message };
  return { code: status.INTERNAL, details: err instanceof Error ? err.message : String(err) };
}
