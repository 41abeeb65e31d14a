/** GET /disputes: who sees which disputes, the filters, the paging, and the CSV form. */
import { csvRecords } from '../../clients/testing/parse-csv';
import { DisputeWorld } from '../testing/dispute-world';

describe('GET /disputes', () => {
  let w: DisputeWorld;
  const ids: Record<string, string> = {};
  let between: string;

  const list = async (who: string, query = '', headers: Record<string, string> = {}) =>
    w.get(who, `/disputes${query ? `?${query}` : ''}`, headers);
  const idsOf = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((d) => d.id);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    w = await DisputeWorld.start();
    const clientId = await w.companyClient();
    // Opened in this order, oldest first; `between` splits them into two periods.
    ids.clientAcme = await w.open('acme', {
      disputeId: 'd1-client-acme',
      subject: { kind: 'client', clientId },
      summary: 'Ours since 2024, "really"',
    });
    ids.priceBeta = await w.open('beta', { disputeId: 'd2-price-beta', subject: { kind: 'price', sku: '=PUMP-100' } });
    await sleep(5);
    between = new Date().toISOString();
    await sleep(5);
    ids.saleCompany = await w.open('company', {
      disputeId: 'd3-sale-company',
      subject: { kind: 'sale', saleId: 'S-9' },
      counterparty: { party: 'distributor', distributorId: 'acme' },
    });
    ids.acmeBeta = await w.open('acme', {
      disputeId: 'd4-acme-beta',
      subject: { kind: 'price', sku: 'VALVE-20' },
      counterparty: { party: 'distributor', distributorId: 'beta' },
    });
    await w.postExpecting(201, 'beta', `/disputes/${ids.priceBeta}/withdrawal`, { reason: 'price corrected' });
    await w.postExpecting(201, 'compliance', `/disputes/${ids.clientAcme}/resolution`, { outcome: { decision: 'stays with the company' } });
    await w.settled();
  });
  afterAll(() => w?.close());

  it('lists summaries newest first for the company and compliance, with the page bounds used', async () => {
    for (const who of ['company', 'compliance']) {
      const res = await list(who);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 4, limit: 50, offset: 0 });
      expect(idsOf(res)).toEqual(['d4-acme-beta', 'd3-sale-company', 'd2-price-beta', 'd1-client-acme']);
    }
    const [, , withdrawn, decided] = (await list('company')).body.items;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'price corrected' }, closedAt: expect.any(String) });
    expect(decided).toMatchObject({
      id: 'd1-client-acme',
      subjectKind: 'client',
      partyKeys: ['distributor:acme', 'company'],
      originKind: 'direct',
      status: 'resolved',
      resolution: { by: { kind: 'compliance' }, outcome: { decision: 'stays with the company' } },
      proposalsCount: 0,
      notesCount: 0,
      evidenceCount: 0,
      revision: 1,
    });
    expect(decided).not.toHaveProperty('timeline');
  });

  it('shows a distributor only the disputes it is a party to', async () => {
    expect(idsOf(await list('acme'))).toEqual(['d4-acme-beta', 'd3-sale-company', 'd1-client-acme']);
    expect(idsOf(await list('beta'))).toEqual(['d4-acme-beta', 'd2-price-beta']);
    expect(idsOf(await list('beta', 'party=distributor:acme'))).toEqual(['d4-acme-beta']);
    expect(idsOf(await list('beta', 'party=company'))).toEqual(['d2-price-beta']);
  });

  it.each([
    ['party=distributor:acme', ['d4-acme-beta', 'd3-sale-company', 'd1-client-acme']],
    ['party=company', ['d3-sale-company', 'd2-price-beta', 'd1-client-acme']],
    ['party=distributor:nobody', []],
    ['status=open', ['d4-acme-beta', 'd3-sale-company']],
    ['status=withdrawn', ['d2-price-beta']],
    ['subjectKind=price', ['d4-acme-beta', 'd2-price-beta']],
    ['subjectKind=client&status=resolved', ['d1-client-acme']],
    [`openedFrom=${encodeURIComponent('between')}`, ['d4-acme-beta', 'd3-sale-company']],
    [`openedTo=${encodeURIComponent('between')}`, ['d2-price-beta', 'd1-client-acme']],
    ['openedFrom=2000-01-01&openedTo=2001-01-01', []],
  ])('filters by %s', async (query, expected) => {
    const res = await list('compliance', query.replace('between', between));
    expect([idsOf(res), res.body.total]).toEqual([expected, expected.length]);
  });

  it('filters by the client the subject names', async () => {
    const decided = (await list('company', 'subjectKind=client')).body.items[0];
    expect(idsOf(await list('company', `clientId=${decided.clientId}`))).toEqual(['d1-client-acme']);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const res = await list('company', 'limit=2&offset=1');
    expect(res.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(idsOf(res)).toEqual(['d3-sale-company', 'd2-price-beta']);
  });

  it.each([
    ['limit=201', 'limit'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['party=acme', 'party'],
    ['party=distributor:', 'party'],
    ['status=closed', 'status'],
    ['subjectKind=contract', 'subjectKind'],
    ['clientId=a%20b', 'clientId'],
    ['openedFrom=yesterday', 'openedFrom'],
    ['openedFrom=2026-03-02&openedTo=2026-03-01', 'openedTo'],
    ['openedTo=2026-03-01T12:00:00', 'openedTo'],
    ['owner=acme', 'owner'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await list('company', query);
    expect([res.status, res.body.code]).toEqual([422, 'REQUEST.VALIDATION_FAILED']);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers the same page as CSV on Accept: text/csv, guarding cells a spreadsheet would run', async () => {
    const res = await list('beta', 'limit=10', { Accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers.vary).toMatch(/Accept/);
    const rows = csvRecords(res.text);
    expect(rows.map((r) => [r.id, r.status, r.openedBy, r.counterparty, r.sku])).toEqual([
      ['d4-acme-beta', 'open', 'distributor:acme', 'distributor:beta', 'VALVE-20'],
      ['d2-price-beta', 'withdrawn', 'distributor:beta', 'company', "'=PUMP-100"],
    ]);
    expect(rows[1]).toMatchObject({ withdrawalReason: 'price corrected', origin: 'direct', proposals: '0' });
    const decided = csvRecords((await list('company', 'status=resolved', { Accept: 'text/csv' })).text);
    expect(decided).toEqual([
      expect.objectContaining({ id: 'd1-client-acme', resolvedBy: 'compliance', summary: 'Ours since 2024, "really"' }),
    ]);
  });

  it('describes its parameters and both representations in the OpenAPI document', async () => {
    const doc = (await w.t.http().get('/docs-json').expect(200)).body;
    const op = doc.paths['/disputes'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'clientId',
      'limit',
      'offset',
      'openedFrom',
      'openedTo',
      'party',
      'status',
      'subjectKind',
    ]);
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(op['x-access']).toEqual({ parties: ['company', 'compliance', 'distributor'] });
  });

  it('answers JSON when JSON is preferred or nothing is said', async () => {
    expect((await list('company', '', { Accept: 'application/json, text/csv;q=0.5' })).body.total).toBe(4);
    expect((await list('company', '', { Accept: '*/*' })).headers['content-type']).toMatch(/^application\/json/);
  });
});
