/**
 * A whole year driven through the command layer on a simulated clock — sales, corrections,
 * cancellations, late sales, a refusal below the floor, a special price, channel conflicts, an
 * amendment, both bonus modes, every period closed, promotion spend — then the reports read over HTTP
 * and compared with numbers this spec computes from its own lists (testing/expected.ts), by plain
 * arithmetic. A few of them are also spelled out, so that the spec's arithmetic is checked too.
 */
import { csvRecords } from '../clients/testing/parse-csv';
import type { PlanVsActualReport, PlanVsActualRow } from '../reports/plan-vs-actual/plan-vs-actual.dto';
import type { PriceCompliancePage } from '../reports/price-compliance/price-compliance.dto';
import type { PromotionBudgetReport } from '../reports/promotion-budget/promotion-budget.dto';
import type { SettlementList } from '../settlements/settlement.dto';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ACTORS, driveYear, policyIdOf } from './testing/drive-year';
import {
  actualOf,
  aboveBand,
  attainmentBp,
  bonusModeOf,
  bonusOf,
  budgetOf,
  channelConflicts,
  expectedCloses,
  FLOOR,
  ledgerOf,
  salesCountOf,
  totalOf,
} from './testing/expected';
import { AMENDMENT, at, PLAN, SALES, SIGNED, SPECIAL_PRICE, TERMS, Y, type DistributorName } from './testing/year-facts';

const DISTRIBUTORS: DistributorName[] = ['north', 'south'];

