/**
 * The promotion budget ledger end to end, on policies drafted and signed through the API: the budget
 * accrues when a policy comes into force and re-accrues when an amendment changes the plan; spend is
 * proposed by one party, decided by the other and settled with proof; the balance never goes below
 * zero, even under fifty proposals at once.
 */
import { sampleTerms } from '@cl/domain/policy/example-terms';
import type { PolicyTerms } from '@cl/domain/policy';
import { promotionStream } from '@cl/domain/promotion';
import { allEventSchemas } from '@cl/domain/schemas';
import { toProjected } from '@cl/projections';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { startTestApp, type TestApp } from '../testing/test-app';
import { BudgetAccrualReactor } from './accrue-budget/budget-accrual.reactor';

const YEAR = new Date().getUTCFullYear();
const POLICY = `acme-${YEAR}`;
const pln = (minor: number) => ({ minor, currency: 'PLN' });
/** PLN 100 000.00 a month, 2% of it for promotion, funded 60% by the company and 40% by the distributor. */
const terms: PolicyTerms = sampleTerms(YEAR, {
  territories: ['PL-MZ'],
  promotion: { budgetBp: 200, funding: { companyBp: 6_000, distributorBp: 4_000 } },
});
/** The same with July–December planned at PLN 150 000.00. */
const raisedPlan: PolicyTerms = {
  ...terms,
  plan: { ...terms.plan, periods: terms.plan.periods.map((p, i) => (i >= 6 ? { ...p, amount: pln(15_000_000) } : p)) },
};
/** Worked out by hand: 12 × 10 000 000 × 2%, then 6 × 10 000 000 + 6 × 15 000 000 = 150 000 000 × 2%. */
const FIRST = { total: 2_400_000, company: 1_440_000, distributor: 960_000 };
const RAISED = { total: 3_000_000, company: 1_800_000, distributor: 1_200_000 };

