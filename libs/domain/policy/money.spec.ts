import { planTotal, promotionBudget } from './money';
import { sampleTerms } from './testing/sample-terms';

describe('plan total and promotion budget', () => {
  it('sums the plan of the year', () => {
    expect(planTotal(sampleTerms())).toEqual({ minor: 120_000_000, currency: 'PLN' });
  });

  it('takes budgetBp of the plan, floored, and splits it so the parts sum to the whole', () => {
    const terms = sampleTerms(2026, { promotion: { budgetBp: 77, funding: { companyBp: 3_333, distributorBp: 6_667 } } });
    // 120 000 000 × 0.77% = 924 000; 924 000 × 33.33% = 307 969.2 → 307 969; the rest 616 031
    expect(promotionBudget(terms)).toEqual({
      total: { minor: 924_000, currency: 'PLN' },
      company: { minor: 307_969, currency: 'PLN' },
      distributor: { minor: 616_031, currency: 'PLN' },
    });
  });
});
