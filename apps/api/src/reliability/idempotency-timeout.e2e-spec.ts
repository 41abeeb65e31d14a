/**
 * Retries after a client-side timeout. The app listens on loopback; each stream read and each append
 * is held back 200 ms (the real store still reads and writes), and the client aborts its request after 100 ms — it never sees the
 * answer, as when a proxy or a phone gives up. It then retries with the same Idempotency-Key. Whatever
 * the timing of the retries (during the first attempt, after it, several at once), exactly one set of
 * events is recorded and the retries end with the first attempt's outcome.
 */
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../testing/test-app';

const HOLD_MS = 400;
const ABORT_AFTER_MS = 100;

describe('Idempotency-Key retries after a forced client-side timeout', () => {
  let t: TestApp;
  let base: string;
  let auth: string;
  let restore: () => void;

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    auth = `Bearer ${await t.token('company')}`;
    const read = t.events.readStream.bind(t.events);
    const append = t.events.appendToStream.bind(t.events);
    const hold = () => new Promise((r) => setTimeout(r, HOLD_MS / 2));
    const slowReads = jest.spyOn(t.events, 'readStream').mockImplementation(async (...args) => (await hold(), read(...args)));
    const slowAppends = jest.spyOn(t.events, 'appendToStream').mockImplementation(async (...args) => (await hold(), append(...args)));
    restore = () => (slowReads.mockRestore(), slowAppends.mockRestore());
  });
  afterAll(async () => {
    restore?.();
    await t?.close();
  });

  const post = (path: string, key: string, body: object, signal?: AbortSignal) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      signal,
    });

  /** Sends, aborting after ABORT_AFTER_MS; true when the abort did cut the request off. */
  async function timedOut(path: string, key: string, body: object): Promise<boolean> {
    try {
      await post(path, key, body, AbortSignal.timeout(ABORT_AFTER_MS));
      return false;
    } catch (error) {
      return (error as Error).name === 'TimeoutError';
    }
  }

  /** Retries like a client would: again after a 409 IDEMPOTENCY.IN_PROGRESS, until another answer. */
  async function retry(path: string, key: string, body: object, log: string[]) {
    for (;;) {
      const res = await post(path, key, body);
      const json = (await res.json()) as Record<string, unknown>;
      log.push(`${res.status}${json.code ? ` ${json.code}` : ''}${res.headers.get('idempotent-replayed') ? ' (replayed)' : ''}`);
      if (!(res.status === 409 && json.code === 'IDEMPOTENCY.IN_PROGRESS')) return { res, json };
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const eventsWithKey = async (key: string) => (await t.events.readAll({ maxCount: 100_000 })).filter((e) => e.metadata.idempotencyKey === key);

  it('records one client, and the retry answers with the client the first attempt created', async () => {
    const key = 'timeout-register-1';
    const body = { legalName: 'Timeout Sp. z o.o.', taxId: 'PL1112223334', territory: 'DE-BE', segment: 'retail', annualVolume: { minor: 1_000, currency: 'EUR' } };
    expect(await timedOut('/clients', key, body)).toBe(true);
    const log: string[] = [];
    const { res, json } = await retry('/clients', key, body, log);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    const recorded = await eventsWithKey(key);
    expect(recorded.map((e) => e.type)).toEqual(['ClientRegistered']);
    expect(json.clientId).toBe(recorded[0].data.clientId);
    expect(res.headers.get('location')).toBe(`/clients/${recorded[0].data.clientId}`);
    console.log(`idempotency: request aborted after ${ABORT_AFTER_MS} ms (read and append each held ${HOLD_MS / 2} ms); retries answered ${JSON.stringify(log)}; events with the key: ${recorded.length}`);
  });

  it('gives several concurrent retries of a timed-out request one set of events and the same answer', async () => {
    const key = 'timeout-distributor-1';
    const body = { id: 'timeout-dist', name: 'Timeout distribution', territories: ['PL-MZ'] };
    expect(await timedOut('/distributors', key, body)).toBe(true);
    const logs: string[][] = [[], [], [], [], []];
    const answers = await Promise.all(logs.map((log) => retry('/distributors', key, body, log)));
    expect(answers.map((a) => a.res.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect((await eventsWithKey(key)).map((e) => e.type)).toEqual(['DistributorRegistered']);
    expect(await t.events.readStream('distributor-timeout-dist')).toHaveLength(1);
    console.log(`idempotency: 5 concurrent retries after the timeout answered ${JSON.stringify(logs)}; one DistributorRegistered`);
  });

  it('replays a refusal the first attempt met, and records nothing', async () => {
    const body = { id: 'timeout-dist', name: 'Second try', territories: ['PL-MZ'] };
    const key = 'timeout-refused-1';
    const before = await t.events.headPosition();
    expect(await timedOut('/distributors', key, body)).toBe(true);
    const log: string[] = [];
    const { res, json } = await retry('/distributors', key, body, log);
    expect(res.status).toBe(409);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(json.code).toBe('DISTRIBUTOR.ALREADY_REGISTERED');
    expect(await t.events.headPosition()).toBe(before);
    console.log(`idempotency: a refused, timed-out request retried → ${JSON.stringify(log)}; nothing recorded`);
  });
});
