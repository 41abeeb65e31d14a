/** GET /clients/:id/history end to end: the shared timeline in log order, paged, for both sides. */
import { startTestApp, type TestApp } from '../../testing/test-app';
import { acmeSide, buildScenario, iso, type Scenario } from '../testing/client-reads-scenario';

describe('GET /clients/:id/history (end to end)', () => {
  let t: TestApp;
  let s: Scenario;
  const history = (id: string, as: keyof Scenario['auth'] = 'company', query = '') =>
    t.http().get(`/clients/${id}/history${query ? `?${query}` : ''}`).set('Authorization', s.auth[as]);
  const kinds = (res: { body: { items: Array<{ kind: string }> } }) => res.body.items.map((e) => e.kind);

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t?.close());

  it("draws the client's life on one line: who acted, when, and what", async () => {
    const res = await history('c-mazovia', 'acme').expect(200);
    expect(kinds(res)).toEqual(['registered', 'claimed', 'transfer-requested', 'transferred', 'released']);
    expect(res.body).toMatchObject({ total: 5, limit: 50, offset: 0 });
    const [registered, claimed, requested, transferred, released] = res.body.items;
    expect(registered).toMatchObject({ id: s.recorded['c-mazovia:registered'][0].id, clientId: 'c-mazovia', at: iso(60), legalName: 'Mazovia Pumps Sp. z o.o.' });
    expect(claimed).toMatchObject({ at: iso(50), to: acmeSide, by: { party: 'distributor', userId: 'jan', distributorId: 'acme' }, revision: 1 });
    expect(requested).toMatchObject({ requestId: 'req-mazovia', from: acmeSide, to: { party: 'company' }, by: { party: 'company', userId: 'anna' } });
    expect(transferred).toMatchObject({ transferId: 'tr-mazovia', requestId: 'req-mazovia', from: acmeSide, to: { party: 'company' }, at: iso(35) });
    expect(released).toMatchObject({ from: { party: 'company' }, reason: 'No longer buying pumps', at: iso(20) });
    const positions = res.body.items.map((e: { position: number }) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(Object.keys(registered).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  it('weaves in the dispute a contested claim opened, its decision, and the move it caused', async () => {
    const res = await history('c-plock', 'compliance').expect(200);
    expect(kinds(res)).toEqual(['registered', 'claimed', 'claim-contested', 'dispute-opened', 'dispute-resolved', 'transferred', 'dispute-settled']);
    const byKind = Object.fromEntries(res.body.items.map((e: { kind: string }) => [e.kind, e]));
    expect(byKind['dispute-resolved']).toMatchObject({ disputeId: 'dsp-c-plock', resolvedBy: { kind: 'compliance', userId: 'auditor' }, outcome: { clientOwner: acmeSide } });
    expect(byKind.transferred).toMatchObject({ disputeId: 'dsp-c-plock', to: acmeSide, by: { party: 'system' } });
  });

  it('pages in log order', async () => {
    const res = await history('c-mazovia', 'company', 'limit=2&offset=1').expect(200);
    expect([kinds(res), res.body.total, res.body.limit, res.body.offset]).toEqual([['claimed', 'transfer-requested'], 5, 2, 1]);
    expect(kinds(await history('c-mazovia', 'company', 'offset=5').expect(200))).toEqual([]);
  });

  it('is read by both sides: the company, compliance and the distributor whose territory or client it is', async () => {
    for (const as of ['company', 'compliance', 'acme'] as const) expect((await history('c-mazovia', as)).status).toBe(200);
    expect((await history('c-gdansk', 'acme')).status).toBe(200); // owned, outside its territories
    expect((await history('c-prague', 'beta')).status).toBe(200);
  });

  it("answers another distributor's client exactly like one that does not exist", async () => {
    const hidden = await history('c-prague', 'acme').expect(404);
    const missing = await history('c-nowhere', 'acme').expect(404);
    expect(hidden.body).toMatchObject({ code: 'CLIENT.NOT_FOUND' });
    expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(hidden.text).not.toContain('Prague Valves');
    expect((await history('c-szczecin', 'acme')).status).toBe(404); // acme's once, no longer
    expect((await history('c-mazovia', 'beta')).status).toBe(404);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['offset=-1', 'offset'],
    ['kind=claimed', 'kind'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await history('c-mazovia', 'company', query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
