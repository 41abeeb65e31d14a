import { startTestApp, type TestApp } from '../../testing/test-app';

describe('POST /distributors, GET /distributors/:id (end to end)', () => {
  let t: TestApp;
  let company: string;
  beforeAll(async () => {
    t = await startTestApp();
    company = await t.token('company');
  });
  afterAll(() => t.close());

  const register = (body: object, token = company, headers: Record<string, string> = {}) =>
    t.http().post('/distributors').set('Authorization', `Bearer ${token}`).set(headers).send(body);

  it('registers a distributor and reads it back from the projection', async () => {
    const res = await register({ id: 'acme', name: '  Acme Distribution ', territories: ['PL-MZ', 'PL-LD'] });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/distributors/acme');
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ id: 'acme', name: 'Acme Distribution', territories: ['PL-LD', 'PL-MZ'], revision: 0 });
    await t.settled();
    const read = await t.http().get('/distributors/acme').set('Authorization', `Bearer ${company}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.body).toMatchObject({ id: 'acme', name: 'Acme Distribution', territories: ['PL-LD', 'PL-MZ'], revision: 0 });
  });

  it('records the acting party from the token, with correlation and causation ids', async () => {
    const res = await register({ id: 'meta-check', name: 'Meta', territories: ['DE'] }, company, { 'X-Correlation-Id': 'corr-123' });
    expect(res.status).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('corr-123');
    const [event] = await t.events.readStream('distributor-meta-check');
    expect(event.metadata).toMatchObject({ actor: { party: 'company', userId: 'company-user' }, correlationId: 'corr-123', causationId: 'corr-123' });
    expect(event.schemaVersion).toBe(1);
  });

  it('refuses a second registration of the same id with 409 and a stable code', async () => {
    await register({ id: 'dup', name: 'Dup', territories: ['PL'] });
    const res = await register({ id: 'dup', name: 'Dup again', territories: ['PL'] });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 409, code: 'DISTRIBUTOR.ALREADY_REGISTERED' });
  });

  it('answers invalid input with 422 naming each field, and writes nothing', async () => {
    const before = await t.events.headPosition();
    const res = await register({ id: 'bad id!', name: '', territories: ['poland'], extra: 1 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'name', 'territories', 'extra']));
    expect(await t.events.headPosition()).toBe(before);
  });

  it('answers a body that is not JSON with 400', async () => {
    const res = await t.http().post('/distributors').set('Authorization', `Bearer ${company}`).set('Content-Type', 'application/json').send('{"id":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.MALFORMED_JSON' });
    expect(res.text).not.toMatch(/at .*\.js/);
  });

  it('lets only the company register (403 for other parties, 401 without a token)', async () => {
    const distributor = await t.token('distributor', { distributorId: 'acme' });
    expect((await register({ id: 'x1', name: 'X', territories: ['PL'] }, distributor)).status).toBe(403);
    expect((await register({ id: 'x1', name: 'X', territories: ['PL'] }, await t.token('compliance'))).status).toBe(403);
    const anonymous = await t.http().post('/distributors').send({ id: 'x1', name: 'X', territories: ['PL'] });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.MISSING_TOKEN');
    expect(await t.events.readStream('distributor-x1')).toEqual([]);
  });

  it('shows a distributor only itself: another distributor is 404, not 403', async () => {
    await register({ id: 'beta', name: 'Beta', territories: ['CZ'] });
    await t.settled();
    const own = await t.token('distributor', { distributorId: 'beta' });
    const other = await t.token('distributor', { distributorId: 'acme' });
    expect((await t.http().get('/distributors/beta').set('Authorization', `Bearer ${own}`)).status).toBe(200);
    const hidden = await t.http().get('/distributors/beta').set('Authorization', `Bearer ${other}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('DISTRIBUTOR.NOT_FOUND');
  });
});
