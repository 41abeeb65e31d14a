import { startTestApp, type TestApp } from '../../testing/test-app';

describe('PUT /distributors/:id/name (end to end)', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    auth = `Bearer ${await t.token('company')}`;
    await t.http().post('/distributors').set('Authorization', auth).send({ id: 'acme', name: 'Acme', territories: ['PL'] }).expect(201);
  });
  afterAll(() => t.close());

  const rename = (name: string, ifMatch?: string) => {
    const req = t.http().put('/distributors/acme/name').set('Authorization', auth);
    return (ifMatch ? req.set('If-Match', ifMatch) : req).send({ name });
  };

  it('renames with a matching If-Match and returns the new ETag', async () => {
    const res = await rename('Acme One', '"0"');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    await t.settled();
    const read = await t.http().get('/distributors/acme').set('Authorization', auth);
    expect(read.body).toMatchObject({ name: 'Acme One', revision: 1 });
  });

  it('answers a stale If-Match with 412 and writes nothing', async () => {
    const before = await t.events.headPosition();
    const res = await rename('Acme Two', '"0"');
    expect(res.status).toBe(412);
    expect(res.body).toMatchObject({ code: 'CONCURRENCY.REVISION_MISMATCH', actualRevision: 1 });
    expect(await t.events.headPosition()).toBe(before);
  });

  it('answers a malformed If-Match with 400 naming the header', async () => {
    const res = await rename('Acme Two', 'yesterday');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('If-Match');
  });

  it('retries concurrent renames without If-Match so none is lost', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `Acme ${i}`);
    const results = await Promise.all(names.map((n) => rename(n)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const events = await t.events.readStream('distributor-acme');
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
  });

  it('answers 404, not 412, for an unknown distributor even with an If-Match', async () => {
    const res = await t.http().put('/distributors/nobody/name').set('Authorization', auth).set('If-Match', '"3"').send({ name: 'X' });
    expect(res.status).toBe(404);
  });

  it('ignores an Idempotency-Key on a PUT: each rename is its own command', async () => {
    const put = (name: string) => t.http().put('/distributors/acme/name').set('Authorization', auth).set('Idempotency-Key', 'same').send({ name });
    await put('Keyed One').expect(200);
    await put('Keyed Two').expect(200);
    await t.settled();
    expect((await t.http().get('/distributors/acme').set('Authorization', auth)).body.name).toBe('Keyed Two');
  });

  it('answers 404 for an unknown distributor', async () => {
    const res = await t.http().put('/distributors/nobody/name').set('Authorization', auth).send({ name: 'X' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('DISTRIBUTOR.NOT_FOUND');
  });
});