describe('promotion budget (end to end)', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  const post = (path: string, as: string, body: object = {}) => t.http().post(path).set('Authorization', auth[as]).send(body);
  const budget = async (as = 'company', policyId = POLICY) => {
    await t.settled();
    return t.http().get(`/policies/${policyId}/promotion`).set('Authorization', auth[as]);
  };
  const propose = (as: string, minor: number, policyId = POLICY) =>
    post(`/policies/${policyId}/promotion/spends`, as, {
      activity: `Demo days by ${as}`,
      amount: pln(minor),
      evidenceRef: 'doc://quotes/demo-days',
    });

  async function signedPolicy(distributorId: string, policyTerms: PolicyTerms): Promise<void> {
    await t
      .http()
      .post('/distributors')
      .set('Authorization', auth.company)
      .send({ id: distributorId, name: `${distributorId} distribution`, territories: ['PL-MZ'] })
      .expect(201);
    await post('/policies', 'company', { distributorId, year: YEAR, terms: policyTerms }).expect(201);
    for (const as of [distributorId, 'company']) {
      await post(`/policies/${distributorId}-${YEAR}/signatures`, as, { termsVersion: 1, termsHash: termsHash(policyTerms) }).expect(201);
    }
  }

  async function amend(policyId: string, distributorId: string, amended: PolicyTerms, n: number): Promise<void> {
    await post(`/policies/${policyId}/amendments`, 'company', { terms: amended }).expect(201);
    for (const as of [distributorId, 'company'])
      await post(`/policies/${policyId}/amendments/${n}/signatures`, as, { termsHash: termsHash(amended) }).expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    auth.company = `Bearer ${await t.token('company')}`;
    auth.compliance = `Bearer ${await t.token('compliance')}`;
    auth.acme = `Bearer ${await t.token('distributor', { distributorId: 'acme', sub: 'acme-user' })}`;
    auth.beta = `Bearer ${await t.token('distributor', { distributorId: 'beta', sub: 'beta-user' })}`;
    auth.gamma = `Bearer ${await t.token('distributor', { distributorId: 'gamma', sub: 'gamma-user' })}`;
    await signedPolicy('acme', terms);
  });
  afterAll(() => t?.close());

  it('accrues percent × planned annual volume when the policy comes into force, with each party’s contribution', async () => {
    const res = await budget();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      policyId: POLICY,
      distributorId: 'acme',
      currency: 'PLN',
      accrued: { total: pln(FIRST.total), company: pln(FIRST.company), distributor: pln(FIRST.distributor) },
      committed: pln(0),
      settled: pln(0),
      balance: pln(FIRST.total),
      accruals: [{ termsVersion: 1, budgetBp: 200, plannedAnnual: pln(120_000_000), delta: pln(FIRST.total) }],
      spends: [],
    });
    expect(res.headers.etag).toBe('"0"');
    const [accrued] = await t.events.readStream(promotionStream(POLICY));
    expect(accrued).toMatchObject({
      type: 'PromotionBudgetAccrued',
      metadata: { actor: { party: 'system', userId: 'promotion-budget-accrual' } },
    });
  });

  it('shows the budget to compliance and the policy’s distributor; another distributor gets 404', async () => {
    expect((await budget('compliance')).status).toBe(200);
    expect((await budget('acme')).status).toBe(200);
    expect((await budget('beta')).body).toMatchObject({ status: 404, code: 'POLICY.NOT_FOUND' });
  });

  it('takes a spend from proposal (one party) through approval (the other) to settlement with proof', async () => {
    const proposed = await propose('acme', 500_000);
    expect(proposed.status).toBe(201);
    const { spendId } = proposed.body;
    const path = `/policies/${POLICY}/promotion/spends/${spendId}`;
    expect(proposed.headers.location).toBe(path);
    expect(proposed.body.recorded[0]).toMatchObject({
      type: 'PromotionSpendProposed',
      data: { proposedBy: { party: 'distributor', userId: 'acme-user' }, amount: pln(500_000) },
    });
    expect((await budget()).body).toMatchObject({ proposed: pln(500_000), committed: pln(500_000), balance: pln(FIRST.total - 500_000) });

    expect((await post(`${path}/approval`, 'acme')).body).toMatchObject({ status: 409, code: 'PROMOTION.OWN_PROPOSAL' });
    const approved = await post(`${path}/approval`, 'company');
    expect(approved.status).toBe(201);
    expect(approved.body.recorded[0]).toMatchObject({ type: 'PromotionSpendApproved', data: { approvedBy: { party: 'company' } } });
    expect((await budget()).body).toMatchObject({ approved: pln(500_000), committed: pln(500_000), balance: pln(FIRST.total - 500_000) });

    const settled = await post(`${path}/settlement`, 'acme', { proofRef: 'doc://invoices/0412', amount: pln(450_000) });
    expect(settled.status).toBe(201);
    const after = (await budget()).body;
    expect(after).toMatchObject({ committed: pln(0), settled: pln(450_000), balance: pln(FIRST.total - 450_000) });
    expect(after.spends).toEqual([
      expect.objectContaining({
        spendId,
        status: 'settled',
        amount: pln(500_000),
        settledAmount: pln(450_000),
        proofRef: 'doc://invoices/0412',
      }),
    ]);
    const one = await t.http().get(path).set('Authorization', auth.compliance);
    expect(one.body).toMatchObject({ spendId, status: 'settled', approvedBy: { party: 'company', userId: 'company-user' } });
    expect((await post(`${path}/settlement`, 'company', { proofRef: 'doc://again' })).body.code).toBe('PROMOTION.SPEND_NOT_APPROVED');
  });

  it('returns a rejected spend to the balance; the rejection states why', async () => {
    const { spendId } = (await propose('company', 100_000)).body;
    const rejected = await post(`/policies/${POLICY}/promotion/spends/${spendId}/rejection`, 'acme', { reason: 'Not in our territory' });
    expect(rejected.status).toBe(201);
    const after = (await budget()).body;
    expect(after.balance).toEqual(pln(FIRST.total - 450_000));
    expect(after.spends.find((s: { spendId: string }) => s.spendId === spendId)).toMatchObject({
      status: 'rejected',
      reason: 'Not in our territory',
    });
  });

  it('refuses a proposal beyond the balance with INSUFFICIENT_BALANCE, and writes nothing', async () => {
    const before = await t.events.headPosition();
    const available = FIRST.total - 450_000;
    const res = await propose('company', available + 1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PROMOTION.INSUFFICIENT_BALANCE', available: pln(available), requested: pln(available + 1) });
    expect(await t.events.headPosition()).toBe(before);
  });

  it('answers a distributor acting on another distributor’s budget with 404, compliance with 403, and writes nothing', async () => {
    const before = await t.events.headPosition();
    expect((await propose('beta', 1_000)).body).toMatchObject({ status: 404, code: 'POLICY.NOT_FOUND' });
    expect((await propose('compliance', 1_000)).status).toBe(403);
    const spendId = (await budget()).body.spends[0].spendId;
    expect((await post(`/policies/${POLICY}/promotion/spends/${spendId}/approval`, 'beta')).status).toBe(404);
    expect((await t.http().get(`/policies/${POLICY}/promotion/spends/${spendId}`).set('Authorization', auth.beta)).status).toBe(404);
    expect((await post(`/policies/${POLICY}/promotion/spends/no-such-spend/approval`, 'company')).body.code).toBe(
      'PROMOTION.SPEND_NOT_FOUND',
    );
    expect(await t.events.headPosition()).toBe(before);
  });

  it('refuses a spend in another currency, naming the field', async () => {
    const res = await post(`/policies/${POLICY}/promotion/spends`, 'company', {
      activity: 'Fair',
      amount: { minor: 1_000, currency: 'EUR' },
      evidenceRef: 'doc://x',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'PROMOTION.CURRENCY_MISMATCH', errors: [{ field: 'amount.currency' }] });
  });

  it('re-accrues after an amendment that changes the plan, and not after one that leaves the budget as it was', async () => {
    await amend(POLICY, 'acme', { ...terms, handOverDays: 21 }, 1);
    expect((await budget()).body.accruals).toHaveLength(1);
    await amend(POLICY, 'acme', { ...raisedPlan, handOverDays: 21 }, 2);
    const after = (await budget()).body;
    expect(after).toMatchObject({
      accrued: { total: pln(RAISED.total), company: pln(RAISED.company), distributor: pln(RAISED.distributor) },
      balance: pln(RAISED.total - 450_000),
    });
    expect(after.accruals).toEqual([
      expect.objectContaining({ termsVersion: 1, total: pln(FIRST.total), delta: pln(FIRST.total) }),
      expect.objectContaining({
        termsVersion: 3,
        plannedAnnual: pln(150_000_000),
        total: pln(RAISED.total),
        delta: pln(RAISED.total - FIRST.total),
      }),
    ]);
  });

  it('accrues nothing twice when the process redelivers the policy events (after a crash, from its checkpoint)', async () => {
    const ledger = await t.events.readStream(promotionStream(POLICY));
    const reactor = t.app.get(BudgetAccrualReactor);
    const policyEvents = await t.events.readStream(`policy-${POLICY}`);
    for (const e of policyEvents.filter((p) => reactor.eventTypes.includes(p.type as never)))
      await reactor.react(toProjected(allEventSchemas, e));
    expect(await t.events.readStream(promotionStream(POLICY))).toHaveLength(ledger.length);
  });

  it('keeps the balance at or above zero under fifty concurrent proposals that together exceed it', async () => {
    await signedPolicy('gamma', terms);
    const policyId = `gamma-${YEAR}`;
    expect((await budget('company', policyId)).body.balance).toEqual(pln(FIRST.total));
    const server = t.app.getHttpServer();
    if (!server.listening) await t.app.listen(0, '127.0.0.1');
    const amount = 100_000; // 50 × PLN 1 000.00 = PLN 50 000.00, against PLN 24 000.00
    // The embedded store reads and appends within one turn of the event loop, so requests would never
    // overlap; a pause after each read makes them interleave between read and append, as over a network store.
    const read = t.events.readStream.bind(t.events);
    let reads = 0;
    const interleaved = jest.spyOn(t.events, 'readStream').mockImplementation(async (...args) => {
      const events = await read(...args);
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return events;
    });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => propose(i % 2 ? 'company' : 'gamma', amount, policyId))).finally(
      () => interleaved.mockRestore(),
    );
    const accepted = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(refused.map(() => '409 PROMOTION.INSUFFICIENT_BALANCE'));
    expect(reads).toBeGreaterThan(answers.length); // some proposals lost a race and were decided again
    expect(accepted.length * amount).toBeLessThanOrEqual(FIRST.total);
    // Refused only when less than one amount was left: the budget is used up exactly.
    expect(accepted).toHaveLength(FIRST.total / amount);
    const after = (await budget('company', policyId)).body;
    expect(after).toMatchObject({ committed: pln(FIRST.total), balance: pln(0) });
    const ledger = await t.events.readStream(promotionStream(policyId));
    expect(ledger.filter((e) => e.type === 'PromotionSpendProposed')).toHaveLength(accepted.length);
  });
});
