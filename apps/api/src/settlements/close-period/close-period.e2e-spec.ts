/**
 * Closing periods end to end. The API signs a policy at the current instant, and a period settles
 * under the terms in force at its end, so no period that has already ended can be settled under a
 * policy signed through the API today. acme's policy is therefore signed the December before its
 * year (the real policy decider run with that instant, appended to the store: see
 * testing/ledger-writes.ts) and governs from 1 January. Its sales are booked through the pure sale
 * decider. The year is the current one when January–April have ended (from May on), else the
 * previous one. beta's policy is signed through the API now; gamma's is only drafted.
 */
import { sampleTerms } from '@cl/domain/policy/example-terms';
import { settlementStream } from '@cl/domain/settlement';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { ProjectorService } from '../../infrastructure/projector.service';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { cancelDistributorSale, distributorSale, policySignedAt } from '../testing/ledger-writes';

const TODAY = new Date();
const THIS_YEAR = TODAY.getUTCFullYear();
const YEAR = TODAY.getUTCMonth() >= 4 ? THIS_YEAR : THIS_YEAR - 1;
const [JAN, FEB, MAR, APR] = ['01', '02', '03', '04'].map((m) => `${YEAR}-${m}`);
const terms = sampleTerms(YEAR, { territories: ['PL-MZ'] });
const POLICY = `acme-${YEAR}`;
const PUMP = (quantity: number) => [{ sku: 'PUMP-100', quantity, unitPrice: { minor: 125_000, currency: 'PLN' } }];
const PLAN = 10_000_000; // PLN 100 000.00 a month in the sample terms
const pln = (minor: number) => ({ minor, currency: 'PLN' });
/** The sample tiers worked out by hand: 100% → 2%, 110% → 3%, on the whole actual (retroactive), floored to the grosz. */
const bonusOf = (actual: number) => Math.floor((actual * (actual * 10_000 >= 11_000 * PLAN ? 300 : actual >= PLAN ? 200 : 0)) / 10_000);
const DAY_MS = 86_400_000;

