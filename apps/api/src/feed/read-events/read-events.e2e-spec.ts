/**
 * GET /events as JSON pages, end to end over loopback with node:http, on a channel of two
 * distributors (acme in Poland, beta in Czechia) with clients, sales and disputes of each: paging
 * equals the log, type filters, validation, upcasting, and the distributor's scope — on pages and on
 * the live stream, including while the read models that decide it lag behind the log.
 */
import { randomUUID } from 'node:crypto';
import { registration } from '@cl/domain/client/testing/fixtures';
import type { RecordedEvent } from '@cl/event-store';
import { decideClient } from '../../clients/testing/client-reads-scenario';
import { ProjectorService } from '../../infrastructure/projector.service';
import { distributorsClient, pumps, PUMP_FLOOR, SalesWorld, YEAR } from '../../sales/testing/sales-world';
import type { FeedItem } from '../feed-item';
import { getJson, isStream, listen, openStream, type SseStream } from '../testing/feed-client';

type Who = 'company' | 'compliance' | 'acme' | 'beta';

describe('GET /events (end to end, over loopback)', () => {
  let w: SalesWorld;
  let port: number;
  const ids = { acmeClient: '', betaClient: '', acmeSale: '', betaSale: '', acmeDispute: 'dsp-feed-acme', betaDispute: 'dsp-feed-beta' };

  const headers = async (who: Who) => ({ authorization: await w.w.auth(who) });
  const page = async (who: Who, query: string) => {
    const res = await getJson(port, `/events?${query}`, await headers(who));
    if (res.status !== 200) throw new Error(`GET /events?${query} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { events: FeedItem[]; next: number; head: number };
  };
  /** Every page from `from` on, until `next` reaches `head`. */
  const everything = async (who: Who, query = 'limit=7', from = 0) => {
    const items: FeedItem[] = [];
    for (let next = from, head = Infinity; next < head; ) {
      const body = await page(who, `${query}&from=${next}`);
      items.push(...body.events);
      expect(body.next).toBeGreaterThanOrEqual(next);
      [next, head] = body.next === next && body.next < body.head ? fail(`no progress at ${next}`) : [body.next, body.head];
    }
    return items;
  };
  const log = () => w.t.events.readAll({ maxCount: 100_000 });

  beforeAll(async () => {
    w = await SalesWorld.start();
    port = await listen(w.t.app);
    ids.acmeClient = await w.w.ownedClient('acme');
    ids.betaClient = await w.w.ownedClient('beta', distributorsClient({ territory: 'CZ' }));
    ids.acmeSale = await w.sold('acme', ids.acmeClient, [pumps(2, PUMP_FLOOR)]);
    ids.betaSale = await w.sold('beta', ids.betaClient, [pumps(1, PUMP_FLOOR)]);
    for (const [who, disputeId, clientId] of [
      ['acme', ids.acmeDispute, ids.acmeClient],
      ['beta', ids.betaDispute, ids.betaClient],
    ]) {
      await w.w.postExpecting(201, who, '/disputes', { disputeId, subject: { kind: 'client', clientId }, summary: `Who serves ${clientId}` });
    }
    await w.t.settled();
  });
  afterAll(() => w?.close());

  it('pages through the whole log in order: the pages joined are the log, item by item', async () => {
    const items = await everything('company');
    const all = await log();
    expect(items.map((i) => [i.position, i.id, i.stream, i.revision, i.type])).toEqual(all.map((e) => [e.position, e.id, e.stream, e.revision, e.type]));
    expect(items.map((i) => i.data)).toEqual(all.map((e) => e.data)); // no upcaster applies to these
    const first = await page('company', 'limit=3');
    expect(first.events.map((i) => i.position)).toEqual(all.slice(0, 3).map((e) => e.position));
    expect([first.next, first.head]).toEqual([all[2].position, all.at(-1)!.position]);
    const past = await page('company', `from=${first.head}`);
    expect(past).toEqual({ events: [], next: first.head, head: first.head });
  });

  it('publishes the actor, correlation and causation ids and the instant — never the idempotency key or fingerprint, nor the hashes', async () => {
    const key = randomUUID();
    const res = await w.t
      .http()
      .post(`/clients/${ids.acmeClient}/interactions`)
      .set({ authorization: await w.w.auth('acme'), 'idempotency-key': key })
      .send({ kind: 'call', summary: 'Quarterly call', occurredAt: new Date().toISOString() });
    expect(res.status).toBe(201);
    const stored = (await log()).at(-1)!;
    expect(stored.metadata).toMatchObject({ idempotencyKey: key, requestFingerprint: expect.any(String), hash: expect.any(String) });
    const [item] = (await page('company', `from=${stored.position - 1}`)).events;
    expect(item.metadata).toEqual({
      actor: { party: 'distributor', userId: 'acme-user', distributorId: 'acme' },
      correlationId: stored.metadata.correlationId,
      causationId: stored.metadata.causationId,
      recordedAt: stored.metadata.recordedAt,
    });
    expect(JSON.stringify(item)).not.toContain(stored.metadata.requestFingerprint!);
  });

  it('filters by type, and the cursor still reaches the head when the last events are of other types', async () => {
    const items = await everything('company', 'types=SaleRecorded,ClientClaimed&limit=2');
    const expected = (await log()).filter((e) => ['SaleRecorded', 'ClientClaimed'].includes(e.type));
    expect(items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['SaleRecorded', 'ClientClaimed']));
    const last = await page('company', `types=SaleRecorded&from=${expected.at(-1)!.position}`);
    expect(last.events).toEqual([]);
    expect(last.next).toBe(last.head); // stepped to the head: nothing more of that type up to it
  });

  it('upcasts older events: data in the current schema version of its type', async () => {
    const v1 = await appendSaleRefusedV1();
    const [item] = (await page('compliance', `types=SaleRefused&from=${v1.position - 1}`)).events;
    expect(item).toMatchObject({ id: v1.id, type: 'SaleRefused', schemaVersion: 2 });
    expect(item.data).toEqual({ ...v1.data, total: { minor: 3 * 100_000, currency: 'PLN' } });
  });

  it.each([
    ['types=ClientClaimed,NoSuchEvent', 'types'],
    ['types=clientclaimed', 'types'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['from=-1', 'from'],
    ['from=1e3', 'from'],
    ['after=3', 'after'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await getJson(port, `/events?${query}`, await headers('company'));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('gives compliance the whole log, like the company', async () => {
    expect((await everything('compliance', 'limit=1000')).map((i) => i.id)).toEqual((await log()).map((e) => e.id));
  });

  it("carries a distributor's own registration, policy, clients, sales and disputes, and none of another distributor's", async () => {
    const acme = await everything('acme', 'limit=5');
    const beta = await everything('beta', 'limit=1000');
    for (const [own, other, mine, theirs] of [
      [acme, beta, 'acme', 'beta'],
      [beta, acme, 'beta', 'acme'],
    ] as const) {
      const client = mine === 'acme' ? ids.acmeClient : ids.betaClient;
      const sale = mine === 'acme' ? ids.acmeSale : ids.betaSale;
      const dispute = mine === 'acme' ? ids.acmeDispute : ids.betaDispute;
      expect(streams(own)).toEqual(expect.arrayContaining([`distributor-${mine}`, `policy-${mine}-${YEAR}`, `client-${client}`, `sale-${sale}`, `dispute-${dispute}`]));
      const foreign = [`distributor-${theirs}`, `policy-${theirs}-${YEAR}`, ...streams(other).filter((s) => /^(client|sale|dispute)-/.test(s))];
      expect(streams(own).filter((s) => foreign.includes(s))).toEqual([]);
      expect(own.filter((i) => i.type === 'ClientTaxIdReserved' || i.type === 'LogDigestRecorded')).toEqual([]);
      expect(JSON.stringify(own)).not.toContain(`"${theirs}"`);
    }
  });

  it('moves a distributor past what it may not read: `next` reaches the head even when the newest events are not its own', async () => {
    const before = await page('acme', `from=${await w.t.events.headPosition()}`);
    await w.sold('beta', ids.betaClient, [pumps(1, PUMP_FLOOR)]);
    await w.t.settled();
    const after = await page('acme', `from=${before.next}`);
    expect(after.events).toEqual([]);
    expect(after.next).toBe(await w.t.events.headPosition());
    expect(after.head).toBe(after.next);
  });

  it('scopes the live stream the same way: a distributor receives its own new sale, not the other one made just before', async () => {
    const sse = await stream('acme', `/events?from=${await w.t.events.headPosition()}`);
    try {
      const theirs = await w.sold('beta', ids.betaClient, [pumps(1, PUMP_FLOOR)]);
      const mine = await w.sold('acme', ids.acmeClient, [pumps(1, PUMP_FLOOR)]);
      await sse.waitFor(() => sse.items.some((i) => i.stream === `sale-${mine}`), 'its own sale');
      expect(sse.items.map((i) => [i.type, i.stream])).toEqual([['SaleRecorded', `sale-${mine}`]]);
      expect(JSON.stringify(sse.messages)).not.toContain(theirs);
    } finally {
      sse.close();
    }
  });

  it('never steps over an event the read models have not applied yet: a new client in its territory waits for them, then arrives', async () => {
    const projector = w.t.app.get(ProjectorService).projector;
    await w.t.settled();
    const from = await w.t.events.headPosition();
    const sse = await stream('acme', `/events?from=${from}`);
    await projector.stop();
    let stopped = true;
    try {
      const clientId = `c-${randomUUID()}`;
      const company = { party: 'company' as const, userId: 'anna' };
      const [registered] = await decideClient(w.t, company, new Date(), { type: 'RegisterClient', data: registration({ clientId, taxId: `PL${Date.now()}` }) });
      const stalled = await page('acme', `from=${from}`);
      expect(stalled).toEqual({ events: [], next: from, head: from }); // not "stepped over": not read at all
      await new Promise((r) => setTimeout(r, 200));
      expect(sse.items).toEqual([]);
      await projector.start();
      stopped = false;
      await w.t.settled();
      expect((await page('acme', `from=${from}`)).events.map((i) => i.id)).toEqual([registered.id]);
      await sse.waitFor(() => sse.items.length === 1, 'the new client');
      expect(sse.items[0]).toMatchObject({ id: registered.id, type: 'ClientRegistered', data: { clientId, territory: 'PL-MZ' } });
    } finally {
      sse.close();
      if (stopped) await projector.start();
    }
  });

  async function stream(who: Who, path: string): Promise<SseStream> {
    const answer = await openStream(port, path, await headers(who));
    if (!isStream(answer)) throw new Error(`GET ${path} as ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }

  /** A SaleRefused as version 1 stored it (before `total`), straight into the log. */
  async function appendSaleRefusedV1(): Promise<RecordedEvent> {
    const saleId = `s-v1-${randomUUID()}`;
    const data = {
      saleId,
      seller: { party: 'distributor', distributorId: 'acme' },
      clientId: ids.acmeClient,
      date: new Date().toISOString().slice(0, 10),
      currency: 'PLN',
      lines: [{ sku: 'PUMP-100', quantity: 3, unitPrice: { minor: 100_000, currency: 'PLN' } }],
      violations: [{ lineIndex: 0, sku: 'PUMP-100', unitPrice: { minor: 100_000, currency: 'PLN' }, floor: { minor: PUMP_FLOOR, currency: 'PLN' }, policyId: `acme-${YEAR}` }],
      refusedAt: new Date().toISOString(),
    };
    const metadata = { actor: { party: 'distributor' as const, userId: 'acme-user', distributorId: 'acme' }, correlationId: randomUUID(), causationId: randomUUID(), recordedAt: data.refusedAt };
    await w.t.events.appendToStream(`sale-${saleId}`, [{ id: randomUUID(), type: 'SaleRefused', schemaVersion: 1, data, metadata }], { expectedRevision: 'no_stream' });
    const [stored] = await w.t.events.readStream(`sale-${saleId}`);
    return stored;
  }
});

const streams = (items: FeedItem[]) => [...new Set(items.map((i) => i.stream))];

function fail(message: string): never {
  throw new Error(message);
}
