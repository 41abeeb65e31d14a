import { sampleTerms } from '../policy/testing/sample-terms';
import { deciderSpec } from '../testing/decider-spec';
import { promotionDecider } from './promotion';
import {
  accrueCommand,
  accrued,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  firstAccrual,
  IN_FORCE,
  refusalOf,
} from './testing/fixtures';

const spec = deciderSpec(promotionDecider);
const MAY = '2026-05-01T00:05:00.000Z';
const withBudget = (budgetBp: number, companyBp = 5_000) =>
  sampleTerms(2026, { promotion: { budgetBp, funding: { companyBp, distributorBp: 10_000 - companyBp } } });

describe('promotion: accruing the budget', () => {
  it('accrues budgetBp of the planned annual volume, split by funding, when the policy comes into force', () => {
    // 1.5% of PLN 1 200 000.00 = PLN 18 000.00, half from each party
    spec
      .given([])
      .when(accrueCommand(asSystem(IN_FORCE)))
      .then([firstAccrual()]);
  });

  it.each([
    ['the company', asCompany(IN_FORCE)],
    ['the distributor', asDistributor(IN_FORCE)],
    ['compliance', asCompliance(IN_FORCE)],
  ])('%s does not accrue: the accrual process does', (_, context) => {
    const e = refusalOf([], accrueCommand(context));
    expect([e.code, e.kind]).toEqual(['PROMOTION.FORBIDDEN_PARTY', 'forbidden']);
  });

  it('a redelivered or older terms version records nothing', () => {
    spec
      .given([firstAccrual()])
      .when(accrueCommand(asSystem(MAY), 1))
      .then([]);
    const v3 = accrued({ termsVersion: 3, total: 2_400_000, company: 1_200_000, distributor: 1_200_000, delta: 600_000, budgetBp: 200 });
    spec
      .given([firstAccrual(), v3])
      .when(accrueCommand(asSystem(MAY), 2, withBudget(250)))
      .then([]);
  });

  it('re-accrues after an amendment that raises the percent, recording the difference', () => {
    spec
      .given([firstAccrual()])
      .when(accrueCommand(asSystem(MAY), 2, withBudget(200)))
      .then([
        accrued({
          termsVersion: 2,
          total: 2_400_000,
          company: 1_200_000,
          distributor: 1_200_000,
          delta: 600_000,
          budgetBp: 200,
          accruedAt: MAY,
        }),
      ]);
  });

  it('re-accrues after an amendment that changes the plan', () => {
    const terms = sampleTerms();
    terms.plan.periods[11] = { period: '2026-12', amount: { minor: 30_000_000, currency: 'PLN' } };
    // plan 140 000 000 × 1.5% = 2 100 000
    spec
      .given([firstAccrual()])
      .when(accrueCommand(asSystem(MAY), 2, terms))
      .then([
        accrued({
          termsVersion: 2,
          plannedAnnual: 140_000_000,
          total: 2_100_000,
          company: 1_050_000,
          distributor: 1_050_000,
          delta: 300_000,
          accruedAt: MAY,
        }),
      ]);
  });

  it('a lower budget is recorded with a negative delta', () => {
    spec
      .given([firstAccrual()])
      .when(accrueCommand(asSystem(MAY), 2, withBudget(50)))
      .then([
        accrued({
          termsVersion: 2,
          total: 600_000,
          company: 300_000,
          distributor: 300_000,
          delta: -1_200_000,
          budgetBp: 50,
          accruedAt: MAY,
        }),
      ]);
  });

  it('an amendment that leaves the budget as it was records nothing', () => {
    spec
      .given([firstAccrual()])
      .when(accrueCommand(asSystem(MAY), 2, sampleTerms(2026, { handOverDays: 30 })))
      .then([]);
  });

  it('a new funding split is recorded even when the total stays: it changes who pays', () => {
    spec
      .given([firstAccrual()])
      .when(accrueCommand(asSystem(MAY), 2, withBudget(150, 7_000)))
      .then([accrued({ termsVersion: 2, total: 1_800_000, company: 1_260_000, distributor: 540_000, delta: 0, accruedAt: MAY })]);
  });

  it('refuses terms in another currency than the budget is kept in', () => {
    const eur = sampleTerms();
    const inEur = (m: { minor: number; currency: string }) => ({ ...m, currency: 'EUR' });
    const terms = {
      ...eur,
      settlement: { ...eur.settlement, currency: 'EUR' },
      plan: { ...eur.plan, periods: eur.plan.periods.map((p) => ({ period: p.period, amount: inEur(p.amount) })) },
      priceFloors: eur.priceFloors.map((f) => ({ ...f, minUnitPrice: inEur(f.minUnitPrice) })),
      divisionCriteria: {
        ...eur.divisionCriteria,
        rules: eur.divisionCriteria.rules.map((r) =>
          r.when.minAnnualVolume ? { ...r, when: { ...r.when, minAnnualVolume: inEur(r.when.minAnnualVolume) } } : r,
        ),
      },
    };
    const e = refusalOf([firstAccrual()], accrueCommand(asSystem(MAY), 2, terms));
    expect([e.code, e.kind, e.details]).toEqual(['PROMOTION.CURRENCY_CHANGED', 'conflict', { from: 'PLN', to: 'EUR' }]);
  });

  it('refuses a malformed accrual, naming every field', () => {
    const command = accrueCommand(
      asSystem(IN_FORCE),
      0,
      sampleTerms(2026, { promotion: { budgetBp: 150, funding: { companyBp: 5_000, distributorBp: 4_000 } } }),
    );
    const e = refusalOf([], command);
    expect([e.code, e.kind]).toEqual(['PROMOTION.INVALID_COMMAND', 'invalid']);
    expect(e.details.errors).toEqual([
      { field: 'termsVersion', message: 'must be an integer at least 1' },
      { field: 'terms.promotion.funding', message: expect.stringContaining('10000') },
    ]);
    const noPolicy = { ...command, data: { ...command.data, policyId: 'no-year', termsVersion: 1, terms: undefined } };
    expect(refusalOf([], noPolicy as never).details.errors).toEqual([
      { field: 'policyId', message: 'must be a policy id such as d-1-2026' },
    ]);
  });
});
