/** GET /reports/monthly end to end over the money year: each part of the regular report from the facts, scoping, CSV. */
import { startTestApp, type TestApp } from '../../testing/test-app';
import { expectedRows, salesOf } from '../testing/expected';
import {
  buildMoneyYear,
  CLIENTS,
  DISPUTE,
  DISTRIBUTORS,
  HAND_OVER,
  netLines,
  netTotal,
  SPENDS,
  TRANSFER_REQUEST,
  Y,
  type DistributorName,
  type MoneyYear,
  type SaleSpec,
} from '../testing/money-year';
import { csvRecords, field, getReport, operationOf, parseCsv, type Caller } from '../testing/report-http';
import { MONTHLY_COLUMNS } from './monthly-columns';
import type { MonthlyDistributorReport, MonthlyReport } from './monthly.dto';

/** Count, totals and SKU sums of the sales as they stand, worked out from their lines. */
function summaryOf(sales: SaleSpec[]) {
  const live = sales.filter((s) => !s.cancelledAt);
  const bySku = new Map<string, [number, number]>();
  for (const [sku, quantity, unit] of live.flatMap((s) => netLines(s))) {
    const [q, a] = bySku.get(sku) ?? [0, 0];
    bySku.set(sku, [q + quantity, a + quantity * unit]);
  }
  const total = live.reduce((n, s) => n + netTotal(s), 0);
  return {
    count: live.length,
    cancelledCount: sales.length - live.length,
    totals: live.length ? [{ currency: 'PLN', amountMinor: total }] : [],
    bySku: [...bySku]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([sku, [quantity, amountMinor]]) => ({ sku, currency: 'PLN', quantity, amountMinor })),
  };
}

const own = (d: DistributorName, month: string) => salesOf(d, month).filter((s) => !s.refused);
const inTerritories = (d: DistributorName, month: string) =>
  salesOf('company', month).filter((s) => DISTRIBUTORS[d].territories.some((t) => CLIENTS[s.clientId].territory.startsWith(t)));

