/** GET /clients/:id end to end: the document without the read model's own keys, its ETag, and who may read it. */
import { clientStream } from '@cl/domain/client';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { acmeSide, buildScenario, iso, type Scenario } from '../testing/client-reads-scenario';

describe('GET /clients/:id (end to end)', () => {
  let t: TestApp;
  let s: Scenario;
  const get = (id: string, as: keyof Scenario['auth'] = 'company') => t.http().get(`/clients/${id}`).set('Authorization', s.auth[as]);

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t?.close());

  it('answers the client, its owner and what made it the owner; the ETag is the stream revision', async () => {
    const res = await get('c-gdansk').expect(200);
    const stream = await t.events.readStream(clientStream('c-gdansk'));
    expect(res.headers.etag).toBe(`"${stream.length - 1}"`);
    expect(res.body).toEqual({
      id: 'c-gdansk',
      legalName: 'Gdansk Harbour Supplies',
      taxId: 'PLCGDANSK',
      territory: 'PL-PM',
      segment: 'retail',
      annualVolume: { minor: 20_000_000, currency: 'PLN' },
      relationships: [],
      registeredBy: { party: 'company' },
      registeredAt: iso(60),
      owner: acmeSide,
      ownerSince: iso(30),
      ownershipBasis: { kind: 'transfer', transferId: 'tr-gdansk', cause: { kind: 'owner-initiative' }, at: iso(30) },
      openDisputeIds: [],
      pendingTransferRequestIds: [],
      lastInteractionAt: null,
      revision: stream.length - 1,
      updatedAt: iso(30),
    });
  });

  it('shows pending requests on the client', async () => {
    expect((await get('c-krakow', 'acme').expect(200)).body).toMatchObject({ owner: { party: 'company' }, pendingTransferRequestIds: ['req-krakow'] });
  });

  it('lets compliance, the company and a distributor that owns it or holds its territory read it', async () => {
    for (const as of ['company', 'compliance', 'acme'] as const) expect((await get('c-gdansk', as)).status).toBe(200);
    expect((await get('c-mazovia', 'acme')).status).toBe(200);
    expect((await get('c-prague', 'beta')).status).toBe(200);
  });

  it("answers another distributor's client exactly like one that does not exist, and leaks nothing of it", async () => {
    const hidden = await get('c-mazovia', 'beta').expect(404);
    const missing = await get('c-nowhere', 'beta').expect(404);
    expect(hidden.body).toMatchObject({ code: 'CLIENT.NOT_FOUND', detail: 'Client c-mazovia was not found' });
    expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(hidden.text).not.toContain('Mazovia Pumps');
    expect(hidden.headers.etag).toBeUndefined();
    // Once acme's, now the company's outside acme's territories: acme no longer sees it.
    expect((await get('c-szczecin', 'acme').expect(404)).body.code).toBe('CLIENT.NOT_FOUND');
  });

  it('refuses a malformed id with a 422 naming it', async () => {
    const res = await get('not%20a%20client').expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });
});
