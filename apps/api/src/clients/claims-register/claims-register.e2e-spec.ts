/** GET /claims end to end: the claims register compliance reviews, its filters, who sees which entries, and CSV read back. */
import { sideKey } from '@cl/domain/shared/sides';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { csvRecords, parseCsv } from '../testing/parse-csv';
import { acmeSide, buildScenario, iso, YEAR, type Scenario } from '../testing/client-reads-scenario';
import { CLAIM_COLUMNS } from './claim-columns';
import type { ClaimEntryView } from './claims-register.dto';

describe('GET /claims (end to end)', () => {
  let t: TestApp;
  let s: Scenario;
  const claims = (query = '', as: keyof Scenario['auth'] = 'compliance', accept?: string) => {
    const req = t.http().get(`/claims${query ? `?${query}` : ''}`).set('Authorization', s.auth[as]);
    return accept ? req.set('Accept', accept) : req;
  };
  /** Entries named `<clientId>/<claimant>`: `c-plock/company`, `c-plock/acme`. */
  const labels = (res: { body: { items: ClaimEntryView[] } }) => res.body.items.map(labelOf);
  const labelOf = (e: ClaimEntryView) => `${e.clientId}/${e.claimant.party === 'company' ? 'company' : e.claimant.distributorId}`;
  const keyAccounts = { policyId: `acme-${YEAR}`, termsVersion: 1, ruleId: 'key-accounts', assignedTo: 'company' };

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t?.close());

  it('lists every claim in the order it was made, with its basis and what came of it', async () => {
    for (const as of ['compliance', 'company'] as const) {
      const res = await claims('', as).expect(200);
      expect(labels(res)).toEqual([
        'c-mazovia/acme',
        'c-krakow/company',
        'c-gdansk/company',
        'c-warsaw/company',
        'c-plock/company',
        'c-szczecin/company',
        'c-plock/acme',
        'c-prague/beta',
      ]);
      expect(res.body).toMatchObject({ total: 8, limit: 50, offset: 0 });
    }
    const byLabel = Object.fromEntries((await claims()).body.items.map((e: ClaimEntryView) => [labelOf(e), e]));
    expect(byLabel['c-krakow/company']).toEqual({
      id: s.recorded['c-krakow:claimed:anna'][0].id,
      clientId: 'c-krakow',
      clientLegalName: 'Krakow Key Foods S.A.',
      claimant: { party: 'company' },
      at: iso(45),
      basis: { judgements: [keyAccounts] },
      outcome: 'claimed',
      revision: 1,
      updatedAt: iso(45),
    });
    expect(byLabel['c-mazovia/acme']).toMatchObject({ outcome: 'claimed', endedAt: iso(35), endedBy: 'transferred' });
    expect(byLabel['c-gdansk/company']).toMatchObject({ basis: { judgements: [] }, endedAt: iso(30), endedBy: 'transferred' });
    expect(byLabel['c-plock/company']).toMatchObject({ endedBy: 'transferred' });
    expect(byLabel['c-plock/acme']).toMatchObject({
      claimant: acmeSide,
      at: iso(15),
      outcome: 'disputed',
      disputeId: 'dsp-c-plock',
      ownerAtTheTime: { party: 'company' },
      ownerBasis: { kind: 'claim', basis: { judgements: [] }, at: iso(42) },
      resolution: { resolution: 'resolved', ownerAfter: acmeSide, granted: true },
    });
    expect(byLabel['c-plock/acme']).not.toHaveProperty('claimantKey');
    expect(byLabel['c-plock/acme']).not.toHaveProperty('ownerKey');
  });

  it.each([
    ['clientId=c-plock', ['c-plock/company', 'c-plock/acme']],
    ['party=distributor:acme', ['c-mazovia/acme', 'c-plock/acme']],
    // The company as claimant, and as the owner acme's claim contested.
    ['party=company', ['c-krakow/company', 'c-gdansk/company', 'c-warsaw/company', 'c-plock/company', 'c-szczecin/company', 'c-plock/acme']],
    ['outcome=disputed', ['c-plock/acme']],
    ['outcome=claimed&party=distributor:beta', ['c-prague/beta']],
    ['clientId=c-nowhere', []],
  ])('filters by %s', async (query, expected) => {
    const res = await claims(query).expect(200);
    expect([labels(res), res.body.total]).toEqual([expected, expected.length]);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const res = await claims('limit=2&offset=6').expect(200);
    expect([labels(res), res.body.total, res.body.limit, res.body.offset]).toEqual([['c-plock/acme', 'c-prague/beta'], 8, 2, 6]);
  });

  it('filters by period: from inclusive, to exclusive, dates or instants', async () => {
    expect(labels(await claims(`from=${iso(45)}&to=${iso(42)}`).expect(200))).toEqual(['c-krakow/company', 'c-gdansk/company', 'c-warsaw/company']);
    expect(labels(await claims(`from=${iso(20)}`).expect(200))).toEqual(['c-plock/acme', 'c-prague/beta']);
    expect(labels(await claims(`to=${iso(44)}`).expect(200))).toEqual(['c-mazovia/acme', 'c-krakow/company']);
    const day = iso(15).slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(labels(await claims(`from=${day}&to=${next}`).expect(200))).toEqual(['c-plock/acme']);
  });

  it('shows a distributor the claims it made and those made against its ownership, no others', async () => {
    expect(labels(await claims('', 'acme').expect(200))).toEqual(['c-mazovia/acme', 'c-plock/acme']);
    expect(labels(await claims('', 'beta').expect(200))).toEqual(['c-prague/beta']);
    expect(labels(await claims('party=distributor:beta', 'acme').expect(200))).toEqual([]);
    expect(labels(await claims('party=company', 'acme').expect(200))).toEqual(['c-plock/acme']);
    expect((await claims('', 'beta')).text).not.toContain('Krakow');
  });

  describe('as CSV (Accept: text/csv)', () => {
    it('answers the same page as CSV, read back equal to the JSON', async () => {
      const json = await claims('', 'company').expect(200);
      const csv = await claims('', 'company', 'text/csv').expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers.vary).toMatch(/Accept/);
      expect(parseCsv(csv.text)[0]).toEqual(CLAIM_COLUMNS.map((c) => c.header));
      expect(csvRecords(csv.text)).toEqual(json.body.items.map(expectedRecord));
    });

    it('writes the judgements as one readable cell', async () => {
      const [krakow] = csvRecords((await claims('clientId=c-krakow', 'compliance', 'text/csv').expect(200)).text);
      expect(krakow).toMatchObject({ claimant: 'company', judgements: `acme-${YEAR} v1 key-accounts→company`, outcome: 'claimed', granted: '' });
      const [, contested] = csvRecords((await claims('clientId=c-plock', 'compliance', 'text/csv').expect(200)).text);
      expect(contested).toMatchObject({ claimant: 'distributor:acme', ownerAtTheTime: 'company', ownerAfter: 'distributor:acme', granted: 'true' });
    });

    it('scopes the CSV like the JSON', async () => {
      expect(csvRecords((await claims('', 'beta', 'text/csv').expect(200)).text).map((r) => r.clientId)).toEqual(['c-prague']);
    });
  });

  it.each([
    ['party=acme', 'party'],
    ['party=distributor:', 'party'],
    ['outcome=won', 'outcome'],
    ['clientId=a%20b', 'clientId'],
    ['from=yesterday', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=2026-03-02&to=2026-03-01', 'to'],
    ['from=2026-03-01T00:00:00Z&to=2026-03-01', 'to'],
    ['limit=500', 'limit'],
    ['status=claimed', 'status'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await claims(query).expect(422);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('documents both representations and the CSV columns in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const op = doc.paths['/claims'].get;
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(op.responses['200'].content['text/csv'].example).toBe(`${CLAIM_COLUMNS.map((c) => c.header).join(',')}\r\n`);
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['clientId', 'from', 'limit', 'offset', 'outcome', 'party', 'to']);
    expect(op['x-access']).toEqual({ parties: ['company', 'distributor', 'compliance'] });
  });
});

/** What an entry's CSV record must read back as, derived from its JSON independently of the writer. */
function expectedRecord(e: ClaimEntryView): Record<string, string> {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const side = (v: Parameters<typeof sideKey>[0] | null | undefined) => (v ? sideKey(v) : '');
  return {
    id: e.id,
    clientId: e.clientId,
    clientLegalName: text(e.clientLegalName),
    at: e.at,
    claimant: side(e.claimant),
    outcome: e.outcome,
    judgements: e.basis.judgements.map((j) => `${j.policyId} v${j.termsVersion} ${j.ruleId}→${j.assignedTo}`).join('; '),
    disputeId: text(e.disputeId),
    ownerAtTheTime: side(e.ownerAtTheTime),
    resolution: text(e.resolution?.resolution),
    ownerAfter: side(e.resolution?.ownerAfter),
    granted: text(e.resolution?.granted),
    settledAt: text(e.resolution?.settledAt),
    endedAt: text(e.endedAt),
    endedBy: text(e.endedBy),
  };
}
