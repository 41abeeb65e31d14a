/** GET /reports/transfers end to end: hand-over requests with overdue judged now, filters, scoping, and CSV read back. */
import { sideKey, type Side } from '@cl/domain/shared/sides';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { csvRecords, parseCsv } from '../testing/parse-csv';
import { acmeSide, betaSide, buildScenario, iso, type Scenario } from '../testing/client-reads-scenario';
import { TRANSFER_COLUMNS } from './transfer-columns';
import type { TransferRequestView } from './transfers-report.dto';

/** Stands for the id POST /clients/c-prague/transfers generated, in tables built before the scenario. */
const PRAGUE = 'req-prague';

describe('GET /reports/transfers (end to end)', () => {
  let t: TestApp;
  let s: Scenario;
  const report = (query = '', as: keyof Scenario['auth'] = 'company', accept?: string) => {
    const req = t.http().get(`/reports/transfers${query ? `?${query}` : ''}`).set('Authorization', s.auth[as]);
    return accept ? req.set('Accept', accept) : req;
  };
  const ids = (res: { body: { items: TransferRequestView[] } }) => res.body.items.map((r) => r.requestId);

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t?.close());

  it('lists every request oldest first, each with overdue judged at the time of the answer', async () => {
    const res = await report().expect(200);
    expect(ids(res)).toEqual(['req-mazovia', 'req-krakow', 'req-warsaw', s.pragueRequestId]);
    expect(res.body).toMatchObject({ total: 4, limit: 50, offset: 0 });
    expect(Math.abs(Date.parse(res.body.asOf) - Date.now())).toBeLessThan(60_000);
    const [mazovia, krakow, warsaw] = res.body.items;
    expect(mazovia).toEqual({
      requestId: 'req-mazovia',
      clientId: 'c-mazovia',
      clientLegalName: 'Mazovia Pumps Sp. z o.o.',
      from: acmeSide,
      to: { party: 'company' },
      reason: 'The client asked for a direct contract',
      policyId: expect.stringMatching(/^acme-\d{4}$/),
      handOverDays: 14,
      requestedAt: iso(40),
      dueBy: iso(26),
      status: 'accepted',
      overdue: false,
      answeredAt: iso(35),
      transferId: 'tr-mazovia',
      revision: 3,
      updatedAt: iso(35),
    });
    expect(krakow).toMatchObject({ status: 'pending', dueBy: iso(6), overdue: true, from: { party: 'company' }, to: acmeSide });
    expect(warsaw).toMatchObject({ status: 'pending', overdue: false, to: betaSide });
    expect(krakow).not.toHaveProperty('fromKey');
    expect(krakow).not.toHaveProperty('toKey');
  });

  it.each([
    ['overdue=true', ['req-krakow']],
    ['overdue=false', ['req-mazovia', 'req-warsaw', PRAGUE]],
    ['status=pending', ['req-krakow', 'req-warsaw', PRAGUE]],
    ['status=accepted', ['req-mazovia']],
    ['status=accepted&overdue=true', []],
    ['status=withdrawn', []],
    ['limit=2&offset=1', ['req-krakow', 'req-warsaw']],
  ])('filters by %s', async (query, expected) => {
    const res = await report(query, 'compliance').expect(200);
    expect(ids(res)).toEqual(expected.map((id) => (id === PRAGUE ? s.pragueRequestId : id)));
  });

  it('shows a distributor the requests it is a side of and those about clients it may see', async () => {
    // req-warsaw is between the company and beta, about a client in acme's territory.
    expect(ids(await report('', 'acme').expect(200))).toEqual(['req-mazovia', 'req-krakow', 'req-warsaw']);
    expect(ids(await report('', 'beta').expect(200))).toEqual(['req-warsaw', s.pragueRequestId]);
    expect(ids(await report('overdue=true', 'beta').expect(200))).toEqual([]);
    expect((await report('', 'beta').expect(200)).text).not.toContain('Krakow');
  });

  describe('as CSV (Accept: text/csv)', () => {
    it('answers the same page as CSV: a header row, then one record per request, read back equal to the JSON', async () => {
      const json = await report('', 'company').expect(200);
      const csv = await report('', 'company', 'text/csv').expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers.vary).toMatch(/Accept/);
      expect(json.headers.vary).toMatch(/Accept/);
      expect(parseCsv(csv.text)[0]).toEqual(TRANSFER_COLUMNS.map((c) => c.header));
      expect(csvRecords(csv.text)).toEqual(json.body.items.map(expectedRecord));
    });

    it('keeps a formula in a reason as text, quoted because it holds quotes and a comma', async () => {
      const [krakow] = csvRecords((await report('overdue=true', 'compliance', 'text/csv').expect(200)).text);
      expect(krakow.reason).toBe(`'=HYPERLINK("http://evil.example","click"), they called us`);
      expect(krakow.overdue).toBe('true');
    });

    it('scopes and filters the CSV like the JSON', async () => {
      const records = csvRecords((await report('status=pending', 'beta', 'text/csv').expect(200)).text);
      expect(records.map((r) => r.requestId)).toEqual(['req-warsaw', s.pragueRequestId]);
      expect(parseCsv((await report('status=withdrawn', 'acme', 'text/csv').expect(200)).text)).toEqual([TRANSFER_COLUMNS.map((c) => c.header)]);
    });

    it('prefers JSON when the caller does, or asks for neither', async () => {
      for (const accept of ['application/json', 'application/json, text/csv;q=0.5', 'image/png', '*/*']) {
        const res = await report('', 'company', accept).expect(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
      }
      expect((await report('', 'company', 'text/csv, application/json;q=0.9').expect(200)).headers['content-type']).toMatch(/^text\/csv/);
    });
  });

  it.each([
    ['status=open', 'status'],
    ['overdue=yes', 'overdue'],
    ['overdue=1', 'overdue'],
    ['limit=201', 'limit'],
    ['clientId=c-mazovia', 'clientId'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await report(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('documents both representations and the CSV columns in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const op = doc.paths['/reports/transfers'].get;
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(op.responses['200'].content['text/csv'].example).toBe(`${TRANSFER_COLUMNS.map((c) => c.header).join(',')}\r\n`);
    expect(op.responses['200'].content['text/csv'].schema.description).toContain('`dueBy`');
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['limit', 'offset', 'overdue', 'status']);
  });
});

/** What a request's CSV record must read back as, derived from its JSON independently of the writer. */
function expectedRecord(r: TransferRequestView): Record<string, string> {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const guarded = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const side = (v: Side) => sideKey(v);
  return {
    requestId: r.requestId,
    clientId: r.clientId,
    clientLegalName: text(r.clientLegalName),
    from: side(r.from),
    to: side(r.to),
    status: r.status,
    overdue: String(r.overdue),
    requestedAt: r.requestedAt,
    dueBy: r.dueBy,
    handOverDays: String(r.handOverDays),
    policyId: r.policyId,
    reason: guarded(r.reason),
    answeredAt: text(r.answeredAt),
    transferId: text(r.transferId),
    disputeId: text(r.disputeId),
    endedAt: text(r.withdrawnAt ?? r.supersededAt ?? r.closedAt),
    handedOver: text(r.outcome?.handedOver),
  };
}
