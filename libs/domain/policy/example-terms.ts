/**
 * A complete, valid policy year: the OpenAPI examples, the specs and the end-to-end tests use it.
 * Change a copy, never the returned object's parts in place across tests: every call builds fresh data.
 */
import type { PolicyTerms, PlanPeriod } from './terms';

export const SAMPLE_YEAR = 2026;
export const SAMPLE_CURRENCY = 'PLN';

/** PLN 100 000.00 a month; January split by category. */
export const SAMPLE_MONTHLY_PLAN_MINOR = 10_000_000;

const pln = (minor: number) => ({ minor, currency: SAMPLE_CURRENCY });

function monthlyPeriods(year: number): PlanPeriod[] {
  return Array.from({ length: 12 }, (_, i) => ({
    period: `${year}-${String(i + 1).padStart(2, '0')}`,
    amount: pln(SAMPLE_MONTHLY_PLAN_MINOR),
  }));
}

/** Valid terms for the given year (default 2026), monthly plan, retroactive bonus. */
export function sampleTerms(year: number = SAMPLE_YEAR, overrides: Partial<PolicyTerms> = {}): PolicyTerms {
  const periods = monthlyPeriods(year);
  periods[0] = {
    ...periods[0],
    byCategory: [
      { category: 'pumps', amount: pln(6_000_000) },
      { category: 'valves', amount: pln(4_000_000) },
    ],
  };
  return {
    territories: ['PL-MZ', 'PL-MA'],
    plan: { granularity: 'month', periods },
    obligations: {
      staffQualifications: [{ role: 'sales engineer', qualification: 'Pump systems level 2', headcount: 2, deadline: `${year}-06-30` }],
      salesScripts: [{ title: 'First call', version: '3.1', documentRef: 'doc://scripts/first-call/3.1' }],
    },
    communication: {
      reportingCadence: 'monthly',
      reportDueDay: 10,
      contacts: [
        { party: 'company', name: 'Anna Nowak', email: 'anna.nowak@maker.example', role: 'channel manager' },
        { party: 'distributor', name: 'Jan Kowalski', email: 'jan@acme.example', role: 'sales director' },
      ],
      meetingCadence: 'quarterly',
    },
    settlement: { paymentTermsDays: 30, settlementPeriod: 'quarter', currency: SAMPLE_CURRENCY },
    bonus: {
      mode: 'retroactive',
      tiers: [
        { thresholdBp: 10_000, rateBp: 200 },
        { thresholdBp: 11_000, rateBp: 300 },
      ],
    },
    promotion: { budgetBp: 150, funding: { companyBp: 5_000, distributorBp: 5_000 } },
    websites: [{ url: 'https://acme.example/pumps', contentOwner: 'distributor', approvalRequiredFor: ['prices', 'product claims'] }],
    priceFloors: [
      { sku: 'PUMP-100', minUnitPrice: pln(125_000) },
      { sku: 'VALVE-20', minUnitPrice: pln(8_990) },
    ],
    discretionBands: [{ segment: 'key-account', maxAboveFloorBp: 1_500 }],
    divisionCriteria: {
      rules: [
        { id: 'company-existing', owner: 'company', when: { existingRelationship: true } },
        { id: 'distributor-existing', owner: 'distributor', when: { existingRelationship: true } },
        { id: 'key-accounts', owner: 'company', when: { segment: 'key-account', minAnnualVolume: pln(100_000_000) } },
      ],
      defaultOwner: 'distributor',
    },
    handOverDays: 14,
    ...overrides,
  };
}

/** The same terms with a quarterly plan of PLN 300 000.00 a quarter and an incremental bonus. */
export function sampleQuarterlyTerms(year: number = SAMPLE_YEAR): PolicyTerms {
  const periods = [1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, amount: pln(3 * SAMPLE_MONTHLY_PLAN_MINOR) }));
  return sampleTerms(year, {
    plan: { granularity: 'quarter', periods },
    bonus: {
      mode: 'incremental',
      tiers: [
        { thresholdBp: 9_000, rateBp: 100 },
        { thresholdBp: 10_000, rateBp: 200 },
        { thresholdBp: 11_000, rateBp: 300 },
      ],
    },
  });
}

/** A stand-in for the hash computed outside the domain. */
export const sampleHash = (termsVersion: number) => `sha256:terms-v${termsVersion}`;
