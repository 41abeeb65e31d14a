/**
 * Delivery against a real HTTP receiver on loopback that fails, times out and recovers, with short
 * timeouts and backoff from configuration. What must hold: every matching event is acknowledged,
 * each stream's events arrive in order, an event is sent again only after a failed attempt (or
 * across a restart), signatures verify as documented, and a distributor gets only what it may read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@cl/event-store';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { Receiver, verifyAsDocumented, type Received } from '../testing/receiver';

const FAST = {
  // Long enough that a busy CI machine does not time out an answered attempt (which would make a legitimate duplicate).
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_RETRY_BASE_MS: '10',
  WEBHOOK_RETRY_MAX_MS: '80',
  WEBHOOK_MAX_ATTEMPTS: '5',
  AUDIT_DIGEST_EVERY: '1000000',
};
const DISTRIBUTOR_TYPES = ['DistributorRegistered', 'DistributorRenamed'];

interface Registered {
  id: string;
  secret: string;
  start: number;
}

function harness(getApp: () => TestApp) {
  const bearer = async (party: 'company' | 'distributor', distributorId?: string) =>
    `Bearer ${await getApp().token(party, distributorId ? { distributorId, sub: `${distributorId}-user` } : {})}`;
  const call = async (method: 'post' | 'put', path: string, body: object, authorization?: string) => {
    const res = await getApp().http()[method](path).set('Authorization', authorization ?? (await bearer('company'))).send(body);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  return {
    bearer,
    call,
    async register(url: string, eventTypes: string[], authorization?: string): Promise<Registered> {
      const { id, secret } = await call('post', '/webhooks', { url, eventTypes }, authorization);
      const [registered] = await getApp().events.readStream(`webhook-${id}`);
      return { id, secret, start: registered.position };
    },
    rename: (id: string, name: string) => call('put', `/distributors/${id}/name`, { name }),
    distributor: (id: string, territories = ['PL-MZ']) => call('post', '/distributors', { id, name: `${id} 0`, territories }),
    async eventsAfter(start: number, keep: (e: RecordedEvent) => boolean): Promise<RecordedEvent[]> {
      return (await getApp().events.readAll({ after: start, maxCount: 100_000 })).filter(keep);
    },
    deliveries: async (id: string, authorization?: string) =>
      (await getApp().http().get(`/webhooks/${id}/deliveries`).set('Authorization', authorization ?? (await bearer('company')))).body,
    deactivate: (id: string, authorization?: string) => call('post', `/webhooks/${id}/deactivation`, {}, authorization),
  };
}

/** Global positions never go back, so neither does any stream's revision; an event is re-sent only after a failed attempt. */
function expectOrderAndRetriesOnly(requests: Received[]): void {
  const positions = requests.map((r) => r.payload.position);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  const byStream = new Map<string, number[]>();
  for (const r of requests) byStream.set(r.payload.stream, [...(byStream.get(r.payload.stream) ?? []), r.payload.revision]);
  for (const revisions of byStream.values()) expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  const answersById = new Map<string, string[]>();
  for (const r of requests) answersById.set(r.eventId, [...(answersById.get(r.eventId) ?? []), r.answered]);
  for (const answers of answersById.values()) expect(answers.slice(0, -1).every((a) => a !== 'ok')).toBe(true);
}

