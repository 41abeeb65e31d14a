import { startTestApp, type TestApp } from '../testing/test-app';

const LIMIT = 5;

describe('rate limiting per user (RATE_LIMIT_PER_MINUTE)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => t.close());

  const read = (authorization?: string) => {
    const req = t.http().get('/distributors/nobody');
    return authorization ? req.set('Authorization', authorization) : req;
  };
  const as = async (sub: string) => `Bearer ${await t.token('company', { sub })}`;

  it('answers the request after the limit with 429, a problem with a code, and Retry-After', async () => {
    const auth = await as('busy-user');
    for (let i = 0; i < LIMIT; i++) expect((await read(auth)).status).toBe(404);
    const refused = await read(auth);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'REQUEST.RATE_LIMITED' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts per user across routes and tokens, not per token or route', async () => {
    const first = await as('spread-user');
    for (let i = 0; i < LIMIT; i++) expect((await read(first)).status).toBe(404);
    const sameUserNewToken = await as('spread-user');
    const write = await t
      .http()
      .post('/distributors')
      .set('Authorization', sameUserNewToken)
      .send({ id: 'late', name: 'Late', territories: ['PL'] });
    expect(write.status).toBe(429);
    expect(await t.events.readStream('distributor-late')).toEqual([]);
  });

  it('gives every user a budget of its own (all these requests come from one IP address)', async () => {
    const exhausted = await as('greedy-user');
    for (let i = 0; i <= LIMIT; i++) await read(exhausted);
    expect((await read(exhausted)).status).toBe(429);
    expect((await read(await as('patient-user'))).status).toBe(404);
  });

  it('authenticates first: a request without a valid token is a 401, whatever the budget', async () => {
    for (let i = 0; i <= LIMIT + 2; i++) {
      const res = await read(i % 2 ? undefined : 'Bearer not-a-token');
      expect(res.status).toBe(401);
    }
  });

  it('never limits /health, which probes call often from one address', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < LIMIT * 4; i++) statuses.add((await t.http().get('/health')).status);
    expect(statuses).toEqual(new Set([200]));
  });
});
