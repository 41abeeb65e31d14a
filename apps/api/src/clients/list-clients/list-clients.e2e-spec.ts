/** GET /clients end to end: filters, paging, order by legal name, and what each caller may see. */
import { startTestApp, type TestApp } from '../../testing/test-app';
import { buildScenario, type Scenario } from '../testing/client-reads-scenario';

describe('GET /clients (end to end)', () => {
  let t: TestApp;
  let s: Scenario;
  const list = (query = '', as: keyof Scenario['auth'] = 'company') => t.http().get(`/clients${query ? `?${query}` : ''}`).set('Authorization', s.auth[as]);
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((c) => c.id);
  const ALL = ['c-gdansk', 'c-krakow', 'c-mazovia', 'c-plock', 'c-prague', 'c-szczecin', 'c-warsaw'];

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t?.close());

  it('lists every client by legal name for the company and compliance, with the page bounds it used', async () => {
    for (const as of ['company', 'compliance'] as const) {
      const res = await list('', as).expect(200);
      expect(ids(res)).toEqual(ALL);
      expect(res.body).toMatchObject({ total: 7, limit: 50, offset: 0 });
    }
    const [gdansk] = (await list()).body.items;
    expect(gdansk).toMatchObject({ id: 'c-gdansk', legalName: 'Gdansk Harbour Supplies', territory: 'PL-PM', owner: { party: 'distributor', distributorId: 'acme' } });
    expect(gdansk).not.toHaveProperty('territoryPath');
    expect(gdansk).not.toHaveProperty('ownerKey');
  });

  it('shows a distributor the clients in its territories in force and those it owns elsewhere, no others', async () => {
    // c-gdansk lies outside acme's territories but is its own; c-szczecin was acme's once, no longer.
    expect(ids(await list('', 'acme').expect(200))).toEqual(['c-gdansk', 'c-krakow', 'c-mazovia', 'c-plock', 'c-warsaw']);
    const beta = await list('', 'beta').expect(200);
    expect([ids(beta), beta.body.total]).toEqual([['c-prague'], 1]);
  });

  it.each([
    ['owner=distributor:acme', ['c-gdansk', 'c-plock']],
    ['owner=company', ['c-krakow', 'c-szczecin', 'c-warsaw']],
    ['owner=none', ['c-mazovia']],
    ['owner=distributor:beta', ['c-prague']],
    ['owner=distributor:nobody', []],
    ['territory=PL', ['c-gdansk', 'c-krakow', 'c-mazovia', 'c-plock', 'c-szczecin', 'c-warsaw']],
    ['territory=PL-MZ', ['c-mazovia', 'c-plock', 'c-warsaw']],
    ['territory=CZ', ['c-prague']],
    ['territory=DE', []],
    ['segment=key-account', ['c-krakow', 'c-warsaw']],
    ['q=mills', ['c-plock']],
    ['q=s.a.', ['c-krakow', 'c-warsaw']],
    // Matched literally: '.' is not "any character", so the one name without a dot is left out.
    ['q=.', ['c-krakow', 'c-mazovia', 'c-plock', 'c-prague', 'c-szczecin', 'c-warsaw']],
    ['q=(', []],
    ['q=%5B.*%5D%2B', []],
    ['territory=PL-MZ&owner=company', ['c-warsaw']],
    ['territory=PL&segment=retail&q=sp.', ['c-szczecin']],
  ])('filters by %s', async (query, expected) => {
    const res = await list(query, 'compliance').expect(200);
    expect([ids(res), res.body.total]).toEqual([expected, expected.length]);
  });

  it("narrows a distributor's filters to what it may see", async () => {
    expect(ids(await list('owner=distributor:beta', 'acme').expect(200))).toEqual([]);
    expect(ids(await list('territory=CZ', 'acme').expect(200))).toEqual([]);
    expect(ids(await list('owner=company', 'acme').expect(200))).toEqual(['c-krakow', 'c-warsaw']);
    expect(ids(await list('q=gdansk', 'beta').expect(200))).toEqual([]);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const res = await list('limit=2&offset=2').expect(200);
    expect(res.body).toMatchObject({ total: 7, limit: 2, offset: 2 });
    expect(ids(res)).toEqual(['c-mazovia', 'c-plock']);
    expect(ids(await list('limit=200&offset=6').expect(200))).toEqual(['c-warsaw']);
    expect(ids(await list('offset=10000').expect(200))).toEqual([]);
  });

  it.each([
    ['owner=acme', 'owner'],
    ['owner=distributor:', 'owner'],
    ['territory=pl', 'territory'],
    ['territory=PL-MZ-1', 'territory'],
    ['segment=', 'segment'],
    [`segment=${'x'.repeat(65)}`, 'segment'],
    ['q=', 'q'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['q=a&q=b', 'q'],
    ['limit=201', 'limit'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=10001', 'offset'],
    ['ownerKey=company', 'ownerKey'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await list(query).expect(422);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('describes the filters in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const params = doc.paths['/clients'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params).toEqual(['limit', 'offset', 'owner', 'q', 'segment', 'territory']);
    expect(doc.paths['/clients'].get['x-access']).toEqual({ parties: ['company', 'distributor', 'compliance'] });
  });
});
