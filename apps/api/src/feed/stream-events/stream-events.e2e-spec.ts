/**
 * GET /events as text/event-stream, end to end over loopback with node:http: catch-up then live,
 * exact resume, heartbeats, per-user stream limits, the rate limit, and that every way a stream ends
 * releases its store subscription. The slow consumer runs last: it fills the log with a large backlog.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent, Subscription } from '@cl/event-store';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { getJson, isStream, listen, openStream, type JsonAnswer, type SseStream } from '../testing/feed-client';
import { FeedStreams } from './feed-streams';

const SLOW_CONSUMER_MS = 500;
const RATE_LIMIT = 12;

describe('GET /events as text/event-stream (end to end, over loopback)', () => {
  let t: TestApp;
  let port: number;
  let subscriptions: ReturnType<typeof trackSubscriptions>;
  const opened: SseStream[] = [];

  const auth = async (sub: string, party: 'company' | 'compliance' = 'company') => ({ authorization: `Bearer ${await t.token(party, { sub })}` });
  const stream = async (path: string, headers: Record<string, string>, paused = false) => {
    const answer = await openStream(port, path, headers, { paused });
    if (!isStream(answer)) throw new Error(`expected a stream, got ${answer.status} ${JSON.stringify(answer.body)}`);
    opened.push(answer);
    return answer;
  };
  const register = async (id: string) => {
    const res = await t.http().post('/distributors').set(await auth('registrar')).send({ id, name: `Distributor ${id}`, territories: ['PL'] });
    if (res.status !== 201) throw new Error(`POST /distributors: ${res.status} ${res.text}`);
  };
  const log = () => t.events.readAll({ maxCount: 100_000 });
  const feedStreams = () => t.app.get(FeedStreams);

  beforeAll(async () => {
    t = await startTestApp({
      FEED_HEARTBEAT_MS: '100',
      FEED_SLOW_CONSUMER_MS: String(SLOW_CONSUMER_MS),
      FEED_MAX_STREAMS_PER_USER: '2',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      AUDIT_DIGEST_EVERY: '1000000',
    });
    port = await listen(t.app);
    for (const id of ['d-1', 'd-2', 'd-3']) await register(id);
    await t.settled();
    // After the projector and reactors subscribed: what opens from now on is the feed's.
    subscriptions = trackSubscriptions(t.events);
  });
  beforeEach(() => subscriptions.reset());
  afterEach(async () => {
    for (const s of opened.splice(0)) s.close();
    await waitUntil(() => feedStreams().active === 0 && subscriptions.open === 0, 'every stream of the test to end');
  });
  afterAll(() => t?.close());

  it('catches up from the start, then delivers what is appended while connected, each with id = position and event = type', async () => {
    const sse = await stream('/events', await auth('erp'));
    const before = await log();
    await sse.waitFor(() => sse.items.length === before.length, 'the catch-up');
    await register('d-live');
    await sse.waitFor(() => sse.items.some((i) => i.stream === 'distributor-d-live'), 'the live event');
    const all = await log();
    expect(sse.items.map((i) => i.position)).toEqual(all.map((e) => e.position));
    expect(sse.messages.filter((m) => m.data).map((m) => [Number(m.id), m.event])).toEqual(all.map((e) => [e.position, e.type]));
    const live = sse.items.at(-1)!;
    expect(live).toEqual({
      position: all.at(-1)!.position,
      id: all.at(-1)!.id,
      stream: 'distributor-d-live',
      revision: 0,
      type: 'DistributorRegistered',
      schemaVersion: 1,
      data: expect.objectContaining({ distributorId: 'd-live', name: 'Distributor d-live' }),
      metadata: { actor: { party: 'company', userId: 'registrar' }, correlationId: expect.any(String), causationId: expect.any(String), recordedAt: expect.any(String) },
    });
    expect(subscriptions.opened).toBe(1);
  });

  it('resumes with Last-Event-ID exactly after the last event received: no gap, no duplicate (and it beats `from`)', async () => {
    const first = await stream('/events', await auth('bi'));
    await first.waitFor(() => first.items.length >= 3, 'three events');
    first.close();
    const resumeAfter = first.lastEventId!;
    const received = first.items.filter((i) => i.position <= Number(resumeAfter));
    await register('d-while-away-1');
    await register('d-while-away-2');
    const second = await stream('/events?from=0', { ...(await auth('bi')), 'last-event-id': resumeAfter });
    const all = await log();
    await second.waitFor(() => received.length + second.items.length >= all.length, 'the rest of the log');
    expect([...received, ...second.items].map((i) => i.id)).toEqual(all.map((e) => e.id));
    expect(second.items[0].position).toBeGreaterThan(Number(resumeAfter));
  });

  it('sends a heartbeat comment every FEED_HEARTBEAT_MS while nothing happens', async () => {
    const sse = await stream(`/events?from=${await t.events.headPosition()}`, await auth('quiet'));
    await sse.waitFor(() => sse.comments.filter((c) => c === 'heartbeat').length >= 2, 'two heartbeats', 2000);
    expect(sse.items).toEqual([]);
  });

  it('filters by type on the stream too', async () => {
    const sse = await stream('/events?types=DistributorRenamed', await auth('renames'));
    const res = await t.http().put('/distributors/d-1/name').set(await auth('registrar')).send({ name: 'Renamed One' });
    expect(res.status).toBeLessThan(300);
    await sse.waitFor(() => sse.items.length === 1, 'the rename');
    expect(sse.items.map((i) => [i.type, i.data.name])).toEqual([['DistributorRenamed', 'Renamed One']]);
  });

  it("moves a scoped consumer's Last-Event-ID past events it may not read (an id-only message with the heartbeat)", async () => {
    const outsider = { authorization: `Bearer ${await t.token('distributor', { sub: 'outsider', distributorId: 'nobody' })}` };
    const head = await t.events.headPosition();
    const sse = await stream('/events', outsider);
    await sse.waitFor(() => sse.lastEventId === String(head), `the checkpoint id ${head}`, 3000);
    expect(sse.items).toEqual([]); // other distributors' registrations, renames: none is its to read
    expect(sse.messages.every((m) => m.data === undefined && m.event === undefined)).toBe(true);
  });

  it('answers a refused stream as a problem before streaming: an unknown type, a malformed Last-Event-ID', async () => {
    const headers = await auth('sloppy');
    const unknown = (await openStream(port, '/events?types=ClientClaimed,NoSuchEvent', headers)) as JsonAnswer;
    expect([unknown.status, unknown.body.code, unknown.body.errors.map((e: { field: string }) => e.field)]).toEqual([422, 'REQUEST.VALIDATION_FAILED', ['types']]);
    expect(unknown.body.errors[0].message).toContain('NoSuchEvent');
    const badId = (await openStream(port, '/events', { ...headers, 'last-event-id': 'yesterday' })) as JsonAnswer;
    expect([badId.status, badId.body.errors.map((e: { field: string }) => e.field)]).toEqual([422, ['Last-Event-ID']]);
    expect(subscriptions.opened).toBe(0);
  });

  it('releases the store subscription when the client hangs up', async () => {
    const sse = await stream('/events', await auth('leaver'));
    await sse.waitFor(() => sse.items.length > 0, 'the first event');
    expect(subscriptions.open).toBe(1);
    sse.close();
    await waitUntil(() => subscriptions.open === 0, 'the subscription to close');
    expect(feedStreams().active).toBe(0);
    expect(subscriptions.opened).toBe(1);
  });

  it('holds at most FEED_MAX_STREAMS_PER_USER streams per user: one more is a 429 problem, another user is not affected', async () => {
    const greedy = await auth('greedy');
    await stream('/events', greedy);
    const second = await stream('/events', greedy);
    const refused = (await openStream(port, '/events', greedy)) as JsonAnswer;
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'FEED.TOO_MANY_STREAMS', maxStreams: 2 });
    expect(isStream(await openStream(port, '/events', await auth('modest')).then(track))).toBe(true);
    second.close();
    await waitUntil(() => feedStreams().active === 2, 'the second stream to end');
    expect(isStream(await openStream(port, '/events', greedy).then(track))).toBe(true);
  });

  it('is not cut by the rate limit: a stream counts as one request, and lives on after the budget is spent', async () => {
    const headers = await auth('budgeted');
    const sse = await stream(`/events?from=${await t.events.headPosition()}`, headers);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) statuses.push((await getJson(port, '/events?limit=1', headers)).status);
    expect(statuses.slice(0, RATE_LIMIT - 1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    await register('d-after-the-budget');
    await sse.waitFor(() => sse.items.some((i) => i.stream === 'distributor-d-after-the-budget'), 'an event after the budget was spent');
  });

  it('disconnects a consumer that stops reading, with the reason, and closes its subscription; nothing is buffered without bound', async () => {
    await appendBacklog(t.events, 800, 20_000); // 16 MB: several times what the loopback socket buffers hold
    const sse = await stream('/events', await auth('stalled'), true);
    await waitUntil(() => subscriptions.opened === 1, 'the stream to subscribe');
    await waitUntil(() => subscriptions.open === 0, 'the slow consumer to be cut off', 30_000);
    expect(feedStreams().active).toBe(0);
    sse.resume(); // it reads on, and finds the notice behind what it had not read
    await sse.closed;
    const notice = sse.disconnect!;
    expect(notice.reason).toMatch(/^slow consumer: nothing was read for 500 ms/);
    expect(notice.lastPosition).toBe(sse.items.at(-1)!.position);
    expect(sse.messages.at(-1)!.event).toBe('disconnect');
    expect(sse.items.length).toBeLessThan((await log()).length); // it was cut off, not served to the end
  }, 60_000);

  function track(answer: SseStream | JsonAnswer) {
    if (isStream(answer)) opened.push(answer);
    return answer;
  }
});

/** Counts the store subscriptions opened from now on, and those not closed yet. */
function trackSubscriptions(store: EventStore) {
  const live = new Set<Subscription>();
  let opened = 0;
  const subscribe = store.subscribeToAll.bind(store);
  jest.spyOn(store, 'subscribeToAll').mockImplementation((options) => {
    const subscription = subscribe(options);
    const close = subscription.close.bind(subscription);
    opened += 1;
    live.add(subscription);
    subscription.close = async () => {
      live.delete(subscription);
      await close();
    };
    return subscription;
  });
  return {
    get open() {
      return live.size;
    },
    get opened() {
      return opened;
    },
    reset: () => (opened = 0),
  };
}

