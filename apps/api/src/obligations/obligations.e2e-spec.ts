/**
 * Obligations end to end. Their due dates lie in the policy's past, so acme's policy is signed the
 * December before its year through the real policy decider appended to the store (as the period
 * close spec does): the year is the current one from May on, else the previous one, so January–April
 * have ended. beta's distributor only ever sees 404s for acme's policy.
 */
import { sampleTerms } from '@cl/domain/policy/example-terms';
import { startTestApp, type TestApp } from '../testing/test-app';
import { distributorSale, policySignedAt } from '../settlements/testing/ledger-writes';

const TODAY = new Date();
const YEAR = TODAY.getUTCMonth() >= 4 ? TODAY.getUTCFullYear() : TODAY.getUTCFullYear() - 1;
const POLICY = `acme-${YEAR}`;
const terms = sampleTerms(YEAR, { territories: ['PL-MZ'] });
const QUAL = 'qual:sales engineer:Pump systems level 2';
const SCRIPT = 'script:First call:3.1';
const enc = encodeURIComponent;

interface Item {
  obligation: { id: string; responsibleParty: string };
  status: { status: string; timeliness?: string };
}

describe('obligations (end to end)', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  const post = (path: string, as: string, body: object = {}) => t.http().post(`/policies/${POLICY}${path}`).set('Authorization', auth[as]).send(body);
  const listing = async (as = 'company', asOf?: string) => {
    const res = await t.http().get(`/policies/${POLICY}/obligations`).query(asOf ? { asOf } : {}).set('Authorization', auth[as]).expect(200);
    return res.body.items as Item[];
  };
  const statusOf = async (oid: string, asOf?: string) => (await listing('company', asOf)).find((i) => i.obligation.id === oid)?.status;

  beforeAll(async () => {
    t = await startTestApp();
    auth.company = `Bearer ${await t.token('company')}`;
    auth.compliance = `Bearer ${await t.token('compliance')}`;
    auth.acme = `Bearer ${await t.token('distributor', { distributorId: 'acme', sub: 'acme-user' })}`;
    auth.beta = `Bearer ${await t.token('distributor', { distributorId: 'beta', sub: 'beta-user' })}`;
    for (const id of ['acme', 'beta']) {
      await t.http().post('/distributors').set('Authorization', auth.company).send({ id, name: `${id} distribution`, territories: ['PL-MZ'] }).expect(201);
    }
    await policySignedAt(t, 'acme', YEAR, terms, new Date(Date.UTC(YEAR - 1, 11, 15, 9)));
    await t.settled();
  });
  afterAll(() => t?.close());

  it('derives both parties’ obligations from the policy, each with its status at asOf', async () => {
    const items = await listing('company', `${YEAR}-05-01`);
    const byId = Object.fromEntries(items.map((i) => [i.obligation.id, i]));
    expect(byId[QUAL]).toMatchObject({ obligation: { responsibleParty: 'distributor' }, status: { status: 'open' } });
    expect(byId[`report:${YEAR}-01`].status).toEqual({ status: 'overdue' });
    expect(byId[`meeting:${YEAR}-Q1`].obligation.responsibleParty).toBe('company');
  });

  it('evidence recorded by the responsible party and accepted by the protected party fulfils the obligation on time', async () => {
    expect((await post(`/obligations/${enc(QUAL)}/evidence`, 'company', { what: 'x', when: `${YEAR}-05-14`, documentRef: 'doc://c' })).status).toBe(403);
    const recorded = await post(`/obligations/${enc(QUAL)}/evidence`, 'acme', {
      what: 'Two sales engineers certified',
      when: `${YEAR}-05-14`,
      documentRef: 'doc://certificates/both.pdf',
      count: 2,
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.recorded[0]).toMatchObject({ type: 'EvidenceRecorded', data: { obligationId: QUAL, recordedBy: { party: 'distributor', userId: 'acme-user' } } });
    const { evidenceId } = recorded.body;
    expect((await post(`/obligations/${enc(QUAL)}/evidence/${evidenceId}/acceptance`, 'acme')).status).toBe(403);
    expect((await post(`/obligations/${enc(QUAL)}/evidence/${evidenceId}/acceptance`, 'company')).status).toBe(201);
    expect(await statusOf(QUAL)).toEqual({ status: 'fulfilled', fulfilledOn: `${YEAR}-05-14`, timeliness: 'on-time' });
    // Judged only on what was recorded by then: on 1 May nothing was.
    expect(await statusOf(QUAL, `${YEAR}-05-01`)).toEqual({ status: 'open' });
  });

  it('evidence disputed by the protected party opens a dispute both parties see, and the obligation is disputed', async () => {
    const recorded = await post(`/obligations/${enc(SCRIPT)}/evidence`, 'acme', {
      what: 'Script in use by all sales staff',
      when: `${YEAR}-01-20`,
      documentRef: 'doc://scripts/adoption.pdf',
    });
    expect(recorded.status).toBe(201);
    const path = `/obligations/${enc(SCRIPT)}/evidence/${recorded.body.evidenceId}/dispute`;
    expect((await post(path, 'acme', { reason: 'x' })).status).toBe(403);
    expect((await post(`/obligations/${enc(QUAL)}/evidence/${recorded.body.evidenceId}/dispute`, 'company', { reason: 'x' })).status).toBe(404);
    const disputed = await post(path, 'company', { reason: 'Mystery calls found the old script in use' });
    expect(disputed.status).toBe(201);
    const { disputeId } = disputed.body;
    expect(disputed.body.recorded[0]).toMatchObject({ type: 'EvidenceDisputed', data: { disputeId, disputedBy: { party: 'company' } } });
    await t.settled();
    for (const as of ['company', 'acme']) {
      const dispute = await t.http().get(`/disputes/${disputeId}`).set('Authorization', auth[as]);
      expect(dispute.status).toBe(200);
      expect(dispute.body).toMatchObject({ subject: { kind: 'obligation', policyId: POLICY, obligationId: SCRIPT, evidenceId: recorded.body.evidenceId } });
    }
    expect((await t.http().get(`/disputes/${disputeId}`).set('Authorization', auth.beta)).status).toBe(404);
    expect(await statusOf(SCRIPT)).toEqual({ status: 'disputed', disputeIds: [disputeId] });
    expect((await post(path, 'company', { reason: 'Again' })).body.code).toBe('OBLIGATIONS.EVIDENCE_DISPUTED');
  });

  it('a waiver is signed by the protected party only', async () => {
    const refused = await post(`/obligations/${enc(SCRIPT)}/waiver`, 'acme', { reason: 'We use our own script' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('OBLIGATIONS.NOT_PROTECTED_PARTY');
    expect((await post(`/obligations/${enc(SCRIPT)}/waiver`, 'company', { reason: 'Script replaced by the new catalogue' })).status).toBe(201);
    expect(await statusOf(SCRIPT)).toMatchObject({ status: 'waived' });
  });

  it('a report is submitted by the distributor and acknowledged by the company', async () => {
    const body = { period: `${YEAR}-01`, summary: 'January: 14 visits, 3 quotes', attachmentRefs: ['doc://reports/jan.xlsx'] };
    expect((await post('/reports', 'company', body)).status).toBe(403);
    expect((await post('/reports', 'acme', body)).status).toBe(201);
    expect((await post(`/reports/${YEAR}-01/acknowledgement`, 'acme')).status).toBe(403);
    const ack = await post(`/reports/${YEAR}-01/acknowledgement`, 'company');
    expect(ack.status).toBe(201);
    expect(ack.body.recorded[0]).toMatchObject({ type: 'PeriodicReportAcknowledged', data: { period: `${YEAR}-01`, acknowledgedBy: { party: 'company' } } });
    expect(await statusOf(`report:${YEAR}-01`)).toMatchObject({ status: 'fulfilled', timeliness: 'late' });
  });

  it('a meeting of the cadence is recorded with its attendees and decisions', async () => {
    const res = await post('/meetings', 'company', {
      period: `${YEAR}-Q1`,
      heldOn: `${YEAR}-03-20`,
      attendees: [
        { name: 'Anna Nowak', party: 'company' },
        { name: 'Jan Kowalski', party: 'distributor' },
      ],
      decisions: ['Joint stand at the Poznań fair'],
    });
    expect(res.status).toBe(201);
    expect(await statusOf(`meeting:${YEAR}-Q1`)).toEqual({ status: 'fulfilled', fulfilledOn: `${YEAR}-03-20`, timeliness: 'on-time' });
  });

  it('the payable of a closed period is owed by the company until its payments cover it', async () => {
    await distributorSale(t, { saleId: 'jan-1', distributorId: 'acme', policyId: POLICY, terms, date: `${YEAR}-01-15`, lines: [{ sku: 'PUMP-100', quantity: 84, unitPrice: { minor: 125_000, currency: 'PLN' } }] });
    await t.settled();
    await t.http().post(`/policies/${POLICY}/periods/${YEAR}-01/close`).set('Authorization', auth.company).expect(201);
    expect(await statusOf(`payment:${YEAR}-01`)).toEqual({ status: 'open' });
    const payment = { period: `${YEAR}-01`, amount: { minor: 210_000, currency: 'PLN' }, paidOn: TODAY.toISOString().slice(0, 10), reference: 'TRF/1' };
    expect((await post('/payments', 'acme', payment)).status).toBe(403);
    expect((await post('/payments', 'company', { ...payment, amount: { minor: 100_000, currency: 'PLN' } })).status).toBe(201);
    expect(await statusOf(`payment:${YEAR}-01`)).toEqual({ status: 'open' });
    expect((await post('/payments', 'company', { ...payment, amount: { minor: 110_000, currency: 'PLN' }, reference: 'TRF/2' })).status).toBe(201);
    expect(await statusOf(`payment:${YEAR}-01`)).toMatchObject({ status: 'fulfilled', timeliness: 'on-time' });
  });

  it('the scorecard counts each party’s obligations at two dates, as JSON and as CSV', async () => {
    const card = async (asOf: string, as = 'company') =>
      (await t.http().get('/reports/obligations').query({ asOf }).set('Authorization', auth[as]).expect(200)).body;
    const may = await card(`${YEAR}-05-01`);
    const distributorInMay = may.rows.find((r: { policyId: string; responsibleParty: string }) => r.policyId === POLICY && r.responsibleParty === 'distributor');
    // Script due 31 January and the reports of January to March: overdue, nothing recorded yet.
    expect(distributorInMay).toMatchObject({ distributorId: 'acme', onTime: 0, overdue: 4, waived: 0 });
    const now = await card(new Date().toISOString());
    const items = await listing('company', now.asOf);
    const onTime = items.filter((i) => i.obligation.responsibleParty === 'distributor' && i.status.timeliness === 'on-time').length;
    const distributorNow = now.rows.find((r: { policyId: string; responsibleParty: string }) => r.policyId === POLICY && r.responsibleParty === 'distributor');
    expect(distributorNow).toMatchObject({ onTime, waived: 1, late: 1 });
    expect(onTime).toBeGreaterThanOrEqual(1);
    const csv = await t.http().get('/reports/obligations').query({ asOf: `${YEAR}-05-01` }).set('Authorization', auth.company).set('Accept', 'text/csv').expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('distributorId,policyId,responsibleParty,onTime,late,open,overdue,disputed,waived,retired');
    expect(csv.text).toContain(`acme,${POLICY},distributor,0,`);
  });

  it('scopes: another distributor gets 404 or nothing, compliance reads but never writes', async () => {
    expect((await t.http().get(`/policies/${POLICY}/obligations`).set('Authorization', auth.beta)).status).toBe(404);
    const refused = await post(`/obligations/${enc(QUAL)}/evidence`, 'beta', { what: 'x', when: `${YEAR}-05-14`, documentRef: 'doc://c' });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('POLICY.NOT_FOUND');
    const betaCard = await t.http().get('/reports/obligations').query({ distributorId: 'acme' }).set('Authorization', auth.beta).expect(200);
    expect(betaCard.body.rows).toEqual([]);
    expect((await listing('compliance')).length).toBeGreaterThan(0);
    expect((await listing('acme')).length).toBeGreaterThan(0);
    expect((await post(`/obligations/${enc(SCRIPT)}/waiver`, 'compliance', { reason: 'x' })).status).toBe(403);
  });

  it('refuses an asOf that is no date, naming the field', async () => {
    const res = await t.http().get(`/policies/${POLICY}/obligations`).query({ asOf: 'yesterday' }).set('Authorization', auth.company);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });
});
