import { validateTerms } from './validate-terms';
import type { PolicyTerms } from './terms';
import { sampleQuarterlyTerms, sampleTerms } from './testing/sample-terms';

const clone = (t: PolicyTerms): PolicyTerms => JSON.parse(JSON.stringify(t));
/** The field errors of the sample terms after a change. */
function errorsAfter(change: (t: PolicyTerms) => void, bounds?: Parameters<typeof validateTerms>[2]) {
  const terms = clone(sampleTerms());
  change(terms);
  return validateTerms(terms, 2026, bounds);
}
const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('validateTerms', () => {
  it('accepts the sample terms, monthly and quarterly', () => {
    expect(validateTerms(sampleTerms(), 2026)).toEqual([]);
    expect(validateTerms(sampleQuarterlyTerms(), 2026)).toEqual([]);
  });

  describe('plan', () => {
    it('names the exact minor-units field of a negative or fractional amount', () => {
      expect(fields(errorsAfter((t) => (t.plan.periods[2].amount.minor = -1)))).toEqual(['plan.periods[2].amount.minor']);
      expect(fields(errorsAfter((t) => (t.plan.periods[2].amount.minor = 10.5)))).toEqual(['plan.periods[2].amount.minor']);
    });

    it('requires every period of the year, once', () => {
      const missing = errorsAfter((t) => t.plan.periods.splice(2, 1));
      expect(missing).toEqual([{ field: 'plan.periods', message: 'must cover the whole year; missing 2026-03' }]);
      const duplicate = errorsAfter((t) => (t.plan.periods[3].period = '2026-03'));
      expect(fields(duplicate)).toEqual(['plan.periods[3].period', 'plan.periods']);
    });

    it('refuses a period of another year or granularity', () => {
      expect(fields(errorsAfter((t) => (t.plan.periods[0].period = '2025-01')))).toContain('plan.periods[0].period');
      expect(fields(errorsAfter((t) => (t.plan.periods[0].period = '2026-Q1')))).toContain('plan.periods[0].period');
    });

    it('requires the split by category to sum exactly to the period amount', () => {
      const errors = errorsAfter((t) => (t.plan.periods[0].byCategory![1].amount.minor = 3_999_999));
      expect(errors).toEqual([
        { field: 'plan.periods[0].byCategory', message: 'sums to 9999999 minor units, not the period amount 10000000' },
      ]);
    });

    it('keeps one currency throughout, the settlement currency', () => {
      expect(errorsAfter((t) => (t.plan.periods[4].amount.currency = 'EUR'))).toEqual([
        { field: 'plan.periods[4].amount.currency', message: 'must be the settlement currency PLN' },
      ]);
      expect(fields(errorsAfter((t) => (t.plan.periods[4].amount.currency = 'eur')))).toEqual(['plan.periods[4].amount.currency']);
    });
  });

  describe('bonus', () => {
    it('requires strictly ascending thresholds and rates within 0–10000 bp', () => {
      expect(fields(errorsAfter((t) => (t.bonus.tiers[1].thresholdBp = 10_000)))).toEqual(['bonus.tiers[1].thresholdBp']);
      expect(fields(errorsAfter((t) => (t.bonus.tiers[0].rateBp = 10_001)))).toEqual(['bonus.tiers[0].rateBp']);
      expect(fields(errorsAfter((t) => (t.bonus.mode = 'both' as never)))).toEqual(['bonus.mode']);
    });

    it('accepts no tiers at all: no bonus', () => {
      expect(errorsAfter((t) => (t.bonus.tiers = []))).toEqual([]);
    });
  });

  describe('promotion', () => {
    it('refuses a budget outside the default 0.5%–3% and names the bounds', () => {
      const errors = errorsAfter((t) => (t.promotion.budgetBp = 400));
      expect(errors).toEqual([
        { field: 'promotion.budgetBp', message: 'must be an integer between 50 and 300 basis points (0.5%–3% of the planned volume)' },
      ]);
      expect(fields(errorsAfter((t) => (t.promotion.budgetBp = 49)))).toEqual(['promotion.budgetBp']);
      expect(errorsAfter((t) => (t.promotion.budgetBp = 50))).toEqual([]);
      expect(errorsAfter((t) => (t.promotion.budgetBp = 300))).toEqual([]);
    });

    it('judges the budget against configured bounds', () => {
      const bounds = { promotionBudgetBp: { min: 100, max: 500 } };
      expect(errorsAfter((t) => (t.promotion.budgetBp = 400), bounds)).toEqual([]);
      expect(errorsAfter((t) => (t.promotion.budgetBp = 50), bounds)[0].message).toContain('between 100 and 500');
    });

    it('requires the funding shares to sum to 100%', () => {
      expect(errorsAfter((t) => (t.promotion.funding.distributorBp = 4_000))).toEqual([
        { field: 'promotion.funding', message: 'companyBp and distributorBp must sum to 10000 (100%), not 9000' },
      ]);
    });
  });

  it('requires valid, unique, non-overlapping territories', () => {
    expect(fields(errorsAfter((t) => (t.territories = []))).slice(0, 1)).toEqual(['territories']);
    expect(fields(errorsAfter((t) => (t.territories = ['Poland'])))).toContain('territories[0]');
    expect(fields(errorsAfter((t) => (t.territories = ['PL-MZ', 'PL-MZ'])))).toEqual(['territories[1]']);
    expect(errorsAfter((t) => (t.territories = ['PL', 'PL-MZ']))).toEqual([
      { field: 'territories[1]', message: 'is already covered by PL' },
    ]);
  });

  it('checks obligations: headcount at least 1, deadlines from the year start', () => {
    const errors = errorsAfter((t) => {
      t.obligations.staffQualifications[0].headcount = 0;
      t.obligations.staffQualifications[0].deadline = '2025-12-31';
      t.obligations.salesScripts[0].documentRef = ' ';
    });
    expect(fields(errors)).toEqual([
      'obligations.staffQualifications[0].headcount',
      'obligations.staffQualifications[0].deadline',
      'obligations.salesScripts[0].documentRef',
    ]);
    expect(fields(errorsAfter((t) => (t.obligations.staffQualifications[0].deadline = '2026-02-30')))).toEqual([
      'obligations.staffQualifications[0].deadline',
    ]);
  });

  it('checks communication and settlement', () => {
    const errors = errorsAfter((t) => {
      t.communication.reportDueDay = 31;
      t.communication.contacts = [t.communication.contacts[0]];
      t.settlement.paymentTermsDays = 366;
    });
    expect(errors).toEqual([
      { field: 'communication.reportDueDay', message: 'must be an integer between 1 and 28' },
      { field: 'communication.contacts', message: 'must name at least one distributor contact' },
      { field: 'settlement.paymentTermsDays', message: 'must be an integer between 0 and 365' },
    ]);
    expect(fields(errorsAfter((t) => (t.communication.contacts[1].email = 'jan at acme')))).toEqual(['communication.contacts[1].email']);
  });

  it('checks websites, price floors and discretion bands', () => {
    const errors = errorsAfter((t) => {
      t.websites[0].url = 'ftp://acme.example';
      t.priceFloors[1].sku = 'PUMP-100';
      t.priceFloors[0].minUnitPrice.minor = 0;
      t.discretionBands.push({ segment: 'key-account', maxAboveFloorBp: 100 });
    });
    expect(fields(errors)).toEqual([
      'websites[0].url',
      'priceFloors[0].minUnitPrice.minor',
      'priceFloors[1].sku',
      'discretionBands[1].segment',
    ]);
  });

  it('checks division criteria: a condition per rule, unique ids, known conditions, own territories', () => {
    const errors = errorsAfter((t) => {
      const rules = t.divisionCriteria.rules;
      rules[0].when = {};
      rules[1].id = 'company-existing';
      rules[2].when = { ...rules[2].when, size: 'large' } as never;
      rules.push({ id: 'default', owner: 'company', when: { territory: 'DE' } });
    });
    expect(fields(errors)).toEqual([
      'divisionCriteria.rules[0].when',
      'divisionCriteria.rules[2].when.size',
      'divisionCriteria.rules[3].id',
      'divisionCriteria.rules[3].when.territory',
      'divisionCriteria.rules[1].id',
    ]);
  });

  it('accepts a rule territory inside a policy territory', () => {
    const errors = errorsAfter((t) => {
      t.territories = ['PL'];
      t.divisionCriteria.rules.push({ id: 'mazovia', owner: 'company', when: { territory: 'PL-MZ' } });
    });
    expect(errors).toEqual([]);
  });

  describe('company commitments', () => {
    const training = { id: 'training-q2', kind: 'training' as const, description: 'Two product trainings on site', due: '2026-06-30' };
    const leads = {
      id: 'leads',
      kind: 'lead-response' as const,
      description: 'Pass on leads within 2 working days',
      recurrence: 'monthly' as const,
    };

    it('are optional: terms without them stay valid; one-off and recurring ones are accepted', () => {
      expect(errorsAfter((t) => delete t.companyCommitments)).toEqual([]);
      expect(errorsAfter((t) => (t.companyCommitments = []))).toEqual([]);
      expect(errorsAfter((t) => (t.companyCommitments = [training, leads]))).toEqual([]);
    });

    it('require exactly one of a due date and a recurrence', () => {
      const { due: _d, ...neither } = training;
      expect(errorsAfter((t) => (t.companyCommitments = [neither]))).toEqual([
        { field: 'companyCommitments[0]', message: 'must give either a due date or a recurrence, not both' },
      ]);
      expect(fields(errorsAfter((t) => (t.companyCommitments = [{ ...training, recurrence: 'monthly' }])))).toEqual([
        'companyCommitments[0]',
      ]);
    });

    it('name each malformed field', () => {
      const bad = { id: 'no spaces', kind: 'party', description: ' ', due: '2025-12-31' };
      expect(fields(errorsAfter((t) => (t.companyCommitments = [bad as never, { ...leads, recurrence: 'weekly' as never }])))).toEqual([
        'companyCommitments[0].id',
        'companyCommitments[0].kind',
        'companyCommitments[0].description',
        'companyCommitments[0].due',
        'companyCommitments[1].recurrence',
      ]);
      expect(fields(errorsAfter((t) => (t.companyCommitments = [{ ...training, due: '2026-02-30' }])))).toEqual([
        'companyCommitments[0].due',
      ]);
      expect(fields(errorsAfter((t) => (t.companyCommitments = 'none' as never)))).toEqual(['companyCommitments']);
    });

    it('refuse a repeated id and an unknown field', () => {
      expect(errorsAfter((t) => (t.companyCommitments = [training, { ...leads, id: 'training-q2' }]))).toEqual([
        { field: 'companyCommitments[1].id', message: 'duplicates "training-q2"' },
      ]);
      expect(fields(errorsAfter((t) => (t.companyCommitments = [{ ...training, owner: 'company' } as never])))).toEqual([
        'companyCommitments[0].owner',
      ]);
    });
  });

  it('bounds the hand-over days to 1–90', () => {
    expect(fields(errorsAfter((t) => (t.handOverDays = 0)))).toEqual(['handOverDays']);
    expect(fields(errorsAfter((t) => (t.handOverDays = 91)))).toEqual(['handOverDays']);
    expect(errorsAfter((t) => (t.handOverDays = 90))).toEqual([]);
  });

  it('reports every problem at once', () => {
    const errors = errorsAfter((t) => {
      t.handOverDays = 0;
      t.promotion.budgetBp = 1;
      t.plan.periods[2].amount.minor = -1;
    });
    expect(fields(errors).sort()).toEqual(['handOverDays', 'plan.periods[2].amount.minor', 'promotion.budgetBp']);
  });

  it('never throws on malformed input: missing sections become field errors', () => {
    for (const garbage of [null, 'terms', [], {}, { plan: 'x', bonus: { tiers: [null, 5] }, websites: [null] }]) {
      expect(() => validateTerms(garbage, 2026)).not.toThrow();
      expect(validateTerms(garbage, 2026).length).toBeGreaterThan(0);
    }
    expect(fields(validateTerms({}, 2026))).toContain('plan');
    expect(fields(validateTerms(null, 2026))).toEqual(['terms']);
  });
});

describe('validateTerms bounds what one policy may hold', () => {
  it('refuses an over-long text and names it', () => {
    const terms = sampleTerms();
    terms.obligations.salesScripts[0].title = 'x'.repeat(501);
    expect(validateTerms(terms, 2026)).toEqual([{ field: 'obligations.salesScripts[0].title', message: 'must be at most 500 characters' }]);
  });

  it('refuses a list beyond its bound without checking each of its items', () => {
    const terms = sampleTerms();
    terms.territories = Array.from({ length: 1001 }, () => 'PL');
    expect(validateTerms(terms, 2026)).toContainEqual({ field: 'territories', message: 'must have at most 1000 items' });
  });
});

describe('validateTerms refuses fields it does not know', () => {
  it('at any depth, naming each', () => {
    const terms = { ...sampleTerms(), handoverDays: 5 } as PolicyTerms & { handoverDays: number };
    (terms.promotion.funding as Record<string, unknown>).partnerBp = 0;
    (terms.plan.periods[3] as unknown as Record<string, unknown>).note = 'x';
    expect(validateTerms(terms, 2026).map((e) => e.field)).toEqual(
      expect.arrayContaining(['handoverDays', 'promotion.funding.partnerBp', 'plan.periods[3].note']),
    );
  });
});