describe('POST /policies/:id/periods/:period/close (end to end)', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  const close = (period: string, policyId = POLICY, as = 'company') =>
    t.http().post(`/policies/${policyId}/periods/${period}/close`).set('Authorization', auth[as]);
  const settlements = (as: string, policyId = POLICY) => t.http().get(`/policies/${policyId}/settlements`).set('Authorization', auth[as]);
  const sale = (saleId: string, date: string, pumps: number) =>
    distributorSale(t, { saleId, distributorId: 'acme', policyId: POLICY, terms, date, lines: PUMP(pumps) });

  beforeAll(async () => {
    t = await startTestApp();
    auth.company = `Bearer ${await t.token('company')}`;
    auth.compliance = `Bearer ${await t.token('compliance')}`;
    auth.acme = `Bearer ${await t.token('distributor', { distributorId: 'acme', sub: 'acme-user' })}`;
    auth.beta = `Bearer ${await t.token('distributor', { distributorId: 'beta', sub: 'beta-user' })}`;
    for (const id of ['acme', 'beta', 'gamma']) {
      await t
        .http()
        .post('/distributors')
        .set('Authorization', auth.company)
        .send({ id, name: `${id} distribution`, territories: ['PL-MZ'] })
        .expect(201);
    }
    await policySignedAt(t, 'acme', YEAR, terms, new Date(Date.UTC(YEAR - 1, 11, 15, 9)));
    // January 105% of plan; February 110%.
    await sale('jan-1', `${JAN}-15`, 84);
    await sale('feb-1', `${FEB}-10`, 88);
    await t.settled();
  });
  afterAll(() => t?.close());

  it('records plan, actual, attainment and bonus for an ended period, counting every sale in the log when the request began', async () => {
    const head = await t.events.headPosition();
    const res = await close(JAN);
    expect(res.status).toBe(201);
    const actual = 84 * 125_000;
    expect(res.body).toMatchObject({
      policyId: POLICY,
      period: JAN,
      termsVersion: 1,
      plan: pln(PLAN),
      actual: pln(actual),
      attainmentBp: 10_500,
      bonusMode: 'retroactive',
      tierThresholdBp: 10_000,
      bonus: pln(bonusOf(actual)),
      adjustments: [],
      payable: pln(210_000),
      paymentTermsDays: 30,
      salesUpToPosition: head,
      revision: 0,
    });
    expect(bonusOf(actual)).toBe(210_000);
    expect(Date.parse(res.body.paymentDue) - Date.parse(res.body.closedAt)).toBe(30 * DAY_MS);
    expect(res.headers.etag).toBe('"0"');
    const [stored] = await t.events.readStream(settlementStream(POLICY));
    expect(stored).toMatchObject({ type: 'PeriodClosed', metadata: { actor: { party: 'company', userId: 'company-user' } } });
  });

  it('refuses to close a period twice, and writes nothing', async () => {
    const before = await t.events.headPosition();
    const res = await close(JAN);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SETTLEMENT.PERIOD_ALREADY_CLOSED', period: JAN });
    expect(await t.events.headPosition()).toBe(before);
  });

  it('settles a late sale for a closed period as an adjustment in the next close', async () => {
    await sale('jan-late', `${JAN}-28`, 8); // booked after January closed: January is now 115%
    const res = await close(FEB);
    expect(res.status).toBe(201);
    const janNow = 92 * 125_000;
    const feb = 88 * 125_000;
    const janDelta = bonusOf(janNow) - bonusOf(84 * 125_000);
    expect(janDelta).toBe(345_000 - 210_000);
    expect(res.body).toMatchObject({
      period: FEB,
      actual: pln(feb),
      attainmentBp: 11_000,
      tierThresholdBp: 11_000,
      bonus: pln(bonusOf(feb)),
      adjustments: [
        {
          period: JAN,
          settledActual: pln(84 * 125_000),
          actualNow: pln(janNow),
          actualDelta: pln(8 * 125_000),
          bonusDelta: pln(janDelta),
          attainmentBpNow: 11_500,
        },
      ],
      payable: pln(bonusOf(feb) + janDelta),
    });
  });

  it('records a negative payable when late changes take back more than the period earns', async () => {
    await cancelDistributorSale(t, 'acme', 'jan-1', 'The client returned the pumps');
    const res = await close(MAR); // no March sales: nothing earned, January's bonus clawed back
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      actual: pln(0),
      attainmentBp: 0,
      bonus: pln(0),
      adjustments: [{ period: JAN, settledActual: pln(92 * 125_000), actualNow: pln(8 * 125_000), bonusDelta: pln(-345_000) }],
      payable: pln(-345_000),
    });
    expect(res.body.tierThresholdBp).toBeUndefined();
  });

  it('closes a period after one that had no sales: the earlier period counts as zero, unchanged', async () => {
    const res = await close(APR);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: APR, actual: pln(0), bonus: pln(0), adjustments: [], payable: pln(0) });
  });

  it('lists the settlements to the company, compliance and the policy’s distributor, with what was settled for each period since', async () => {
    await t.settled();
    for (const as of ['company', 'compliance', 'acme']) {
      const res = await settlements(as);
      expect(res.status).toBe(200);
      expect(res.body.settlements.map((s: { period: string }) => s.period)).toEqual([JAN, FEB, MAR, APR]);
    }
    const [jan, feb, mar] = (await settlements('acme')).body.settlements;
    expect(jan).toMatchObject({
      actual: pln(84 * 125_000),
      bonus: pln(210_000),
      settled: { actual: pln(8 * 125_000), bonus: pln(0), attainmentBp: 1_000 },
      adjustments: [
        { closedIn: FEB, actualDelta: pln(1_000_000), bonusDelta: pln(135_000) },
        { closedIn: MAR, actualDelta: pln(-84 * 125_000), bonusDelta: pln(-345_000) },
      ],
    });
    expect(feb).toMatchObject({ payable: pln(465_000), adjustmentsCarried: [{ period: JAN }], settled: { bonus: pln(330_000) } });
    expect(mar.payable).toEqual(pln(-345_000));
    expect((await settlements('beta')).status).toBe(404);
  });

  it('lets only the company close: a distributor and compliance get 403 and nothing is written', async () => {
    const before = await t.events.headPosition();
    for (const as of ['acme', 'compliance']) {
      const res = await close(`${YEAR}-05`, POLICY, as);
      expect(res.status).toBe(403);
      expect(res.body.code).toMatch(/^AUTH\./);
    }
    expect(await t.events.headPosition()).toBe(before);
  });

  it('refuses a period the policy does not plan, an unknown policy, a malformed period', async () => {
    const quarter = await close(`${YEAR}-Q2`);
    expect(quarter.status).toBe(422);
    expect(quarter.body).toMatchObject({ code: 'SETTLEMENT.UNKNOWN_PERIOD', errors: [{ field: 'period' }] });
    const otherYear = await close(`${YEAR - 1}-05`);
    expect(otherYear.body).toMatchObject({ status: 422, code: 'SETTLEMENT.UNKNOWN_PERIOD' });
    expect((await close(JAN, `nobody-${YEAR}`)).body).toMatchObject({ status: 404, code: 'POLICY.NOT_FOUND' });
    const malformed = await close(`${YEAR}-13`);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toContain('period');
  });

  it('refuses a period with no terms in force at its end, and one that has not ended', async () => {
    const company = auth.company;
    const betaTerms = sampleTerms(THIS_YEAR, { territories: ['PL-MZ'] });
    await t
      .http()
      .post('/policies')
      .set('Authorization', company)
      .send({ distributorId: 'beta', year: THIS_YEAR, terms: betaTerms })
      .expect(201);
    for (const signer of [auth.beta, company]) {
      await t
        .http()
        .post(`/policies/beta-${THIS_YEAR}/signatures`)
        .set('Authorization', signer)
        .send({ termsVersion: 1, termsHash: termsHash(betaTerms) })
        .expect(201);
    }
    await t
      .http()
      .post('/policies')
      .set('Authorization', company)
      .send({ distributorId: 'gamma', year: THIS_YEAR, terms: betaTerms })
      .expect(201);
    const month = `${THIS_YEAR}-${String(TODAY.getUTCMonth() + 1).padStart(2, '0')}`;
    const running = await close(month, `beta-${THIS_YEAR}`);
    expect(running.body).toMatchObject({ status: 409, code: 'SETTLEMENT.PERIOD_NOT_ENDED', period: month });
    const draft = await close(month, `gamma-${THIS_YEAR}`);
    expect(draft.body).toMatchObject({ status: 409, code: 'SETTLEMENT.NO_TERMS_IN_FORCE', period: month });
    // beta's policy came into force now: a month that ended before had no terms in force (none has in January).
    if (TODAY.getUTCMonth() > 0) {
      const before = await close(`${THIS_YEAR}-01`, `beta-${THIS_YEAR}`);
      expect(before.body).toMatchObject({ status: 409, code: 'SETTLEMENT.NO_TERMS_IN_FORCE', firstEffectiveFrom: expect.any(String) });
    }
  });

  it('answers 503 with Retry-After while the sales ledger lags behind the log, and writes nothing', async () => {
    const projector = t.app.get(ProjectorService).projector;
    await projector.stop();
    try {
      await sale('mar-late', `${MAR}-20`, 1);
      const before = await t.events.headPosition();
      const res = await close(`${YEAR}-05`);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.body).toMatchObject({ code: 'SETTLEMENT.SALES_NOT_CAUGHT_UP' });
      expect(await t.events.headPosition()).toBe(before);
    } finally {
      await projector.start();
    }
    await t.settled();
  });
});