describe('webhook delivery to a real receiver on loopback', () => {
  let t: TestApp;
  let receiver: Receiver;
  const h = harness(() => t);
  beforeAll(async () => {
    t = await startTestApp(FAST);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    receiver = await Receiver.start();
  });
  afterEach(() => receiver.close());

  it('delivers every matching event through failures and timeouts, once acknowledged, in order, signed as documented', async () => {
    // Every third request fails with 500, every eleventh from the fifth hangs past the timeout: never more than 2 in a row.
    receiver.behave((r) => (r.n % 11 === 5 ? 'hang' : r.n % 3 === 0 ? 'fail' : 'ok'));
    const wh = await h.register(receiver.url, DISTRIBUTOR_TYPES);
    for (const id of ['d-a', 'd-b', 'd-c']) await h.distributor(id);
    for (let i = 1; i <= 4; i++) for (const id of ['d-a', 'd-b', 'd-c']) await h.rename(id, `${id} ${i}`);
    const expected = await h.eventsAfter(wh.start, (e) => DISTRIBUTOR_TYPES.includes(e.type));
    expect(expected).toHaveLength(15);
    await receiver.waitUntil(() => expected.every((e) => receiver.ackedIds().has(e.id)), 20_000, 'every event acknowledged');

    const requests = receiver.received.filter((r) => r.webhookId === wh.id);
    expect(new Set(requests.map((r) => r.eventId))).toEqual(new Set(expected.map((e) => e.id)));
    expect(receiver.acked.map((r) => r.eventId)).toEqual(expected.map((e) => e.id));
    expect(requests.some((r) => r.answered === 'fail')).toBe(true);
    expect(requests.some((r) => r.answered === 'hang')).toBe(true);
    expectOrderAndRetriesOnly(requests);
    for (const r of requests) expect(verifyAsDocumented(wh.secret, r)).toBe(true);
    expect(verifyAsDocumented('another-secret-of-32-characters-or-more', requests[0])).toBe(false);

    const first = expected[0];
    expect(JSON.parse(requests[0].body)).toEqual({
      id: first.id,
      position: first.position,
      stream: 'distributor-d-a',
      revision: 0,
      type: 'DistributorRegistered',
      schemaVersion: 1,
      data: first.data,
      metadata: {
        actor: first.metadata.actor,
        correlationId: first.metadata.correlationId,
        causationId: first.metadata.causationId,
        recordedAt: first.metadata.recordedAt,
      },
    });
    const state = await h.deliveries(wh.id);
    expect(state).toMatchObject({ status: 'delivering', startPosition: wh.start, delivered: 15, retrying: null, parked: [] });
    expect(state.position).toBeGreaterThanOrEqual(expected[14].position);
    await h.deactivate(wh.id);
  }, 30_000);

  it('parks an event after the last attempt, holds back everything after it, and resumes with it on replay', async () => {
    receiver.behave(() => 'fail');
    const wh = await h.register(receiver.url, ['DistributorRenamed']);
    await h.distributor('p-a');
    await h.rename('p-a', 'p-a parked');
    const [parked] = await h.eventsAfter(wh.start, (e) => e.type === 'DistributorRenamed');
    await receiver.waitUntil(() => receiver.received.length >= 5, 10_000, 'five attempts');
    await waitFor(async () => (await h.deliveries(wh.id)).status === 'suspended');
    const suspended = await h.deliveries(wh.id);
    expect(suspended.parked).toEqual([
      expect.objectContaining({ eventId: parked.id, position: parked.position, stream: 'distributor-p-a', attempts: 5, lastError: expect.stringMatching(/HTTP 500/) }),
    ]);
    expect(suspended.position).toBeLessThan(parked.position);

    receiver.behave(() => 'ok');
    await h.rename('p-a', 'p-a later');
    await h.distributor('p-b');
    await h.rename('p-b', 'p-b later');
    await new Promise((r) => setTimeout(r, 600));
    expect(receiver.received.map((r) => r.eventId)).toEqual(Array(5).fill(parked.id));

    const replay = await t.http().post(`/webhooks/${wh.id}/parked/replay`).set('Authorization', await h.bearer('company')).send();
    expect(replay.status).toBe(202);
    expect(replay.body.replayed).toEqual([expect.objectContaining({ eventId: parked.id })]);
    const expected = await h.eventsAfter(wh.start, (e) => e.type === 'DistributorRenamed');
    expect(expected).toHaveLength(3);
    await receiver.waitUntil(() => expected.every((e) => receiver.ackedIds().has(e.id)), 10_000, 'replayed and later events');
    expect(receiver.acked.map((r) => r.eventId)).toEqual(expected.map((e) => e.id));
    expectOrderAndRetriesOnly(receiver.received);
    await waitFor(async () => (await h.deliveries(wh.id)).delivered === 3);
    expect(await h.deliveries(wh.id)).toMatchObject({ status: 'delivering', parked: [], retrying: null, replays: 1 });
    await h.deactivate(wh.id);
  }, 30_000);

  it("sends a distributor's webhook only what that distributor may read", async () => {
    await h.distributor('acme', ['PL-MZ']);
    await h.distributor('beta', ['CZ']);
    const acmeAuth = await h.bearer('distributor', 'acme');
    const wh = await h.register(receiver.url, [], acmeAuth);
    await h.rename('beta', 'beta 1');
    await h.rename('acme', 'acme 1');
    const client = (clientId: string, territory: string, taxId: string) =>
      h.call('post', '/clients', { clientId, legalName: `${clientId} Sp. z o.o.`, taxId, territory, segment: 'retail', annualVolume: { minor: 100_000, currency: 'PLN' } });
    await client('cz-client', 'CZ', 'CZ12345678');
    await client('mz-client', 'PL-MZ', 'PL5250009876');
    await h.register(receiver.url, [], await h.bearer('distributor', 'beta'));
    await h.rename('beta', 'beta 2');
    await h.rename('acme', 'acme 2');
    const all = await h.eventsAfter(wh.start, () => true);
    const visible = all.filter(
      (e) =>
        (e.type === 'DistributorRenamed' && e.data.distributorId === 'acme') || (e.type === 'ClientRegistered' && e.data.clientId === 'mz-client'),
    );
    expect(visible.map((e) => e.type)).toEqual(['DistributorRenamed', 'ClientRegistered', 'DistributorRenamed']);
    await receiver.waitUntil(() => receiver.ackedIds().has(visible[2].id), 10_000, "acme's last rename");

    const mine = receiver.received.filter((r) => r.webhookId === wh.id);
    expect(mine.map((r) => r.eventId)).toEqual(visible.map((e) => e.id));
    expect(mine.some((r) => /beta|cz-client|Webhook/.test(r.body))).toBe(false);
    await h.deactivate(wh.id, acmeAuth);
  }, 30_000);
});

