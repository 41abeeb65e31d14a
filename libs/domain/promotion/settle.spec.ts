import { deciderSpec } from '../testing/decider-spec';
import { promotionDecider } from './promotion';
import {
  approved,
  asCompany,
  asCompliance,
  asDistributor,
  firstAccrual,
  pln,
  proposed,
  refusalOf,
  rejected,
  settleCommand,
  settled,
} from './testing/fixtures';

const spec = deciderSpec(promotionDecider);
const T1 = '2026-02-01T10:00:00.000Z';
const T2 = '2026-02-03T10:00:00.000Z';
const T3 = '2026-03-10T10:00:00.000Z';
const approvedSpend = [firstAccrual(), proposed('sp-1', 'company', 500_000, T1), approved('sp-1', 'distributor', T2)];

describe('promotion: settling an approved spend', () => {
  it('either party settles it with proof, at the approved amount unless told otherwise', () => {
    spec
      .given(approvedSpend)
      .when(settleCommand(asCompany(T3), 'sp-1'))
      .then([settled('sp-1', 'company', 500_000, T3)]);
    spec
      .given(approvedSpend)
      .when(settleCommand(asDistributor(T3), 'sp-1'))
      .then([settled('sp-1', 'distributor', 500_000, T3)]);
  });

  it('records what was actually spent, up to the approved amount', () => {
    spec
      .given(approvedSpend)
      .when(settleCommand(asCompany(T3), 'sp-1', 420_000))
      .then([settled('sp-1', 'company', 420_000, T3)]);
    spec
      .given(approvedSpend)
      .when(settleCommand(asCompany(T3), 'sp-1', 500_000))
      .then([settled('sp-1', 'company', 500_000, T3)]);
  });

  it('an activity that did not happen is settled at zero, which releases its amount', () => {
    spec
      .given(approvedSpend)
      .when(settleCommand(asCompany(T3), 'sp-1', 0))
      .then([settled('sp-1', 'company', 0, T3)]);
  });

  it('refuses more than was approved', () => {
    const e = refusalOf(approvedSpend, settleCommand(asCompany(T3), 'sp-1', 500_001));
    expect([e.code, e.kind, e.details]).toEqual([
      'PROMOTION.ABOVE_APPROVED',
      'conflict',
      { spendId: 'sp-1', approved: pln(500_000), requested: pln(500_001) },
    ]);
  });

  it.each([
    ['proposed', [firstAccrual(), proposed('sp-1', 'company', 500_000, T1)]],
    ['rejected', [firstAccrual(), proposed('sp-1', 'company', 500_000, T1), rejected('sp-1', 'distributor', T2)]],
    ['settled', [...approvedSpend, settled('sp-1', 'company', 500_000, T3)]],
  ])('only an approved spend is settled, not a %s one', (status, given) => {
    const e = refusalOf(given, settleCommand(asCompany(T3), 'sp-1'));
    expect([e.code, e.kind, e.details]).toEqual(['PROMOTION.SPEND_NOT_APPROVED', 'conflict', { spendId: 'sp-1', status }]);
  });

  it('refuses a spend never proposed', () => {
    expect(refusalOf(approvedSpend, settleCommand(asCompany(T3), 'sp-9')).code).toBe('PROMOTION.SPEND_NOT_FOUND');
  });

  it('compliance settles nothing', () => {
    expect(refusalOf(approvedSpend, settleCommand(asCompliance(T3), 'sp-1')).code).toBe('PROMOTION.FORBIDDEN_PARTY');
  });

  it('refuses a missing proof, a malformed amount and a foreign currency', () => {
    const noProof = refusalOf(approvedSpend, settleCommand(asCompany(T3), 'sp-1', -1, ''));
    expect([noProof.code, noProof.details.errors]).toEqual([
      'PROMOTION.INVALID_COMMAND',
      [
        { field: 'proofRef', message: 'must be a non-empty string' },
        { field: 'amount.minor', message: 'must be an integer at least 0' },
      ],
    ]);
    const eur = refusalOf(approvedSpend, settleCommand(asCompany(T3), 'sp-1', { minor: 1, currency: 'EUR' }));
    expect([eur.code, eur.details.errors]).toEqual([
      'PROMOTION.CURRENCY_MISMATCH',
      [{ field: 'amount.currency', message: 'must be the budget currency PLN' }],
    ]);
  });
});
