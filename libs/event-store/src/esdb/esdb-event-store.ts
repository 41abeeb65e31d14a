/**
 * The production adapter: EventStoreDB through `@eventstore/db-client`. Streams map one to one;
 * our position is `$all`'s commit position; events are JSON with our schema version in the metadata
 * (see `esdb-mapping.ts`); `$all` is filtered on the server (see `esdb-filter.ts`, `filtered-read.ts`).
 */
import { type AllStreamResolvedEvent, type ResolvedEvent, BACKWARDS, END, EventStoreDBClient, FORWARDS, START, StreamNotFoundError } from '@eventstore/db-client';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { planFilter, toClientFilter } from './esdb-filter';
import { toEventData, toExpectedRevision, toPortError, toPosition, toRecorded, toClientPosition } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';
import { commitOf, readAllPage, scanAll } from './filtered-read';

export interface EsdbEventStoreOptions {
  /** Events per Read call when paging through `$all` (at least 2). */
  pageSize?: number;
}

/** Same default as the SQLite adapter, so callers page the same way on both. */
const DEFAULT_READ_ALL_COUNT = 1000;

export class EsdbEventStore implements EventStore {
  /** Exposed for tooling and tests, like the SQLite adapter's `database`; not part of the port. */
  readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<EsdbSubscription>();

  /** From a connection string (`esdb://host:2113?tls=false`), or an existing client, which close() leaves open. */
  constructor(connection: string | EventStoreDBClient, options: EsdbEventStoreOptions = {}) {
    this.ownsClient = typeof connection === 'string';
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.pageSize = Math.max(2, options.pageSize ?? 500);
  }

  /** Connects and makes one round trip, so a wrong address or missing rights fail at boot, not on first use. */
  static async connect(connectionString: string, options?: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    const store = new EsdbEventStore(connectionString, options);
    try {
      await store.ping();
      return store;
    } catch (error) {
      await store.close();
      // The connection string may hold credentials: name the failure, not the string.
      throw new Error(`Cannot reach EventStoreDB: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async appendToStream(stream: string, events: NewEvent[], options: { expectedRevision?: ExpectedRevision } = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const expected = options.expectedRevision ?? 'any';
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toExpectedRevision(expected),
      });
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: toPosition(result.position?.commit) };
    } catch (error) {
      throw toPortError(error, stream, expected);
    }
  }

  async readStream(stream: string, { direction = 'forwards', fromRevision, maxCount }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (maxCount === 0) return [];
    const backwards = direction === 'backwards';
    const events = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: fromRevision === undefined ? (backwards ? END : START) : BigInt(fromRevision),
      maxCount,
    });
    const resolved: ResolvedEvent[] = [];
    try {
      // Drain before converting: leaving the client's read stream half-read keeps its gRPC call open.
      for await (const event of events) resolved.push(event);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return resolved.map(toRecorded);
  }

  async readAll({ after = 0, maxCount = DEFAULT_READ_ALL_COUNT, filter }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const plan = planFilter(filter);
    const out: RecordedEvent[] = [];
    if (maxCount <= 0) return out;
    // One more than wanted: a read from `after` includes the event at `after`, which is dropped.
    const pageSize = Math.min(this.pageSize, maxCount + 1);
    for await (const resolved of scanAll(this.client, { after: afterBound(after), direction: 'forwards', filter: plan.server, pageSize })) {
      if (!plan.accepts(resolved)) continue;
      out.push(toRecorded(resolved));
      if (out.length === maxCount) break;
    }
    return out;
  }

  subscribeToAll({ after = 0, filter }: SubscribeOptions = {}): Subscription {
    const plan = planFilter(filter);
    const bound = afterBound(after);
    const source = this.client.subscribeToAll({
      fromPosition: bound === undefined ? START : toClientPosition(after),
      filter: toClientFilter(plan.server),
    });
    const deliver = (resolved: AllStreamResolvedEvent) =>
      plan.accepts(resolved) && (bound === undefined || commitOf(resolved) > bound) ? toRecorded(resolved) : undefined;
    const subscription: EsdbSubscription = new EsdbSubscription(source, deliver, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Newest non-system event of `$all`, read backwards page by page (system events may sit on top). */
  async headPosition(): Promise<number> {
    const plan = planFilter();
    for await (const resolved of scanAll(this.client, { direction: 'backwards', filter: plan.server, pageSize: 32 })) {
      if (plan.accepts(resolved)) return toPosition(commitOf(resolved));
    }
    return 0;
  }

  /** One cheap round trip that needs the same rights as the rest: the last event of `$all`, unfiltered. */
  async ping(): Promise<void> {
    await readAllPage(this.client, { from: 'end', direction: 'backwards', count: 1 });
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.ownsClient) await this.client.dispose();
  }
}

/** `after` 0 (or less) means "from the start": there is no bound to exclude. */
const afterBound = (after: number): bigint | undefined => (after > 0 ? BigInt(after) : undefined);