describe('a money year through the command layer: the reports equal numbers computed from its facts', () => {
  let t: TestApp;
  let auth: Record<'company' | 'compliance' | DistributorName, string>;
  const get = (path: string, as: keyof typeof auth = 'company', accept = 'application/json') =>
    t.http().get(path).set('Authorization', auth[as]).set('Accept', accept);

  beforeAll(async () => {
    t = await startTestApp();
    await driveYear(t);
    const token = (who: keyof typeof ACTORS) => {
      const { party, userId, distributorId } = ACTORS[who];
      return t.token(party, { sub: userId, distributorId }).then((jwt) => `Bearer ${jwt}`);
    };
    auth = {
      company: await token('company'),
      compliance: await token('compliance'),
      north: await token('north'),
      south: await token('south'),
    };
  }, 120_000);
  afterAll(() => t?.close());

  it('wrote every fact through the pipeline, each attributed to who acted', async () => {
    const log = (await t.events.readAll()).filter((e) => e.stream !== 'audit-digests');
    const count = (type: string) => log.filter((e) => e.type === type).length;
    expect({
      recorded: count('SaleRecorded'),
      refused: count('SaleRefused'),
      corrected: count('SaleCorrected'),
      cancelled: count('SaleCancelled'),
      closed: count('PeriodClosed'),
      accrued: count('PromotionBudgetAccrued'),
      amended: count('PolicyAmended'),
    }).toEqual({
      recorded: SALES.filter((s) => !s.refused).length,
      refused: SALES.filter((s) => s.refused).length,
      corrected: SALES.filter((s) => s.correction).length,
      cancelled: SALES.filter((s) => s.cancelledOn).length,
      closed: 16,
      accrued: 3,
      amended: 1,
    });
    const saleActors = log.filter((e) => e.type.startsWith('Sale')).map((e) => e.metadata.actor.userId);
    expect(new Set(saleActors)).toEqual(new Set(['anna', 'nina', 'stan']));
  });

  describe('plan vs actual', () => {
    const expectedRow = (d: DistributorName, period: string) => {
      const plan = PLAN[d][period];
      const actual = actualOf(d, period);
      const { bonus, tier } = bonusOf(d, plan, actual);
      const close = expectedCloses(d).find((c) => c.period === period)!;
      return {
        distributorId: d,
        period,
        planMinor: plan,
        actualMinor: actual,
        salesCount: salesCountOf(d, period),
        attainmentBp: attainmentBp(plan, actual),
        bonusMode: bonusModeOf(d),
        bonusMinor: bonus,
        tierThresholdBp: tier,
        termsVersion: d === 'north' && period >= `${Y}-07` ? 2 : 1,
        closed: true,
        pendingAdjustmentMinor: actual - close.settledActualMinor,
      };
    };
    const picked = (r: PlanVsActualRow) => ({
      distributorId: r.distributorId,
      period: r.period,
      planMinor: r.planMinor,
      actualMinor: r.actualMinor,
      salesCount: r.salesCount,
      attainmentBp: r.attainmentBp,
      bonusMode: r.bonusMode,
      bonusMinor: r.bonusMinor,
      tierThresholdBp: r.tierThresholdBp,
      termsVersion: r.termsVersion,
      closed: r.closed,
      pendingAdjustmentMinor: r.pendingAdjustmentMinor,
    });

    it('gives each period its plan, actual net of corrections and cancellations, attainment and bonus in both modes', async () => {
      const report: PlanVsActualReport = (await get(`/reports/plan-vs-actual?year=${Y}`).expect(200)).body;
      const expected = DISTRIBUTORS.flatMap((d) => Object.keys(PLAN[d]).map((period) => expectedRow(d, period)));
      expect(report.rows.map(picked)).toEqual(expected);
      // Spelled out: January after its correction (20 → 15 pumps), 106.70% → 2% of the whole volume.
      expect(report.rows.find((r) => r.period === `${Y}-01`)).toMatchObject({
        actualMinor: 10_670_000,
        attainmentBp: 10_670,
        bonusMinor: 213_400,
      });
      // July under the amendment's plan of PLN 125 000.00: 104% → 2% (under the old plan it would have been 130% → 3%).
      expect(report.rows.find((r) => r.period === `${Y}-07`)).toMatchObject({
        planMinor: 12_500_000,
        attainmentBp: 10_400,
        bonusMinor: 260_000,
      });
      // Incremental: 1% of PLN 30 000.00 (90–100%) + 2% of PLN 29 300.00 (100–109.77%).
      expect(report.rows.find((r) => r.period === `${Y}-Q2`)).toMatchObject({
        actualMinor: 32_930_000,
        bonusMinor: 88_600,
        tierThresholdBp: 10_000,
      });
    });

    it('totals each distributor over its periods', async () => {
      const report: PlanVsActualReport = (await get(`/reports/plan-vs-actual?year=${Y}`, 'compliance').expect(200)).body;
      const expected = DISTRIBUTORS.map((d) => {
        const rows = Object.keys(PLAN[d]).map((p) => expectedRow(d, p));
        const plan = rows.reduce((s, r) => s + r.planMinor, 0);
        const actual = rows.reduce((s, r) => s + r.actualMinor, 0);
        const settledBonus = expectedCloses(d).reduce((s, c) => s + c.settledBonusMinor, 0);
        return {
          distributorId: d,
          planMinor: plan,
          actualMinor: actual,
          attainmentBp: attainmentBp(plan, actual),
          bonusMinor: rows.reduce((s, r) => s + r.bonusMinor, 0),
          settledBonusMinor: settledBonus,
          periods: rows.length,
          closedPeriods: rows.length,
        };
      });
      expect(report.distributorTotals.map(({ currency: _c, attainment: _a, ...rest }) => rest)).toEqual(expected);
    });

    it('says the same as CSV, and shows a distributor only its own rows', async () => {
      const csv = await get(`/reports/plan-vs-actual?year=${Y}`, 'company', 'text/csv').expect(200);
      const periods = csvRecords(csv.text).filter((r) => r.rowType === 'period');
      const expected = DISTRIBUTORS.flatMap((d) =>
        Object.keys(PLAN[d]).map((period) => {
          const row = expectedRow(d, period);
          return [d, period, String(row.planMinor), String(row.actualMinor), String(row.attainmentBp), String(row.bonusMinor)];
        }),
      );
      expect(periods.map((r) => [r.distributorId, r.period, r.planMinor, r.actualMinor, r.attainmentBp, r.bonusMinor])).toEqual(expected);
      const south: PlanVsActualReport = (await get(`/reports/plan-vs-actual?year=${Y}`, 'south').expect(200)).body;
      expect(new Set(south.rows.map((r) => r.distributorId))).toEqual(new Set(['south']));
    });
  });

  describe('settlements', () => {
    it.each(DISTRIBUTORS)('%s: the bonus of each close, the late changes adjusted by the next close, and what is payable', async (d) => {
      const list: SettlementList = (await get(`/policies/${policyIdOf(d)}/settlements`).expect(200)).body;
      const picked = list.settlements.map((s) => ({
        period: s.period,
        closedAt: s.closedAt,
        planMinor: s.plan.minor,
        actualMinor: s.actual.minor,
        attainmentBp: s.attainmentBp,
        bonusMinor: s.bonus.minor,
        tierThresholdBp: s.tierThresholdBp ?? null,
        adjustmentsCarried: s.adjustmentsCarried.map((a) => ({
          period: a.period,
          actualDeltaMinor: a.actualDelta.minor,
          bonusDeltaMinor: a.bonusDelta.minor,
        })),
        payableMinor: s.payable.minor,
        paymentDue: s.paymentDue,
        settledActualMinor: s.settled.actual.minor,
        settledBonusMinor: s.settled.bonus.minor,
      }));
      expect(picked).toEqual(expectedCloses(d));
    });

    it('spelled out: the late February sale is paid with March, the April correction clawed back with May, the late March sale with Q2', () => {
      const north = expectedCloses('north');
      const [feb, mar, apr, may] = north.slice(1, 5);
      expect([feb.actualMinor, feb.bonusMinor, feb.settledActualMinor, feb.settledBonusMinor]).toEqual([9_030_000, 0, 10_070_000, 201_400]);
      expect([mar.bonusMinor, mar.adjustmentsCarried, mar.payableMinor]).toEqual([
        219_200,
        [{ period: `${Y}-02`, actualDeltaMinor: 1_040_000, bonusDeltaMinor: 201_400 }],
        420_600,
      ]);
      expect([apr.bonusMinor, apr.settledBonusMinor]).toEqual([201_400, 0]);
      expect([may.bonusMinor, may.payableMinor]).toEqual([351_000, 149_600]);
      const q2 = expectedCloses('south')[1];
      expect([q2.adjustmentsCarried, q2.payableMinor]).toEqual([
        [{ period: `${Y}-Q1`, actualDeltaMinor: 2_600_000, bonusDeltaMinor: 43_200 }],
        131_800,
      ]);
    });
  });

  it('keeps the promotion ledgers: accrual in force, re-accrual after the amendment, committed, settled and balance', async () => {
    const report: PromotionBudgetReport = (await get(`/reports/promotion-budget?year=${Y}`).expect(200)).body;
    const accruals = {
      north: [
        { terms: TERMS.north, version: 1, at: SIGNED.north.company },
        { terms: TERMS.northAmended, version: 2, at: AMENDMENT.northSignsAt },
      ],
      south: [{ terms: TERMS.south, version: 1, at: SIGNED.south.company }],
    };
    const expected = DISTRIBUTORS.map((d) => {
      let previous = 0;
      const rows = accruals[d].map(({ terms, version, at: when }) => {
        const b = budgetOf(terms);
        const row = {
          termsVersion: version,
          budgetBp: b.budgetBp,
          plannedAnnualMinor: b.plannedAnnual,
          totalMinor: b.total,
          companyMinor: b.company,
          distributorMinor: b.distributor,
          deltaMinor: b.total - previous,
          at: when,
        };
        previous = b.total;
        return row;
      });
      const last = rows[rows.length - 1];
      const ledger = ledgerOf(d, last.totalMinor);
      return {
        policyId: policyIdOf(d),
        accruedMinor: last.totalMinor,
        companyContributionMinor: last.companyMinor,
        distributorContributionMinor: last.distributorMinor,
        proposedMinor: ledger.proposed,
        approvedMinor: ledger.approved,
        committedMinor: ledger.committed,
        settledMinor: ledger.settled,
        balanceMinor: ledger.balance,
        spendCount: ledger.count,
        accruals: rows,
      };
    });
    expect(
      report.budgets.map((b) => ({
        policyId: b.policyId,
        accruedMinor: b.accruedMinor,
        companyContributionMinor: b.companyContributionMinor,
        distributorContributionMinor: b.distributorContributionMinor,
        proposedMinor: b.proposedMinor,
        approvedMinor: b.approvedMinor,
        committedMinor: b.committedMinor,
        settledMinor: b.settledMinor,
        balanceMinor: b.balanceMinor,
        spendCount: b.spendCount,
        accruals: b.accruals,
      })),
    ).toEqual(expected);
    // Spelled out: 1.5% of PLN 1 350 000.00 once the amendment raised the plan; 2 025 000 − 1 100 000 committed − 750 000 settled.
    expect(report.budgets[0]).toMatchObject({
      accruedMinor: 2_025_000,
      committedMinor: 1_100_000,
      settledMinor: 750_000,
      balanceMinor: 175_000,
    });
  });

  it('lists price compliance: the refused sale, the special price, the channel conflicts and the line above the band', async () => {
    const page: PriceCompliancePage = (await get(`/reports/price-compliance?from=${Y}-01-01&to=${Y + 1}-01-01`, 'compliance').expect(200))
      .body;
    const refused = SALES.filter((s) => s.refused).map((s) => ({
      at: at(s.date),
      kind: 'floor-refusal',
      clientId: s.client,
      details: {
        saleId: s.id,
        violations: s.lines.map(([sku, , unit], lineIndex) => ({
          lineIndex,
          sku,
          unitPrice: { minor: unit, currency: 'PLN' },
          floor: { minor: FLOOR[sku], currency: 'PLN' },
          policyId: policyIdOf(s.seller as DistributorName),
        })),
      },
    }));
    const special = {
      at: SPECIAL_PRICE.approvedAt,
      kind: 'special-price-approved',
      clientId: SPECIAL_PRICE.clientId,
      details: { specialPriceId: SPECIAL_PRICE.specialPriceId, unitPrice: SPECIAL_PRICE.unitPrice },
    };
    const conflicts = channelConflicts().map((s) => ({
      at: at(s.booked ?? s.date),
      kind: 'channel-conflict',
      clientId: s.client,
      details: { saleId: s.id, total: { minor: totalOf(s.lines), currency: 'PLN' } },
    }));
    const band = aboveBand().map(({ sale, lineIndex, quantity, unit, sku }) => ({
      at: at(sale.date),
      kind: 'above-discretion-band',
      clientId: sale.client,
      details: {
        saleId: sale.id,
        lineIndex,
        quantity,
        unitPrice: { minor: unit, currency: 'PLN' },
        floor: { minor: FLOOR[sku], currency: 'PLN' },
        maxAboveFloorBp: 1_500,
      },
    }));
    const expected = [...refused, special, ...conflicts, ...band].sort((a, b) => a.at.localeCompare(b.at));
    expect(page.total).toBe(expected.length);
    expect(page.items).toMatchObject(expected);
    expect(expected.map((e) => e.kind)).toEqual([
      'channel-conflict',
      'floor-refusal',
      'special-price-approved',
      'channel-conflict',
      'above-discretion-band',
    ]);
    // The special price let the same client's sale at PLN 1 190.00 through: it counts in April's actual.
    expect(actualOf('north', `${Y}-04`)).toBe(6_240_000 + 3_570_000);
  });
});
