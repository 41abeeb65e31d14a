import { deciderSpec } from '../testing/decider-spec';
import { obligationsDecider } from './obligations';
import {
  asCompany,
  asDistributor,
  inForce,
  obligationsAt,
  paymentCmd,
  paymentRecorded,
  q1Closed,
  refusalOf,
  sampleObligations,
} from './testing/fixtures';

const spec = deciderSpec(obligationsDecider);
const T1 = '2026-04-20T09:00:00.000Z';
const T2 = '2026-04-21T09:00:00.000Z';

describe('obligations: paying a settlement', () => {
  it('the company records the payment of the Q1 settlement', () => {
    spec
      .given([])
      .when(paymentCmd(asCompany(T1), 250_000))
      .then([paymentRecorded(T1, 250_000)]);
  });

  it('in instalments, never beyond what is outstanding', () => {
    const half = [paymentRecorded(T1, 125_000)];
    spec
      .given(half)
      .when(paymentCmd(asCompany(T2), 125_000, 'TR-2', '2026-04-21'))
      .then([paymentRecorded(T2, 125_000, 'TR-2', '2026-04-21')]);
    const e = refusalOf(half, paymentCmd(asCompany(T2), 125_001, 'TR-2', '2026-04-21'));
    expect([e.code, e.kind, e.details]).toEqual([
      'OBLIGATIONS.PAYMENT_EXCEEDS_OUTSTANDING',
      'conflict',
      { period: '2026-Q1', outstanding: { minor: 125_000, currency: 'PLN' }, requested: { minor: 125_001, currency: 'PLN' } },
    ]);
  });

  it('a settlement paid in full takes no further payment', () => {
    expect(refusalOf([paymentRecorded(T1, 250_000)], paymentCmd(asCompany(T2), 1, 'TR-2')).code).toBe('OBLIGATIONS.ALREADY_FULFILLED');
  });

  it('a retried payment (same reference) records nothing; another payment under that reference is refused', () => {
    spec
      .given([paymentRecorded(T1, 100_000)])
      .when(paymentCmd(asCompany(T2), 100_000))
      .then([]);
    expect(refusalOf([paymentRecorded(T1, 100_000)], paymentCmd(asCompany(T2), 90_000)).code).toBe('OBLIGATIONS.PAYMENT_EXISTS');
  });

  it('the distributor is paid; it does not record the company’s payment', () => {
    expect(refusalOf([], paymentCmd(asDistributor(T1), 250_000)).code).toBe('OBLIGATIONS.NOT_RESPONSIBLE_PARTY');
  });

  it('no payment is owed for a period without a positive payable', () => {
    const clawBack = sampleObligations([q1Closed(-40_000)]);
    const e = refusalOf([], paymentCmd(asCompany(T1), 1, 'TR-1', '2026-04-20', clawBack));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.PAYMENT_NOT_EXPECTED', { period: '2026-Q1' }]);
    const notClosed = obligationsAt(inForce(), T1);
    expect(refusalOf([], paymentCmd(asCompany(T1), 1, 'TR-1', '2026-04-20', notClosed)).code).toBe('OBLIGATIONS.PAYMENT_NOT_EXPECTED');
  });

  it('refuses a malformed payment, naming every field', () => {
    const e = refusalOf([], paymentCmd(asCompany(T1), 0, '', '2026-04-31', sampleObligations(), 'pln'));
    expect(e.details.errors).toEqual([
      { field: 'amount.minor', message: 'must be an integer at least 1' },
      { field: 'amount.currency', message: 'must be an ISO 4217 currency code (three upper-case letters)' },
      { field: 'paidOn', message: 'must be an ISO date (YYYY-MM-DD)' },
      { field: 'reference', message: 'must be a non-empty string' },
    ]);
  });

  it('in the settlement currency, on or after the close, not in the future', () => {
    expect(refusalOf([], paymentCmd(asCompany(T1), 100, 'TR-1', '2026-04-20', sampleObligations(), 'EUR')).details.errors).toEqual([
      { field: 'amount.currency', message: 'must be the settlement currency PLN' },
    ]);
    expect(refusalOf([], paymentCmd(asCompany(T1), 100, 'TR-1', '2026-04-01')).details.errors).toEqual([
      { field: 'paidOn', message: 'must not be before the settlement closed on 2026-04-02' },
    ]);
    expect(refusalOf([], paymentCmd(asCompany(T1), 100, 'TR-1', '2026-04-21')).details.errors).toEqual([
      { field: 'paidOn', message: 'must not be after today (2026-04-20)' },
    ]);
  });
});
