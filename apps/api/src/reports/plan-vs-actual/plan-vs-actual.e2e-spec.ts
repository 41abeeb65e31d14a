/** GET /reports/plan-vs-actual end to end over the money year: numbers computed from the facts in the spec, scoping, CSV. */
import { startTestApp, type TestApp } from '../../testing/test-app';
import { attainment, bonus, expectedRows, type ExpectedRow } from '../testing/expected';
import { at, buildMoneyYear, netByPeriod, Y, type MoneyYear } from '../testing/money-year';
import { csvRecords, field, getReport, operationOf, parseCsv, type Caller } from '../testing/report-http';
import { PLAN_COLUMNS } from './plan-vs-actual-columns';
import type { CompanyTotalView, DistributorTotalView, PlanVsActualReport, PlanVsActualRow } from './plan-vs-actual.dto';

describe('GET /reports/plan-vs-actual (end to end)', () => {
  let t: TestApp;
  let w: MoneyYear;
  const report = (query = `year=${Y}`, as: Caller = 'company', accept?: string) =>
    getReport(t, w, `/reports/plan-vs-actual?${query}`, as, accept);
  const picked = (r: PlanVsActualRow): ExpectedRow =>
    ({
      distributorId: r.distributorId,
      period: r.period,
      planMinor: r.planMinor,
      actualMinor: r.actualMinor,
      attainmentBp: r.attainmentBp,
      bonusMinor: r.bonusMinor,
      tierThresholdBp: r.tierThresholdBp,
      termsVersion: r.termsVersion,
    }) as ExpectedRow;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildMoneyYear(t);
  });
  afterAll(() => t?.close());

  it('gives every plan period of every policy its plan, actual net of corrections, attainment and the bonus the tiers give', async () => {
    const body: PlanVsActualReport = (await report().expect(200)).body;
    expect(body.year).toBe(Y);
    expect(body.rows.map(picked)).toEqual(expectedRows());
    // The same numbers, spelled out: January after its correction (10 × → 8 × PLN 1 320.00), retroactive 2%.
    const january = body.rows.find((r) => r.distributorId === 'acme' && r.period === `${Y}-01`)!;
    expect(january).toMatchObject({
      actualMinor: 10_756_000,
      attainmentBp: 10_756,
      attainment: '107.56%',
      bonusMinor: 215_120,
      bonusMode: 'retroactive',
      salesCount: 2,
    });
    // July's plan is the amendment's (PLN 120 000.00): 104.16%, 2% of PLN 125 000.00.
    expect(body.rows.find((r) => r.distributorId === 'acme' && r.period === `${Y}-07`)).toMatchObject({
      planMinor: 12_000_000,
      termsVersion: 2,
      attainmentBp: 10_416,
      bonusMinor: 250_000,
    });
    // Incremental: 1% of the band from 90% (PLN 270 000.00) up to the actual PLN 292 650.00.
    expect(body.rows.find((r) => r.distributorId === 'beta' && r.period === `${Y}-Q1`)).toMatchObject({
      actualMinor: 29_265_000,
      attainmentBp: 9_755,
      bonusMinor: 22_650,
      bonusMode: 'incremental',
      tierThresholdBp: 9_000,
    });
    // 110% exactly reaches the third tier: 1% × 30 000.00 + 2% × 30 000.00 + 3% × 0.
    expect(body.rows.find((r) => r.distributorId === 'beta' && r.period === `${Y}-Q2`)).toMatchObject({
      attainment: '110.00%',
      bonusMinor: 90_000,
      tierThresholdBp: 11_000,
    });
  });

  it('shows each closed period with its settlement, the adjustment a late sale caused, and what is still pending', async () => {
    const rows: PlanVsActualRow[] = (await report(`year=${Y}&distributorId=acme`).expect(200)).body.rows;
    const [jan, feb, mar, apr] = rows;
    const settledAt = (period: string, closedAt: string) => netByPeriod('acme', closedAt).get(period) ?? 0;
    // February was closed on 3 March without the sale dated 27 February booked on 20 March.
    const febAtClose = settledAt(`${Y}-02`, at('03-03', '09:00'));
    const febNow = netByPeriod('acme').get(`${Y}-02`)!;
    const febBonusNow = bonus('acme', 10_000_000, febNow).bonus;
    expect([febAtClose, febNow, febBonusNow]).toEqual([9_595_000, 10_895_000, 217_900]);
    expect(jan).toMatchObject({
      closed: true,
      pendingAdjustmentMinor: 0,
      settlement: { actualMinor: 10_756_000, bonusMinor: 215_120, adjustments: [] },
    });
    expect(feb.settlement).toMatchObject({
      closedAt: at('03-03', '09:00'),
      actualMinor: febAtClose,
      attainmentBp: attainment(10_000_000, febAtClose),
      bonusMinor: 0,
      tierThresholdBp: null,
      settledActualMinor: febNow,
      settledBonusMinor: febBonusNow,
      adjustments: [
        {
          closedIn: `${Y}-03`,
          actualDeltaMinor: febNow - febAtClose,
          bonusDeltaMinor: febBonusNow,
          actualNowMinor: febNow,
          attainmentBpNow: 10_895,
          at: at('04-03', '09:00'),
        },
      ],
    });
    expect(feb.pendingAdjustmentMinor).toBe(0);
    // March's close paid its own bonus and February's adjustment; the sale dated 28 March booked on 10 April waits for the next close.
    const marAtClose = settledAt(`${Y}-03`, at('04-03', '09:00'));
    const marBonus = bonus('acme', 10_000_000, marAtClose).bonus;
    expect(mar.settlement).toMatchObject({
      actualMinor: marAtClose,
      bonusMinor: marBonus,
      payableMinor: marBonus + febBonusNow,
      adjustmentsCarried: [{ period: `${Y}-02`, actualDeltaMinor: febNow - febAtClose, bonusDeltaMinor: febBonusNow }],
      paymentDue: `${Y}-05-03T09:00:00.000Z`,
    });
    expect(mar.pendingAdjustmentMinor).toBe(mar.actualMinor - marAtClose);
    expect(mar.pendingAdjustmentMinor).toBe(18_000);
    expect(apr).toMatchObject({ closed: false, settlement: null, pendingAdjustmentMinor: null });
  });

  it('totals each distributor over its periods and the company over distributors per period, attainment of the sums', async () => {
    const body: PlanVsActualReport = (await report().expect(200)).body;
    const expected = expectedRows();
    const sum = (rows: ExpectedRow[], key: 'planMinor' | 'actualMinor' | 'bonusMinor') => rows.reduce((n, r) => n + r[key], 0);
    const byDistributor = ['acme', 'beta', 'gamma'].map((d): DistributorTotalView => {
      const rows = expected.filter((r) => r.distributorId === d);
      const settled = body.rows.filter((r) => r.distributorId === d).reduce((n, r) => n + (r.settlement?.settledBonusMinor ?? 0), 0);
      const plan = sum(rows, 'planMinor');
      const actual = sum(rows, 'actualMinor');
      const bp = attainment(plan, actual)!;
      return {
        distributorId: d,
        currency: 'PLN',
        planMinor: plan,
        actualMinor: actual,
        attainmentBp: bp,
        attainment: `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`,
        bonusMinor: sum(rows, 'bonusMinor'),
        settledBonusMinor: settled,
        periods: rows.length,
        closedPeriods: d === 'acme' ? 3 : d === 'beta' ? 1 : 0,
      };
    });
    expect(body.distributorTotals).toEqual(byDistributor);
    expect(body.distributorTotals[0]).toMatchObject({ planMinor: 132_000_000, settledBonusMinor: 215_120 + 217_900 + 339_000 });
    const periods = [...new Set(expected.map((r) => r.period))];
    const march = expected.filter((r) => r.period === `${Y}-03`);
    expect(body.companyTotals.find((c) => c.period === `${Y}-03`)).toEqual({
      period: `${Y}-03`,
      currency: 'PLN',
      planMinor: sum(march, 'planMinor'),
      actualMinor: sum(march, 'actualMinor'),
      attainmentBp: attainment(sum(march, 'planMinor'), sum(march, 'actualMinor')),
      attainment: '109.05%',
      bonusMinor: sum(march, 'bonusMinor'),
      distributors: 2,
    } satisfies CompanyTotalView);
    expect(body.companyTotals.map((c) => [c.period, c.planMinor, c.actualMinor])).toEqual(
      [...periods]
        .sort((a, b) => endOf(a).localeCompare(endOf(b)) || a.localeCompare(b))
        .map((p) => [
          p,
          sum(
            expected.filter((r) => r.period === p),
            'planMinor',
          ),
          sum(
            expected.filter((r) => r.period === p),
            'actualMinor',
          ),
        ]),
    );
  });

  it('narrows to one period, the year following from it', async () => {
    const body: PlanVsActualReport = (await report(`period=${Y}-03`).expect(200)).body;
    expect(body.year).toBe(Y);
    expect(body.rows.map((r) => [r.distributorId, r.period])).toEqual([
      ['acme', `${Y}-03`],
      ['gamma', `${Y}-03`],
    ]);
    expect(body.companyTotals.map((c) => c.period)).toEqual([`${Y}-03`]);
    expect((await report(`period=${Y}-Q1`).expect(200)).body.rows.map((r: PlanVsActualRow) => r.distributorId)).toEqual(['beta']);
    expect((await report(`year=${Y - 1}`).expect(200)).body).toMatchObject({ rows: [], distributorTotals: [], companyTotals: [] });
  });

  describe('scoping', () => {
    it('shows a distributor only its own rows, and totals over them only', async () => {
      const body: PlanVsActualReport = (await report(`year=${Y}`, 'beta').expect(200)).body;
      expect(body.rows.map(picked)).toEqual(expectedRows(['beta']));
      expect(body.distributorTotals.map((d) => d.distributorId)).toEqual(['beta']);
      expect(body.companyTotals.every((c) => c.distributors === 1)).toBe(true);
      expect((await report(`year=${Y}&distributorId=beta`, 'beta').expect(200)).body.rows).toHaveLength(4);
    });

    it('answers a distributor naming another distributor as if it did not exist, and the company naming an unknown one alike', async () => {
      const other = await report(`year=${Y}&distributorId=acme`, 'beta').expect(404);
      const unknown = await report(`year=${Y}&distributorId=nobody`, 'company').expect(404);
      expect([other.body.code, unknown.body.code]).toEqual(['DISTRIBUTOR.NOT_FOUND', 'DISTRIBUTOR.NOT_FOUND']);
      expect(other.text).not.toContain('10756000');
    });

    it('shows the company and compliance everything, and one distributor when asked', async () => {
      const company = (await report().expect(200)).body;
      expect((await report(`year=${Y}`, 'compliance').expect(200)).body.rows).toEqual(company.rows);
      expect((await report(`year=${Y}&distributorId=gamma`).expect(200)).body.rows.map(picked)).toEqual(expectedRows(['gamma']));
    });
  });

  it('answers the same rows as CSV: period rows, then distributor totals, then company totals', async () => {
    const json: PlanVsActualReport = (await report().expect(200)).body;
    const csv = await report(`year=${Y}`, 'company', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(parseCsv(csv.text)[0]).toEqual(PLAN_COLUMNS.map((c) => c.header));
    const records = csvRecords(csv.text);
    expect(records).toEqual([
      ...json.rows.map((r) => ({
        ...blank(),
        rowType: 'period',
        distributorId: r.distributorId,
        policyId: r.policyId,
        period: r.period,
        currency: r.currency,
        planMinor: field(r.planMinor),
        actualMinor: field(r.actualMinor),
        salesCount: field(r.salesCount),
        attainmentBp: field(r.attainmentBp),
        attainment: field(r.attainment),
        bonusMode: field(r.bonusMode),
        tierThresholdBp: field(r.tierThresholdBp),
        bonusMinor: field(r.bonusMinor),
        closed: field(r.closed),
        closedAt: field(r.settlement?.closedAt),
        settledActualMinor: field(r.settlement?.settledActualMinor),
        settledBonusMinor: field(r.settlement?.settledBonusMinor),
        payableMinor: field(r.settlement?.payableMinor),
        pendingAdjustmentMinor: field(r.pendingAdjustmentMinor),
      })),
      ...json.distributorTotals.map((d) => ({
        ...blank(),
        rowType: 'distributor-total',
        distributorId: d.distributorId,
        currency: d.currency,
        planMinor: field(d.planMinor),
        actualMinor: field(d.actualMinor),
        attainmentBp: field(d.attainmentBp),
        attainment: field(d.attainment),
        bonusMinor: field(d.bonusMinor),
        settledBonusMinor: field(d.settledBonusMinor),
        periods: field(d.periods),
        closedPeriods: field(d.closedPeriods),
      })),
      ...json.companyTotals.map((c) => ({
        ...blank(),
        rowType: 'company-total',
        period: c.period,
        currency: c.currency,
        planMinor: field(c.planMinor),
        actualMinor: field(c.actualMinor),
        attainmentBp: field(c.attainmentBp),
        attainment: field(c.attainment),
        bonusMinor: field(c.bonusMinor),
        distributors: field(c.distributors),
      })),
    ]);
    const own = csvRecords((await report(`year=${Y}`, 'gamma', 'text/csv').expect(200)).text);
    expect(new Set(own.filter((r) => r.rowType !== 'company-total').map((r) => r.distributorId))).toEqual(new Set(['gamma']));
  });

  it.each([
    ['year=twenty', 'year'],
    ['year=1999', 'year'],
    ['period=2025-13', 'period'],
    [`period=${Y}-03&year=${Y + 1}`, 'period'],
    ['distributorId=no%20such', 'distributorId'],
    ['policyId=acme-2025', 'policyId'],
  ])('refuses %s with a 422 naming %s', async (query, name) => {
    const res = await report(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(name);
  });

  it('documents JSON and CSV, and every CSV column', async () => {
    const op = await operationOf(t, '/reports/plan-vs-actual');
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(op.responses['200'].content['text/csv'].example).toBe(`${PLAN_COLUMNS.map((c) => c.header).join(',')}\r\n`);
    for (const c of PLAN_COLUMNS) expect(op.responses['200'].content['text/csv'].schema.description).toContain(`\`${c.header}\``);
    expect(op.parameters.map((p: { name: string; required?: boolean }) => [p.name, !!p.required]).sort()).toEqual([
      ['distributorId', false],
      ['period', false],
      ['year', false],
    ]);
  });
});

const blank = () => Object.fromEntries(PLAN_COLUMNS.map((c) => [c.header, '']));

/** The first instant after a period, to order months and quarters as the report does. */
function endOf(period: string): string {
  const [year, part] = period.split('-');
  const month = part.startsWith('Q') ? Number(part.slice(1)) * 3 : Number(part);
  return new Date(Date.UTC(Number(year), month, 1)).toISOString();
}
