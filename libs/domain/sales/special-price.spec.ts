/** Special prices: the company's concession below its floors, for one client and SKU, for a while. */
import { deciderSpec } from '../testing/decider-spec';
import { specialPriceDecider } from './special-price';
import {
  approveSpecialPrice,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  eur,
  fieldsOf,
  refusalOf,
  revokeSpecialPrice,
  specialPriceApproved,
  specialPriceRevoked,
} from './testing/fixtures';

const spec = deciderSpec(specialPriceDecider);
const APPROVED_AT = '2026-02-25T09:00:00.000Z';
const REVOKED_AT = '2026-03-05T09:00:00.000Z';

describe('special prices: approval', () => {
  it('the company approves a price for a client and SKU with an inclusive validity and a reason', () => {
    spec
      .given([])
      .when(approveSpecialPrice(asCompany(APPROVED_AT)))
      .then([specialPriceApproved()]);
  });

  it('a one-day validity, a price of zero and any currency are fine', () => {
    spec
      .given([])
      .when(approveSpecialPrice(asCompany(APPROVED_AT), { validFrom: '2026-03-31', unitPrice: eur(0) }))
      .then([specialPriceApproved({ validFrom: '2026-03-31', unitPrice: eur(0) })]);
  });

  it('only the company: not a distributor, compliance or the system', () => {
    for (const ctx of [asDistributor(APPROVED_AT), asCompliance(APPROVED_AT), asSystem(APPROVED_AT)]) {
      const refusal = refusalOf(specialPriceDecider, [], approveSpecialPrice(ctx));
      expect([refusal.code, refusal.kind]).toEqual(['SPECIAL_PRICE.COMPANY_ONLY', 'forbidden']);
    }
  });

  it('names every bad field', () => {
    const refusal = refusalOf(
      specialPriceDecider,
      [],
      approveSpecialPrice(asCompany(APPROVED_AT), {
        clientId: '',
        specialPriceId: ' ',
        sku: 'S'.repeat(65),
        unitPrice: { minor: -5, currency: 'zł' },
        validFrom: '2026-13-01',
        validTo: 'soon',
        reason: '',
      }),
    );
    expect([refusal.code, refusal.kind]).toEqual(['SPECIAL_PRICE.INVALID_COMMAND', 'invalid']);
    expect(fieldsOf(refusal)).toEqual([
      'clientId',
      'specialPriceId',
      'sku',
      'unitPrice.minor',
      'unitPrice.currency',
      'validFrom',
      'validTo',
      'reason',
    ]);
  });

  it('the validity may not end before it starts', () => {
    const refusal = refusalOf(
      specialPriceDecider,
      [],
      approveSpecialPrice(asCompany(APPROVED_AT), { validFrom: '2026-04-01', validTo: '2026-03-31' }),
    );
    expect(refusal.details.errors).toEqual([{ field: 'validTo', message: 'must not be before validFrom (2026-04-01)' }]);
  });

  it('an id is used once in the client’s stream', () => {
    const refusal = refusalOf(
      specialPriceDecider,
      [specialPriceApproved()],
      approveSpecialPrice(asCompany(APPROVED_AT), { sku: 'VALVE-20' }),
    );
    expect([refusal.code, refusal.kind]).toEqual(['SPECIAL_PRICE.ALREADY_EXISTS', 'conflict']);
    spec
      .given([specialPriceApproved()])
      .when(approveSpecialPrice(asCompany(APPROVED_AT), { specialPriceId: 'sp-2' }))
      .then([specialPriceApproved({ specialPriceId: 'sp-2' })]);
  });
});

describe('special prices: revocation', () => {
  it('the company ends a special price from a date on', () => {
    spec
      .given([specialPriceApproved()])
      .when(revokeSpecialPrice(asCompany(REVOKED_AT), { effectiveFrom: '2026-03-15' }))
      .then([specialPriceRevoked('2026-03-15')]);
  });

  it('effectiveFrom lies between validFrom and the day after validTo, bounds included', () => {
    for (const effectiveFrom of ['2026-03-01', '2026-04-01']) {
      spec
        .given([specialPriceApproved()])
        .when(revokeSpecialPrice(asCompany(REVOKED_AT), { effectiveFrom }))
        .then([specialPriceRevoked(effectiveFrom)]);
    }
    for (const effectiveFrom of ['2026-02-28', '2026-04-02']) {
      const refusal = refusalOf(
        specialPriceDecider,
        [specialPriceApproved()],
        revokeSpecialPrice(asCompany(REVOKED_AT), { effectiveFrom }),
      );
      expect(refusal.code).toBe('SPECIAL_PRICE.INVALID_COMMAND');
      expect(refusal.details.errors).toEqual([{ field: 'effectiveFrom', message: 'must be between 2026-03-01 and 2026-04-01' }]);
    }
  });

  it('the day after validTo crosses a month and a year end correctly', () => {
    const yearEnd = specialPriceApproved({ validFrom: '2026-12-01', validTo: '2026-12-31' });
    spec
      .given([yearEnd])
      .when(revokeSpecialPrice(asCompany(REVOKED_AT), { effectiveFrom: '2027-01-01' }))
      .then([specialPriceRevoked('2027-01-01')]);
  });

  it('only an existing special price, only once', () => {
    const missing = refusalOf(
      specialPriceDecider,
      [specialPriceApproved()],
      revokeSpecialPrice(asCompany(REVOKED_AT), { specialPriceId: 'sp-9' }),
    );
    expect([missing.code, missing.kind]).toEqual(['SPECIAL_PRICE.NOT_FOUND', 'not_found']);
    const twice = refusalOf(
      specialPriceDecider,
      [specialPriceApproved(), specialPriceRevoked('2026-03-15')],
      revokeSpecialPrice(asCompany(REVOKED_AT)),
    );
    expect([twice.code, twice.kind, twice.details.effectiveFrom]).toEqual(['SPECIAL_PRICE.ALREADY_REVOKED', 'conflict', '2026-03-15']);
  });

  it('only the company, and with a valid date and a reason', () => {
    spec
      .given([specialPriceApproved()])
      .when(revokeSpecialPrice(asDistributor(REVOKED_AT)))
      .thenThrows('SPECIAL_PRICE.COMPANY_ONLY');
    const refusal = refusalOf(
      specialPriceDecider,
      [specialPriceApproved()],
      revokeSpecialPrice(asCompany(REVOKED_AT), { effectiveFrom: '15.03.2026', reason: '' }),
    );
    expect(fieldsOf(refusal)).toEqual(['effectiveFrom', 'reason']);
  });
});
