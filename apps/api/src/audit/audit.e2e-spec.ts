import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyExport } from '@cl/event-store/audit/verify-export';
import { startTestApp, type TestApp } from '../testing/test-app';
import { AuditDigesterService } from './audit-digester.service';

describe('audit: GET /audit/verify and GET /audit/export (end to end)', () => {
  let t: TestApp;
  let company: string;
  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '2' });
    company = `Bearer ${await t.token('company')}`;
    for (const id of ['acme', 'beta', 'gamma']) {
      await t.http().post('/distributors').set('Authorization', company).send({ id, name: id.toUpperCase(), territories: ['PL'] }).expect(201);
    }
    await t.http().put('/distributors/acme/name').set('Authorization', company).send({ name: 'Acme 2' }).expect(200);
    expect(await t.app.get(AuditDigesterService).catchUp()).toBe(2);
  });
  afterAll(() => t.close());

  it('every event written through the API is hash-chained, and the log verifies', async () => {
    const [first, second] = await t.events.readStream('distributor-acme');
    expect(first.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.metadata.prevHash).toBe(first.metadata.hash);
    const res = await t.http().get('/audit/verify').set('Authorization', `Bearer ${await t.token('compliance')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, checkedEvents: 6, digestsChecked: 2 });
  });

  it('keeps every projection moving after a log digest', async () => {
    await t.http().post('/distributors').set('Authorization', company).send({ id: 'delta', name: 'DELTA', territories: ['PL'] }).expect(201);
    await t.settled();
    const res = await t.http().get('/distributors/delta').set('Authorization', company);
    expect(res.status).toBe(200);
    const health = await t.http().get('/health');
    expect(health.body.details.projections.lag.every((p: { lag: number }) => p.lag === 0)).toBe(true);
  });

  it('is for the company and compliance only', async () => {
    const distributor = await t.token('distributor', { distributorId: 'acme' });
    expect((await t.http().get('/audit/verify').set('Authorization', `Bearer ${distributor}`)).status).toBe(403);
  });

  it('exports a stream with its proofs, which verify offline; a distributor exports only its own', async () => {
    const own = `Bearer ${await t.token('distributor', { distributorId: 'acme' })}`;
    const res = await t.http().get('/audit/export?stream=distributor-acme').set('Authorization', own);
    expect(res.status).toBe(200);
    expect(res.body.events).toHaveLength(2);
    expect(verifyExport(res.body)).toMatchObject({ ok: true, events: 2 });
    const forged = { ...res.body, events: [res.body.events[0], { ...res.body.events[1], data: { ...res.body.events[1].data, name: 'Forged' } }] };
    expect(verifyExport(forged)).toMatchObject({ ok: false, revision: 1, problem: 'hash-mismatch' });
    const other = await t.http().get('/audit/export?stream=distributor-beta').set('Authorization', own);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain('BETA');
    expect((await t.http().get('/audit/export?stream=bad stream!').set('Authorization', company)).status).toBe(422);
  });

  it('reports the first broken link after the file is changed behind its back', async () => {
    const db = new Database(join(t.dataDir, 'events.db'));
    db.prepare("UPDATE events SET data = replace(data, 'GAMMA', 'GAMMO') WHERE stream = 'distributor-gamma'").run();
    db.close();
    const res = await t.http().get('/audit/verify').set('Authorization', company);
    expect(res.body).toMatchObject({ ok: false, firstBroken: { problem: 'hash-mismatch', stream: 'distributor-gamma', revision: 0 } });
  });
});
