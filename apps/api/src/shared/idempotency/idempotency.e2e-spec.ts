import { startTestApp, type TestApp } from '../../testing/test-app';

describe('Idempotency-Key on POST (end to end)', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp();
    auth = `Bearer ${await t.token('company')}`;
  });
  afterAll(() => t.close());

  const post = (body: object, key?: string) => {
    const req = t.http().post('/distributors').set('Authorization', auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('returns the first response again and writes nothing new', async () => {
    const body = { id: 'idem-1', name: 'Idem', territories: ['PL'] };
    const first = await post(body, 'key-1');
    const before = await t.events.headPosition();
    const again = await post({ territories: ['PL'], name: 'Idem', id: 'idem-1' }, 'key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.body).toEqual(first.body);
    expect(await t.events.headPosition()).toBe(before);
  });

  it('replays a business refusal the same way', async () => {
    await post({ id: 'idem-2', name: 'Idem', territories: ['PL'] });
    const first = await post({ id: 'idem-2', name: 'Again', territories: ['PL'] }, 'key-2');
    const again = await post({ id: 'idem-2', name: 'Again', territories: ['PL'] }, 'key-2');
    expect(first.status).toBe(409);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(first.body.code);
  });

  it('refuses the same key with a different body', async () => {
    await post({ id: 'idem-3', name: 'Idem', territories: ['PL'] }, 'key-3');
    const res = await post({ id: 'idem-4', name: 'Other', territories: ['PL'] }, 'key-3');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', errors: [{ field: 'Idempotency-Key' }] });
    expect(await t.events.readStream('distributor-idem-4')).toEqual([]);
  });

  it('lets concurrent duplicates write exactly once', async () => {
    const body = { id: 'idem-5', name: 'Race', territories: ['PL'] };
    const results = await Promise.all(Array.from({ length: 5 }, () => post(body, 'key-5')));
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => [201, 409].includes(r.status))).toBe(true);
    expect(await t.events.readStream('distributor-idem-5')).toHaveLength(1);
  });

  it('does not double-write when the cached answer was lost (found in the stream metadata instead)', async () => {
    const body = { id: 'idem-6', name: 'Crash', territories: ['PL'] };
    await post(body, 'key-6').expect(201);
    // Simulate a crash after the append but before the answer was cached: forget the record.
    const { IdempotencyStore } = await import('./idempotency.store');
    const records = t.app.get(IdempotencyStore);
    await records.abandon(records.recordId('company-user', 'key-6'));
    const retry = await post(body, 'key-6');
    expect(retry.status).toBe(201);
    expect(await t.events.readStream('distributor-idem-6')).toHaveLength(1);
    // …and a different request under the same key is still refused, from the stream alone.
    await records.abandon(records.recordId('company-user', 'key-6'));
    const other = await post({ ...body, name: 'Changed' }, 'key-6');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await t.events.readStream('distributor-idem-6')).toHaveLength(1);
  });

  it('replays a refusal of the input (422 naming the field) with this request\'s correlation id', async () => {
    const body = { id: 'idem-7', name: '', territories: ['PL'] };
    const first = await post(body, 'key-7');
    const again = await post(body, 'key-7');
    expect(first.status).toBe(422);
    expect(again.status).toBe(422);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual({ ...first.body, correlationId: again.headers['x-correlation-id'] });
    expect(again.body.correlationId).not.toBe(first.body.correlationId);
  });

  it('does not keep a 5xx: the retry runs the command', async () => {
    const body = { id: 'idem-8', name: 'Flaky', territories: ['PL'] };
    const failing = jest.spyOn(t.events, 'appendToStream').mockRejectedValueOnce(new Error('disk hiccup'));
    const first = await post(body, 'key-8');
    failing.mockRestore();
    const retry = await post(body, 'key-8');
    expect(first.status).toBe(500);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await t.events.readStream('distributor-idem-8')).toHaveLength(1);
  });

  it('still sends the answer when storing it fails, and a retry is answered from the events', async () => {
    const { IdempotencyStore } = await import('./idempotency.store');
    const records = t.app.get(IdempotencyStore);
    const body = { id: 'idem-9', name: 'Unstored', territories: ['PL'] };
    const failing = jest.spyOn(records, 'complete').mockRejectedValueOnce(new Error('read store down'));
    const first = await post(body, 'key-9');
    failing.mockRestore();
    const retry = await post(body, 'key-9');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await t.events.readStream('distributor-idem-9')).toHaveLength(1);
  });

  it('refuses a malformed key with 400 naming the header, and ignores a key on a GET', async () => {
    const bad = await post({ id: 'idem-10', name: 'Bad key', territories: ['PL'] }, 'with space');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST.INVALID_IDEMPOTENCY_KEY', errors: [{ field: 'Idempotency-Key' }] });
    expect(await t.events.readStream('distributor-idem-10')).toEqual([]);
    const read = await t.http().get('/distributors/idem-1').set('Authorization', auth).set('Idempotency-Key', 'with space');
    expect(read.status).toBe(200);
  });
});