/**
 * Large events straight into the log (renames of a distributor no projection knows, so the read
 * models stay small): the transport is under test here, not the domain.
 */
async function appendBacklog(store: EventStore, count: number, bytes: number): Promise<RecordedEvent[]> {
  const stream = `distributor-backlog-${randomUUID()}`;
  for (let done = 0; done < count; done += 100) {
    const batch: NewEvent[] = Array.from({ length: Math.min(100, count - done) }, (_, i) => ({
      id: randomUUID(),
      type: 'DistributorRenamed',
      schemaVersion: 1,
      data: { distributorId: 'backlog', name: `${done + i} ${'x'.repeat(bytes)}` },
      metadata: { actor: { party: 'company', userId: 'bulk' }, correlationId: randomUUID(), causationId: randomUUID(), recordedAt: new Date().toISOString() },
    }));
    await store.appendToStream(stream, batch);
  }
  return store.readStream(stream);
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('GET /events as text/event-stream when the server shuts down', () => {
  it('ends every open stream with a notice and closes its subscription, so shutting down does not wait on them', async () => {
    const t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' });
    const port = await listen(t.app);
    const subscriptions = trackSubscriptions(t.events);
    const sse = await openStream(port, '/events', { authorization: `Bearer ${await t.token('company', { sub: 'erp' })}` });
    if (!isStream(sse)) throw new Error(`expected a stream, got ${sse.status}`);
    expect(subscriptions.open).toBe(1);
    await t.close();
    await sse.closed;
    expect(subscriptions.open).toBe(0);
    expect(sse.disconnect).toEqual({ reason: 'the server is shutting down; reconnect with Last-Event-ID', lastPosition: 0 });
  });
});
