/**
 * Reading sales end to end: the company and compliance see every sale; a distributor its own, those
 * to the clients it owns and the channel conflicts against it — any other sale is absent from lists
 * and answered 404 on its own.
 */
import { ACME, BETA, distributorsClient, keyAccount, PUMP_FLOOR, pumps, SalesWorld, today, YEAR } from '../testing/sales-world';

describe('GET /sales and /sales/:id (end to end)', () => {
  let s: SalesWorld;
  /** acme's client, the company's key account in acme's territory, beta's client in Czechia. */
  let acmeClient: string;
  let companyClient: string;
  let betaClient: string;
  const sales: Record<string, string> = {};

  beforeAll(async () => {
    s = await SalesWorld.start();
    acmeClient = await s.w.ownedClient(ACME.id);
    companyClient = await s.w.ownedClient('company', keyAccount());
    betaClient = await s.w.ownedClient(BETA.id, distributorsClient({ territory: 'CZ' }));
    sales.acmeOwn = await s.sold(ACME.id, acmeClient, [pumps(1, PUMP_FLOOR)]);
    sales.companyToAcmeClient = await s.sold('company', acmeClient, [pumps(2, PUMP_FLOOR)]);
    sales.companyOwn = await s.sold('company', companyClient, [pumps(3, PUMP_FLOOR)]);
    sales.acmeToCompanyClient = await s.sold(ACME.id, companyClient, [pumps(4, PUMP_FLOOR)]);
    sales.betaOwn = await s.sold(BETA.id, betaClient, [pumps(5, PUMP_FLOOR)]);
  });
  afterAll(() => s?.close());

  const ids = async (who: string, query = '') => {
    const res = await s.get(who, `/sales${query}`);
    expect(res.status).toBe(200);
    return new Set((res.body.items as Array<{ id: string }>).map((i) => i.id));
  };
  const named = (...keys: string[]) => new Set(keys.map((k) => sales[k]));

  it('lists every sale to the company and to compliance', async () => {
    for (const who of ['company', 'compliance']) expect(await ids(who)).toEqual(named(...Object.keys(sales)));
  });

  it('lists to a distributor its own sales, those to the clients it owns and the channel conflicts against it', async () => {
    expect(await ids(ACME.id)).toEqual(named('acmeOwn', 'companyToAcmeClient', 'acmeToCompanyClient'));
    expect(await ids(BETA.id)).toEqual(named('betaOwn'));
  });

  it('answers a sale a distributor may not see with 404, and shows it to those who may', async () => {
    for (const [who, key, status] of [
      [ACME.id, 'companyOwn', 404],
      [ACME.id, 'betaOwn', 404],
      [BETA.id, 'acmeOwn', 404],
      [ACME.id, 'companyToAcmeClient', 200],
      ['compliance', 'betaOwn', 200],
      ['company', 'acmeToCompanyClient', 200],
    ] as const) {
      const res = await s.get(who, `/sales/${sales[key]}`);
      expect([who, key, res.status]).toEqual([who, key, status]);
      if (status === 404) expect(res.body.code).toBe('SALE.NOT_FOUND');
    }
    const missing = await s.get('company', '/sales/s-nobody');
    expect(missing.status).toBe(404);
  });

  it('shows a sale with its lines, floors, policy, period, channel conflict and who recorded it; the ETag is its revision', async () => {
    const res = await s.get(ACME.id, `/sales/${sales.acmeToCompanyClient}`);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({
      id: sales.acmeToCompanyClient,
      status: 'recorded',
      seller: { party: 'distributor', distributorId: ACME.id },
      sellerKey: `distributor:${ACME.id}`,
      clientId: companyClient,
      date: today(),
      policyId: `${ACME.id}-${YEAR}`,
      period: today().slice(0, 7),
      lines: [{ sku: 'PUMP-100', quantity: 4, floor: { minor: PUMP_FLOOR, currency: 'PLN' } }],
      total: { minor: 4 * PUMP_FLOOR, currency: 'PLN' },
      channelConflict: { owner: { party: 'company' } },
      recordedBy: { party: 'distributor', userId: 'acme-user', distributorId: ACME.id },
    });
  });

  it('filters by client, seller, dates and period, within what the viewer may see', async () => {
    expect(await ids('company', `?clientId=${acmeClient}`)).toEqual(named('acmeOwn', 'companyToAcmeClient'));
    expect(await ids('company', '?sellerKey=company')).toEqual(named('companyToAcmeClient', 'companyOwn'));
    expect(await ids(ACME.id, '?sellerKey=company')).toEqual(named('companyToAcmeClient'));
    expect(await ids(BETA.id, `?clientId=${acmeClient}`)).toEqual(new Set());
    expect(await ids('company', `?from=${today()}&to=${today()}&period=${today().slice(0, 7)}&sellerKey=distributor:${BETA.id}`)).toEqual(
      named('betaOwn'),
    );
    expect(await ids('company', `?to=${YEAR - 1}-12-31`)).toEqual(new Set());
  });

  it('pages in a stable order and counts every match', async () => {
    const first = await s.get('company', '/sales?limit=2');
    const rest = await s.get('company', '/sales?limit=10&offset=2');
    expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    const all = [...first.body.items, ...rest.body.items].map((i: { id: string }) => i.id);
    expect(new Set(all)).toEqual(named(...Object.keys(sales)));
    expect(all).toHaveLength(5);
  });

  it('refuses an invalid filter with 422 naming it', async () => {
    for (const [query, field] of [
      ['?period=2026-13', 'period'],
      ['?from=yesterday', 'from'],
      ['?sellerKey=admin', 'sellerKey'],
      ['?limit=0', 'limit'],
    ]) {
      const res = await s.get('company', `/sales${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
