import { sampleQuarterlyTerms, sampleTerms } from '../policy/testing/sample-terms';
import { attainmentAndBonus, periodEnd, planFor, settlementTermsFrom } from './periods';
import { monthlyTerms, pln } from './testing/fixtures';

describe('settlement: period helpers for the plan-vs-actual report', () => {
  it.each([
    ['2026-01', '2026-02-01T00:00:00.000Z'],
    ['2026-02', '2026-03-01T00:00:00.000Z'],
    ['2026-12', '2027-01-01T00:00:00.000Z'],
    ['2026-Q1', '2026-04-01T00:00:00.000Z'],
    ['2026-Q4', '2027-01-01T00:00:00.000Z'],
  ])('%s ends at %s (UTC, exclusive)', (period, end) => {
    expect(periodEnd(period)).toBe(end);
  });

  it.each(['2026-13', '2026-00', '2026-Q5', '26-01', 'January'])('%j is no period', (period) => {
    expect(() => periodEnd(period)).toThrow('Not a plan period');
  });

  it('planFor gives the planned amount of a period, or nothing for a period the terms do not plan', () => {
    expect(planFor(monthlyTerms(), '2026-03')).toEqual(pln(10_000_000));
    expect(planFor(monthlyTerms(), '2026-Q1')).toBeUndefined();
  });

  it('attainmentAndBonus names the tier reached, and omits it when none is', () => {
    const { bonus } = monthlyTerms();
    expect(attainmentAndBonus(bonus, pln(10_000_000), pln(11_500_000))).toEqual({
      attainmentBp: 11_500,
      bonus: pln(345_000),
      tierThresholdBp: 11_000,
    });
    expect(attainmentAndBonus(bonus, pln(10_000_000), pln(5_000_000))).toEqual({ attainmentBp: 5_000, bonus: pln(0) });
  });

  it('settlement terms close the plan periods, in the settlement currency, with the payment terms', () => {
    expect(settlementTermsFrom(2026, 2, sampleQuarterlyTerms())).toEqual({
      termsVersion: 2,
      year: 2026,
      granularity: 'quarter',
      plan: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((period) => ({ period, amount: pln(30_000_000) })),
      bonus: sampleQuarterlyTerms().bonus,
      currency: 'PLN',
      paymentTermsDays: 30,
    });
    expect(settlementTermsFrom(2026, 1, sampleTerms()).plan[0]).toEqual({ period: '2026-01', amount: pln(10_000_000) });
  });
});
