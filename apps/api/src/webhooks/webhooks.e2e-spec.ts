import { startTestApp, type TestApp } from '../testing/test-app';

/** A loopback port nothing listens on: the workers these registrations start fail fast and stay on this machine. */
const NOWHERE = 'http://127.0.0.1:1/hooks';

describe('webhooks: registration, reads and access (end to end)', () => {
  let t: TestApp;
  let company: string;
  let acme: string;
  let beta: string;
  let compliance: string;
  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' });
    [company, acme, beta, compliance] = await Promise.all([
      t.token('company'),
      t.token('distributor', { sub: 'acme-user', distributorId: 'acme' }),
      t.token('distributor', { sub: 'beta-user', distributorId: 'beta' }),
      t.token('compliance'),
    ]);
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const register = (body: object, token = company) => t.http().post('/webhooks').set(auth(token)).send(body);
  const get = (path: string, token: string) => t.http().get(path).set(auth(token));

  it('registers with a generated secret shown once, and never shows it again', async () => {
    const res = await register({ url: NOWHERE, eventTypes: ['SaleRecorded', 'ClientClaimed', 'SaleRecorded'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ url: NOWHERE, eventTypes: ['ClientClaimed', 'SaleRecorded'], owner: { party: 'company' }, status: 'active', revision: 0 });
    expect(res.headers.location).toBe(`/webhooks/${res.body.id}`);
    expect(Buffer.byteLength(res.body.secret)).toBeGreaterThanOrEqual(32);
    const [event] = await t.events.readStream(`webhook-${res.body.id}`);
    expect(event.type).toBe('WebhookRegistered');
    expect(JSON.stringify(event)).not.toContain(res.body.secret);
    await t.settled();
    for (const path of ['/webhooks', `/webhooks/${res.body.id}`, `/webhooks/${res.body.id}/deliveries`]) {
      const read = await get(path, company);
      expect(read.status).toBe(200);
      expect(read.text).not.toContain(res.body.secret);
      expect(read.text).not.toContain('secret');
    }
  });

  it('keeps a secret the caller chose', async () => {
    const secret = 'my-own-secret-that-is-long-enough-0123456789';
    const res = await register({ url: 'https://127.0.0.1:1/hooks', secret });
    expect(res.status).toBe(201);
    expect(res.body.secret).toBe(secret);
  });

  it.each([
    [{ url: 'ftp://erp.example.com/hooks' }, 'url', /https/],
    [{ url: 'http://erp.example.com/hooks' }, 'url', /loopback/],
    [{ url: 'https://169.254.169.254/latest/meta-data/' }, 'url', /link-local/],
    [{ url: 'https://[fe80::1]/hooks' }, 'url', /link-local/],
    [{ url: 'https://metadata.google.internal/' }, 'url', /metadata/],
    [{ url: 'https://user:pw@erp.example.com/hooks' }, 'url', /credentials/],
    [{}, 'url', /url/],
    [{ url: NOWHERE, eventTypes: ['SaleRecorded', 'NoSuchEvent'] }, 'eventTypes', /NoSuchEvent/],
    [{ url: NOWHERE, eventTypes: 'SaleRecorded' }, 'eventTypes', /array/],
    [{ url: NOWHERE, eventTypes: ['sale recorded'] }, 'eventTypes', /type name/],
    [{ url: NOWHERE, secret: 'too-short' }, 'secret', /32 to 256/],
    [{ url: NOWHERE, secret: 'x'.repeat(40) + ' spaces' }, 'secret', /printable/],
    [{ url: NOWHERE, owner: 'beta' }, 'owner', /should not exist/],
  ])('refuses %j with 422 naming %s, and records nothing', async (body, field, message) => {
    const before = await t.events.headPosition();
    const res = await register(body);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    expect(await t.events.headPosition()).toBe(before);
  });

  it('shows each party its own webhooks, compliance all of them, and hides the others (404)', async () => {
    const own = (await register({ url: NOWHERE }, acme)).body;
    const other = (await register({ url: NOWHERE }, beta)).body;
    expect(own.owner).toEqual({ party: 'distributor', distributorId: 'acme' });
    await t.settled();
    const ids = async (token: string) => (await get('/webhooks?limit=200', token)).body.items.map((w: { id: string }) => w.id);
    expect(await ids(acme)).toEqual([own.id]);
    expect(await ids(beta)).toEqual([other.id]);
    expect(await ids(company)).not.toEqual(expect.arrayContaining([own.id]));
    expect(await ids(compliance)).toEqual(expect.arrayContaining([own.id, other.id]));
    for (const path of [`/webhooks/${own.id}`, `/webhooks/${own.id}/deliveries`]) {
      expect((await get(path, acme)).status).toBe(200);
      expect((await get(path, compliance)).status).toBe(200);
      for (const outsider of [beta, company]) {
        const hidden = await get(path, outsider);
        expect(hidden.status).toBe(404);
        expect(hidden.body.code).toBe('WEBHOOK.NOT_FOUND');
        expect(hidden.text).not.toContain(NOWHERE);
      }
    }
  });

  it('lets only the owner deactivate or replay; deactivating twice is fine; a deactivated webhook cannot be replayed', async () => {
    const { id } = (await register({ url: NOWHERE }, acme)).body;
    const post = (path: string, token: string) => t.http().post(path).set(auth(token)).send();
    expect((await post(`/webhooks/${id}/deactivation`, beta)).status).toBe(404);
    expect((await post(`/webhooks/${id}/parked/replay`, beta)).status).toBe(404);
    expect((await post(`/webhooks/${id}/deactivation`, compliance)).body.code).toBe('WEBHOOK.NOT_OWNER');
    expect((await post(`/webhooks/${id}/parked/replay`, compliance)).status).toBe(403);
    const replay = await post(`/webhooks/${id}/parked/replay`, acme);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual({ webhookId: id, replayed: [] });
    const first = await post(`/webhooks/${id}/deactivation`, acme);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id, status: 'deactivated', revision: 1 });
    expect((await post(`/webhooks/${id}/deactivation`, acme)).body.revision).toBe(1);
    expect((await post(`/webhooks/${id}/parked/replay`, acme)).body.code).toBe('WEBHOOK.DEACTIVATED');
    await t.settled();
    expect((await get(`/webhooks/${id}/deliveries`, acme)).body.status).toBe('deactivated');
  });

  it('answers an unknown webhook with 404 and a malformed id with 422 naming it', async () => {
    expect((await get('/webhooks/no-such-webhook/deliveries', company)).body.code).toBe('WEBHOOK.NOT_FOUND');
    const bad = await get(`/webhooks/${'x'.repeat(100)}`, company);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
  });
});