describe('webhook delivery across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-webhooks-restart-'));
  let t: TestApp;
  let receiver: Receiver;
  const h = harness(() => t);
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops mid-delivery and resumes from the checkpoint on the same DATA_DIR, losing nothing', async () => {
    receiver = await Receiver.start();
    receiver.answerDelayMs = 40;
    t = await startTestApp({ ...FAST, DATA_DIR: dataDir });
    const wh = await h.register(receiver.url, DISTRIBUTOR_TYPES);
    await h.distributor('r-a');
    await h.distributor('r-b');
    for (let i = 1; i <= 10; i++) for (const id of ['r-a', 'r-b']) await h.rename(id, `${id} ${i}`);
    const expected = await h.eventsAfter(wh.start, (e) => DISTRIBUTOR_TYPES.includes(e.type));
    expect(expected).toHaveLength(22);
    await receiver.waitUntil(() => receiver.acked.length >= 6, 10_000, 'some deliveries before the restart');
    await t.close();
    const before = receiver.received.length;
    const lastAckedBefore = Math.max(...receiver.acked.map((r) => r.payload.position));
    expect(receiver.ackedIds().size).toBeLessThan(expected.length);

    t = await startTestApp({ ...FAST, DATA_DIR: dataDir });
    const checkpoint = (await h.deliveries(wh.id)).position;
    // The checkpoint moved only after 2xx answers the sender received: at most the last acknowledged event is unrecorded.
    expect(checkpoint).toBeLessThanOrEqual(lastAckedBefore);
    expect(checkpoint).toBeGreaterThanOrEqual(expected[expected.findIndex((e) => e.position === lastAckedBefore) - 1].position);
    await receiver.waitUntil(() => expected.every((e) => receiver.ackedIds().has(e.id)), 20_000, 'every event after the restart');

    const after = receiver.received.slice(before);
    expect(after[0].payload.position).toBeGreaterThan(checkpoint);
    expect(after[0].payload.position).toBeGreaterThanOrEqual(lastAckedBefore);
    const ackCounts = new Map<string, number>();
    for (const r of receiver.acked) ackCounts.set(r.eventId, (ackCounts.get(r.eventId) ?? 0) + 1);
    const duplicates = [...ackCounts.values()].filter((n) => n > 1);
    expect(duplicates.length).toBeLessThanOrEqual(1);
    expect(receiver.received.map((r) => r.payload.position)).toEqual(receiver.received.map((r) => r.payload.position).sort((a, b) => a - b));
    for (const r of receiver.received) expect(verifyAsDocumented(wh.secret, r)).toBe(true);
  }, 40_000);
});

describe('webhook delivery with two API instances on the same stores', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-webhooks-two-'));
  let a: TestApp;
  let b: TestApp;
  let receiver: Receiver;
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers each event once: one instance holds the lease, the other stands by', async () => {
    receiver = await Receiver.start();
    a = await startTestApp({ ...FAST, DATA_DIR: dataDir });
    b = await startTestApp({ ...FAST, DATA_DIR: dataDir });
    const viaA = harness(() => a);
    const wh = await viaA.register(receiver.url, DISTRIBUTOR_TYPES);
    for (const id of ['i-a', 'i-b']) await viaA.distributor(id);
    for (let i = 1; i <= 5; i++) for (const id of ['i-a', 'i-b']) await harness(() => (i % 2 ? a : b)).rename(id, `${id} ${i}`);
    const expected = await viaA.eventsAfter(wh.start, (e) => DISTRIBUTOR_TYPES.includes(e.type));
    expect(expected).toHaveLength(12);
    await receiver.waitUntil(() => expected.every((e) => receiver.ackedIds().has(e.id)), 20_000, 'every event');
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.map((r) => r.eventId)).toEqual(expected.map((e) => e.id));
  }, 40_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