describe('GET /reports/monthly (end to end)', () => {
  let t: TestApp;
  let w: MoneyYear;
  const report = (query = '', as: Caller = 'company', accept?: string) =>
    getReport(t, w, `/reports/monthly${query ? `?${query}` : ''}`, as, accept);
  const one = async (d: DistributorName, month: string, as: Caller = 'company'): Promise<MonthlyDistributorReport> => {
    const body: MonthlyReport = (await report(`distributorId=${d}&month=${month}`, as).expect(200)).body;
    expect(body.reports).toHaveLength(1);
    return body.reports[0];
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildMoneyYear(t);
  });
  afterAll(() => t?.close());

  it("gives acme's March: its sales, the company's in its territories, and plan vs actual of the month", async () => {
    const r = await one('acme', `${Y}-03`);
    expect(r).toMatchObject({
      distributorId: 'acme',
      name: DISTRIBUTORS.acme.name,
      policyId: `acme-${Y}`,
      territories: DISTRIBUTORS.acme.territories,
    });
    expect(r.sales).toEqual({
      ...summaryOf(own('acme', `${Y}-03`)),
      refusedCount: salesOf('acme', `${Y}-03`).filter((s) => s.refused).length,
    });
    expect(r.sales).toMatchObject({ count: 3, refusedCount: 1, totals: [{ currency: 'PLN', amountMinor: 11_318_000 }] });
    expect(r.companySalesInTerritories).toEqual(summaryOf(inTerritories('acme', `${Y}-03`)));
    expect(r.companySalesInTerritories.count).toBe(2);
    const march = expectedRows(['acme']).find((row) => row.period === `${Y}-03`)!;
    expect(r.planVsActual).toMatchObject({ ...march, closed: true, pendingAdjustmentMinor: 18_000 });
  });

  it('lists the claims, hand-overs, disputes, price-compliance entries and spends of the month that concern acme', async () => {
    const r = await one('acme', `${Y}-03`);
    expect(r.claims.map((c) => [c.clientId, c.claimant, c.at, c.outcome])).toEqual([
      ['c-plock', { party: 'distributor', distributorId: 'acme' }, CLIENTS['c-plock'].claimedAt, 'claimed'],
    ]);
    expect(r.transferRequests).toEqual([
      {
        requestId: TRANSFER_REQUEST.requestId,
        clientId: TRANSFER_REQUEST.clientId,
        from: { party: 'distributor', distributorId: 'acme' },
        to: { party: 'company' },
        requestedAt: TRANSFER_REQUEST.at,
        dueBy: new Date(Date.parse(TRANSFER_REQUEST.at) + 14 * 86_400_000).toISOString(),
        status: 'pending',
      },
    ]);
    expect(r.transfers).toEqual([
      {
        transferId: HAND_OVER.transferId,
        clientId: HAND_OVER.clientId,
        from: { party: 'distributor', distributorId: 'acme' },
        to: { party: 'company' },
        at: HAND_OVER.at,
        cause: 'owner-initiative',
      },
    ]);
    expect(r.disputes).toEqual([
      {
        disputeId: DISPUTE.disputeId,
        subjectKind: 'price',
        clientId: 'c-radom',
        summary: expect.any(String),
        status: 'open',
        openedAt: DISPUTE.at,
      },
    ]);
    expect(r.priceCompliance.map((e) => [e.kind, e.clientId])).toEqual([
      ['above-discretion-band', 'c-krakow'],
      ['floor-refusal', 'c-warsaw'],
      ['channel-conflict', 'c-warsaw'],
      ['channel-conflict', 'c-radom'],
    ]);
    const moved = SPENDS.filter((s) =>
      [s.proposedAt, 'approvedAt' in s ? s.approvedAt : '', 'rejectedAt' in s ? s.rejectedAt : '', 'settled' in s ? s.settled.at : ''].some(
        (x) => x.startsWith(`${Y}-03`),
      ),
    );
    expect(r.promotionSpends.map((s) => [s.spendId, s.amountMinor])).toEqual(moved.map((s) => [s.spendId, s.amount]));
    expect(r.promotionSpends[0]).toMatchObject({ status: 'settled', settledAmountMinor: 480_000 });
    // Pending since March, due 14 days later: late now.
    expect(r.overdueTransferRequests.map((q) => q.requestId)).toEqual([TRANSFER_REQUEST.requestId]);
  });

  it("counts a February sale cancelled since, and beta's quarter for its March", async () => {
    const february = await one('acme', `${Y}-02`);
    expect(february.sales).toEqual({ ...summaryOf(own('acme', `${Y}-02`)), refusedCount: 0 });
    expect(february.sales).toMatchObject({ count: 3, cancelledCount: 1, totals: [{ amountMinor: 10_895_000 }] });
    expect(february.priceCompliance.map((e) => e.kind)).toEqual(['channel-conflict', 'special-price-approved']);
    const beta = await one('beta', `${Y}-03`);
    expect(beta.sales).toEqual({ ...summaryOf(own('beta', `${Y}-03`)), refusedCount: 0 });
    expect(beta.planVsActual).toMatchObject(expectedRows(['beta'])[0]);
    expect(beta.planVsActual!.period).toBe(`${Y}-Q1`);
    expect(beta.companySalesInTerritories.count).toBe(0);
    expect(beta.priceCompliance.map((e) => [e.kind, e.clientId])).toEqual([
      ['channel-conflict', 'c-radom'],
      ['special-price-approved', 'c-brno'],
    ]);
    expect([beta.claims, beta.transfers, beta.disputes, beta.promotionSpends, beta.overdueTransferRequests]).toEqual([[], [], [], [], []]);
  });

  describe('obligations overdue at the report’s instant, and kept late in the month', () => {
    interface Listed {
      obligation: { id: string; due: string; kind: string; amount?: { minor: number; currency: string } };
      status: { status: string };
    }
    const listed = async (): Promise<Listed[]> =>
      (await t.http().get(`/policies/acme-${Y}/obligations`).set('Authorization', w.auth.company).expect(200)).body.items;
    const write = (path: string, as: 'acme' | 'company', body: object) =>
      t.http().post(`/policies/acme-${Y}${path}`).set('Authorization', w.auth[as]).send(body).expect(201);
    const ids = (r: MonthlyDistributorReport) => r.overdueObligations.map((o) => o.obligationId);
    const today = new Date().toISOString().slice(0, 10);
    /** January's settlement (due 7 March) and March's (due 3 May): nothing paid by the money year. */
    const JANUARY = `payment:${Y}-01`;
    const MARCH = `payment:${Y}-03`;
    let amounts: Record<string, { minor: number; currency: string }>;

    beforeAll(async () => {
      amounts = Object.fromEntries(
        (await listed()).filter((i) => i.obligation.kind === 'payment').map((i) => [i.obligation.id, i.obligation.amount!]),
      );
      // The controls: January's report comes (late) and January's settlement is paid in full (late).
      await write('/reports', 'acme', { period: `${Y}-01`, summary: 'January, late', attachmentRefs: [] });
      await write('/payments', 'company', { period: `${Y}-01`, amount: amounts[JANUARY], paidOn: today, reference: 'TRF/jan' });
      // March's settlement is paid in part only.
      await write('/payments', 'company', {
        period: `${Y}-03`,
        amount: { minor: 100_000, currency: 'PLN' },
        paidOn: today,
        reference: 'TRF/mar-1',
      });
      // The Q1 meeting, held on 2 April: kept late, in April.
      const attendees = [
        { name: 'Anna Nowak', party: 'company' },
        { name: 'Jan Kowalski', party: 'distributor' },
      ];
      await write('/meetings', 'company', { period: `${Y}-Q1`, heldOn: `${Y}-04-02`, attendees, decisions: ['Spring fair'] });
    });

    it('lists what fell due by March and is overdue now: February’s missing report, not January’s report or settlement, kept since', async () => {
      expect(Object.keys(amounts).sort()).toEqual([JANUARY, MARCH]);
      const march = await one('acme', `${Y}-03`);
      const expected = (await listed())
        .filter((i) => i.status.status === 'overdue' && i.obligation.due <= `${Y}-03-31`)
        .map((i) => i.obligation.id);
      expect(ids(march)).toEqual(expected);
      expect(march.overdueObligations.find((o) => o.obligationId === `report:${Y}-02`)).toEqual({
        policyId: `acme-${Y}`,
        obligationId: `report:${Y}-02`,
        kind: 'report',
        responsibleParty: 'distributor',
        description: expect.any(String),
        due: `${Y}-03-10`,
      });
      expect(march.overdueObligations.every((o) => o.due <= `${Y}-03-31` && o.policyId === `acme-${Y}`)).toBe(true);
      // The controls: kept, if late; and March's report (due 10 April) belongs to April's.
      expect(ids(march)).not.toContain(`report:${Y}-01`);
      expect(ids(march)).not.toContain(JANUARY);
      expect(ids(march)).not.toContain(`report:${Y}-03`);
      expect(ids(await one('acme', `${Y}-04`))).toContain(`report:${Y}-03`);
    });

    it('lists a settlement overdue with what is still unpaid, from the month it fell due', async () => {
      expect(ids(await one('acme', `${Y}-04`))).not.toContain(MARCH);
      const may = await one('acme', `${Y}-05`);
      expect(may.overdueObligations.find((o) => o.obligationId === MARCH)).toMatchObject({
        kind: 'payment',
        responsibleParty: 'company',
        due: `${Y}-05-03`,
        outstanding: { currency: 'PLN', amountMinor: amounts[MARCH].minor - 100_000 },
      });
    });

    it('lists what was kept late in the month: the Q1 meeting, in April', async () => {
      const april = await one('acme', `${Y}-04`);
      expect(april.obligationsKeptLate).toEqual([
        {
          policyId: `acme-${Y}`,
          obligationId: `meeting:${Y}-Q1`,
          kind: 'meeting',
          responsibleParty: 'company',
          description: expect.any(String),
          due: `${Y}-03-31`,
          fulfilledOn: `${Y}-04-02`,
        },
      ]);
      expect(ids(april)).not.toContain(`meeting:${Y}-Q1`);
      expect((await one('acme', `${Y}-03`)).obligationsKeptLate).toEqual([]);
    });

    it('gives a distributor its own policy’s obligations only, and counts them in the CSV', async () => {
      const company = await one('acme', `${Y}-05`);
      expect((await one('acme', `${Y}-05`, 'acme')).overdueObligations).toEqual(company.overdueObligations);
      const beta = await one('beta', `${Y}-05`, 'beta');
      expect(beta.overdueObligations.length).toBeGreaterThan(0);
      expect(beta.overdueObligations.every((o) => o.policyId === `beta-${Y}`)).toBe(true);
      const csv = await report(`distributorId=acme&month=${Y}-05`, 'company', 'text/csv').expect(200);
      expect(csvRecords(csv.text)[0]).toMatchObject({
        overdueObligations: String(company.overdueObligations.length),
        overdueReports: String(company.overdueObligations.filter((o) => o.kind === 'report').length),
        overduePayments: '1',
        obligationsKeptLate: '0',
      });
    });
  });

  describe('scoping', () => {
    it('gives the company and compliance every distributor, and a distributor its own report only', async () => {
      const all: MonthlyReport = (await report(`month=${Y}-03`).expect(200)).body;
      expect(all.reports.map((r) => r.distributorId)).toEqual(['acme', 'beta', 'gamma']);
      expect((await report(`month=${Y}-03`, 'compliance').expect(200)).body.reports).toEqual(all.reports);
      const gamma: MonthlyReport = (await report(`month=${Y}-03`, 'gamma').expect(200)).body;
      expect(gamma.reports).toEqual([all.reports[2]]);
      expect(gamma.reports[0].planVsActual).toMatchObject(expectedRows(['gamma'])[2]);
    });

    it('answers a distributor naming another as if it did not exist, like an unknown distributor', async () => {
      const other = await report(`distributorId=acme&month=${Y}-03`, 'beta').expect(404);
      expect(other.body.code).toBe('DISTRIBUTOR.NOT_FOUND');
      expect(other.text).not.toContain('c-plock');
      expect((await report('distributorId=nobody').expect(404)).body.code).toBe('DISTRIBUTOR.NOT_FOUND');
    });

    it('defaults to the current month', async () => {
      const body: MonthlyReport = (await report('', 'beta').expect(200)).body;
      expect(body.month).toBe(new Date().toISOString().slice(0, 7));
      expect(body.reports.map((r) => [r.distributorId, r.sales.count, r.planVsActual])).toEqual([['beta', 0, null]]);
    });
  });

  it('answers a summary row per distributor as CSV', async () => {
    const json: MonthlyReport = (await report(`month=${Y}-03`).expect(200)).body;
    const csv = await report(`month=${Y}-03`, 'company', 'text/csv').expect(200);
    expect(parseCsv(csv.text)[0]).toEqual(MONTHLY_COLUMNS.map((c) => c.header));
    const totals = (xs: Array<{ currency: string; amountMinor: number }>) => xs.map((x) => `${x.currency} ${x.amountMinor}`).join('; ');
    expect(csvRecords(csv.text)).toEqual(
      json.reports.map((r) => ({
        distributorId: r.distributorId,
        name: r.name,
        policyId: field(r.policyId),
        salesCount: field(r.sales.count),
        cancelledSales: field(r.sales.cancelledCount),
        refusedSales: field(r.sales.refusedCount),
        salesTotals: totals(r.sales.totals),
        companySalesCount: field(r.companySalesInTerritories.count),
        companySalesTotals: totals(r.companySalesInTerritories.totals),
        period: field(r.planVsActual?.period),
        planMinor: field(r.planVsActual?.planMinor),
        actualMinor: field(r.planVsActual?.actualMinor),
        attainmentBp: field(r.planVsActual?.attainmentBp),
        attainment: field(r.planVsActual?.attainment),
        bonusMinor: field(r.planVsActual?.bonusMinor),
        periodClosed: field(r.planVsActual?.closed),
        claims: field(r.claims.length),
        transferRequests: field(r.transferRequests.length),
        transfers: field(r.transfers.length),
        disputes: field(r.disputes.length),
        priceComplianceEntries: field(r.priceCompliance.length),
        promotionSpends: field(r.promotionSpends.length),
        overdueTransferRequests: field(r.overdueTransferRequests.length),
        overdueObligations: field(r.overdueObligations.length),
        overdueReports: field(r.overdueObligations.filter((o) => o.kind === 'report').length),
        overduePayments: field(r.overdueObligations.filter((o) => o.kind === 'payment').length),
        obligationsKeptLate: field(r.obligationsKeptLate.length),
      })),
    );
    expect(csvRecords(csv.text)[0]).toMatchObject({
      salesTotals: 'PLN 11318000',
      priceComplianceEntries: '4',
      overdueTransferRequests: '1',
    });
  });

  it.each([
    ['month=2025-3', 'month'],
    ['month=March', 'month'],
    ['distributorId=a%2Fb', 'distributorId'],
    ['year=2025', 'year'],
  ])('refuses %s with a 422 naming %s', async (query, name) => {
    const res = await report(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
  });

  it('documents JSON and CSV, and every CSV column', async () => {
    const op = await operationOf(t, '/reports/monthly');
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    for (const c of MONTHLY_COLUMNS) expect(op.responses['200'].content['text/csv'].schema.description).toContain(`\`${c.header}\``);
    expect(op.parameters.every((p: { required?: boolean }) => !p.required)).toBe(true);
  });
});
