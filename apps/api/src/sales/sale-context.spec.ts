import { sampleQuarterlyTerms, sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import { judgementInstant, salePolicyOf } from './sale-context';

describe('judgementInstant: the instant a sale date is judged at', () => {
  const now = new Date('2026-03-12T10:15:00.000Z');

  it('is the end of a past sale date (UTC), so what took effect during that day governs it', () => {
    expect(judgementInstant('2026-03-10', now)?.toISOString()).toBe('2026-03-10T23:59:59.999Z');
  });

  it('is now for a sale dated today: nothing that takes effect later today judges it', () => {
    expect(judgementInstant('2026-03-12', now)?.toISOString()).toBe(now.toISOString());
  });

  it('is now for a date in the future (which the decider refuses), and undefined for what is not a date', () => {
    expect(judgementInstant('2026-03-20', now)?.toISOString()).toBe(now.toISOString());
    expect(judgementInstant('2026-02-30', now)).toBeUndefined();
    expect(judgementInstant('yesterday', now)).toBeUndefined();
  });
});

describe('salePolicyOf: a policy’s terms as the sale decider reads them', () => {
  it('takes the floors, bands, settlement currency and the plan’s granularity', () => {
    const terms = sampleTerms(2026);
    expect(salePolicyOf({ policyId: 'acme-2026', terms })).toEqual({
      policyId: 'acme-2026',
      currency: 'PLN',
      priceFloors: terms.priceFloors,
      discretionBands: terms.discretionBands,
      granularity: 'month',
    });
    expect(salePolicyOf({ policyId: 'acme-2026', terms: sampleQuarterlyTerms(2026) }).granularity).toBe('quarter');
  });
});
