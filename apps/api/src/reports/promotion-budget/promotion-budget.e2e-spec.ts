/** GET /reports/promotion-budget end to end over the money year: the ledger's sums from the facts, scoping, CSV. */
import { startTestApp, type TestApp } from '../../testing/test-app';
import { buildMoneyYear, SPENDS, TERMS, Y, type MoneyYear } from '../testing/money-year';
import { csvRecords, field, getReport, operationOf, parseCsv, type Caller } from '../testing/report-http';
import { BUDGET_COLUMNS } from './promotion-budget-columns';
import type { BudgetRowView, PromotionBudgetReport } from './promotion-budget.dto';

/** 1.5% of the planned year, split 50/50, from the terms themselves. */
function budgetOf(plan: { periods: Array<{ amount: { minor: number } }> }) {
  const planned = plan.periods.reduce((n, p) => n + p.amount.minor, 0);
  const total = (planned * 150) / 10_000;
  return { planned, total, half: total / 2 };
}

describe('GET /reports/promotion-budget (end to end)', () => {
  let t: TestApp;
  let w: MoneyYear;
  const report = (query = `year=${Y}`, as: Caller = 'company', accept?: string) =>
    getReport(t, w, `/reports/promotion-budget?${query}`, as, accept);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildMoneyYear(t);
  });
  afterAll(() => t?.close());

  it("sums acme's ledger: accrued (re-accrued by the amendment), contributions, committed, settled and the balance", async () => {
    const body: PromotionBudgetReport = (await report().expect(200)).body;
    expect(body.budgets.map((b) => b.policyId)).toEqual([`acme-${Y}`, `beta-${Y}`, `gamma-${Y}`]);
    const acme = body.budgets[0];
    const first = budgetOf(TERMS.acme.plan);
    const amended = budgetOf(TERMS.acmeAmended.plan);
    const open = (status: 'proposed' | 'approved') =>
      SPENDS.filter(
        (s) => ('settled' in s ? 'settled' : 'rejectedAt' in s ? 'rejected' : 'approvedAt' in s ? 'approved' : 'proposed') === status,
      ).reduce((n, s) => n + s.amount, 0);
    const settled = SPENDS.reduce((n, s) => n + ('settled' in s ? s.settled.amount : 0), 0);
    const committed = open('proposed') + open('approved');
    expect(acme).toMatchObject({
      distributorId: 'acme',
      currency: 'PLN',
      budgetBp: 150,
      plannedAnnualMinor: amended.planned,
      accruedMinor: amended.total,
      companyContributionMinor: amended.half,
      distributorContributionMinor: amended.half,
      proposedMinor: open('proposed'),
      approvedMinor: open('approved'),
      committedMinor: committed,
      settledMinor: settled,
      balanceMinor: amended.total - committed - settled,
      spendCount: SPENDS.length,
    });
    expect([acme.accruedMinor, acme.committedMinor, acme.settledMinor, acme.balanceMinor]).toEqual([
      1_980_000, 500_000, 480_000, 1_000_000,
    ]);
    expect(
      acme.accruals.map((a) => [a.termsVersion, a.plannedAnnualMinor, a.totalMinor, a.companyMinor, a.distributorMinor, a.deltaMinor]),
    ).toEqual([
      [1, first.planned, first.total, first.half, first.half, first.total],
      [2, amended.planned, amended.total, amended.half, amended.half, amended.total - first.total],
    ]);
    expect(body.budgets[1]).toMatchObject({
      accruedMinor: budgetOf(TERMS.beta.plan).total,
      committedMinor: 0,
      settledMinor: 0,
      balanceMinor: 1_800_000,
      spends: [],
    });
  });

  it('lists every spend with who proposed and answered it, oldest proposal first', async () => {
    const [acme]: BudgetRowView[] = (await report(`policyId=acme-${Y}`).expect(200)).body.budgets;
    expect(acme.spends.map((s) => [s.spendId, s.status, s.amountMinor, s.proposedBy.party])).toEqual([
      ['spend-fair', 'settled', 500_000, 'distributor'],
      ['spend-catalogue', 'approved', 300_000, 'company'],
      ['spend-gadgets', 'rejected', 100_000, 'distributor'],
      ['spend-stand', 'proposed', 200_000, 'distributor'],
    ]);
    expect(acme.spends[0]).toMatchObject({
      approvedBy: { party: 'company', userId: 'anna' },
      settledAmountMinor: 480_000,
      proofRef: 'doc://invoices/spend-fair',
    });
    expect(acme.spends[2]).toMatchObject({ rejectedBy: { party: 'company' }, reason: 'Not in the channel plan' });
    expect(acme.spends[3]).not.toHaveProperty('approvedAt');
  });

  it('answers one policy when asked, with no year', async () => {
    const body: PromotionBudgetReport = (await report(`policyId=gamma-${Y}`).expect(200)).body;
    expect(body).toMatchObject({ year: null, policyId: `gamma-${Y}` });
    expect(body.budgets.map((b) => [b.policyId, b.accruedMinor])).toEqual([[`gamma-${Y}`, budgetOf(TERMS.gamma.plan).total]]);
    expect((await report(`year=${Y - 1}`).expect(200)).body.budgets).toEqual([]);
  });

  describe('scoping', () => {
    it('shows a distributor its own budget only', async () => {
      const body: PromotionBudgetReport = (await report(`year=${Y}`, 'acme').expect(200)).body;
      expect(body.budgets.map((b) => b.policyId)).toEqual([`acme-${Y}`]);
      expect((await report(`policyId=acme-${Y}`, 'acme').expect(200)).body.budgets).toHaveLength(1);
    });

    it("answers another distributor's policy or id as if it did not exist, like an unknown policy", async () => {
      const other = await report(`policyId=acme-${Y}`, 'beta').expect(404);
      const unknown = await report(`policyId=nobody-${Y}`).expect(404);
      expect([other.body.code, unknown.body.code]).toEqual(['POLICY.NOT_FOUND', 'POLICY.NOT_FOUND']);
      expect(other.text).not.toContain('spend-fair');
      expect((await report(`year=${Y}&distributorId=acme`, 'beta').expect(404)).body.code).toBe('DISTRIBUTOR.NOT_FOUND');
    });

    it('shows compliance what the company sees', async () => {
      expect((await report(`year=${Y}`, 'compliance').expect(200)).body.budgets).toEqual((await report().expect(200)).body.budgets);
    });
  });

  it('answers the same ledger as CSV: each budget row, then its spends', async () => {
    const json: PromotionBudgetReport = (await report().expect(200)).body;
    const csv = await report(`year=${Y}`, 'company', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(parseCsv(csv.text)[0]).toEqual(BUDGET_COLUMNS.map((c) => c.header));
    const blank = Object.fromEntries(BUDGET_COLUMNS.map((c) => [c.header, '']));
    expect(csvRecords(csv.text)).toEqual(
      json.budgets.flatMap((b) => {
        const common = { ...blank, policyId: b.policyId, distributorId: b.distributorId, currency: b.currency };
        return [
          {
            ...common,
            rowType: 'budget',
            budgetBp: field(b.budgetBp),
            plannedAnnualMinor: field(b.plannedAnnualMinor),
            accruedMinor: field(b.accruedMinor),
            companyContributionMinor: field(b.companyContributionMinor),
            distributorContributionMinor: field(b.distributorContributionMinor),
            committedMinor: field(b.committedMinor),
            settledMinor: field(b.settledMinor),
            balanceMinor: field(b.balanceMinor),
          },
          ...b.spends.map((s) => ({
            ...common,
            rowType: 'spend',
            spendId: s.spendId,
            status: s.status,
            activity: field(s.activity),
            proposedBy: `${s.proposedBy.party}:${s.proposedBy.userId}`,
            amountMinor: field(s.amountMinor),
            settledAmountMinor: field(s.settledAmountMinor),
            proposedAt: s.proposedAt,
            answeredAt: field(s.approvedAt ?? s.rejectedAt),
            settledAt: field(s.settledAt),
            evidenceRef: s.evidenceRef,
            proofRef: field(s.proofRef),
          })),
        ];
      }),
    );
  });

  it.each([
    ['policyId=acme', 'policyId'],
    ['year=1999', 'year'],
    ['distributorId=%3Cx%3E', 'distributorId'],
    ['status=open', 'status'],
  ])('refuses %s with a 422 naming %s', async (query, name) => {
    const res = await report(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
  });

  it('documents JSON and CSV, and every CSV column', async () => {
    const op = await operationOf(t, '/reports/promotion-budget');
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    for (const c of BUDGET_COLUMNS) expect(op.responses['200'].content['text/csv'].schema.description).toContain(`\`${c.header}\``);
    expect(op.parameters.every((p: { required?: boolean }) => !p.required)).toBe(true);
  });
});
