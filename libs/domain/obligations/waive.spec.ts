import { deciderSpec } from '../testing/decider-spec';
import { obligationsDecider } from './obligations';
import {
  amendedTo,
  asCompany,
  asCompliance,
  asDistributor,
  DISTRIBUTOR,
  evidenceAccepted,
  evidenceRecorded,
  inForce,
  obligationsAt,
  obligationWaived,
  QUAL,
  refusalOf,
  terms,
  waiveCmd,
} from './testing/fixtures';

const spec = deciderSpec(obligationsDecider);
const T1 = '2026-07-02T09:00:00.000Z';
const T2 = '2026-07-03T09:00:00.000Z';

describe('obligations: waivers are signed by the party the obligation protects', () => {
  it('the company waives the distributor’s qualification requirement', () => {
    spec
      .given([])
      .when(waiveCmd(asCompany(T1)))
      .then([obligationWaived(T1)]);
  });

  it('the distributor waives the company’s training commitment', () => {
    spec
      .given([])
      .when(waiveCmd(asDistributor(T1), 'commitment:training', 'Trained online instead'))
      .then([obligationWaived(T1, 'commitment:training', DISTRIBUTOR, 'Trained online instead')]);
  });

  it('the responsible party cannot waive its own obligation', () => {
    const e = refusalOf([], waiveCmd(asDistributor(T1)));
    expect([e.code, e.kind, e.details]).toEqual([
      'OBLIGATIONS.NOT_PROTECTED_PARTY',
      'forbidden',
      { obligationId: QUAL, protectedParty: 'company' },
    ]);
    expect(refusalOf([], waiveCmd(asCompany(T1), 'meeting:2026-Q1')).code).toBe('OBLIGATIONS.NOT_PROTECTED_PARTY');
  });

  it('compliance and other distributors may not waive', () => {
    expect(refusalOf([], waiveCmd(asCompliance(T1))).code).toBe('OBLIGATIONS.FORBIDDEN_PARTY');
    expect(refusalOf([], waiveCmd(asDistributor(T1, 'd-2'), 'commitment:training')).code).toBe('OBLIGATIONS.FORBIDDEN_PARTY');
  });

  it('a waiver states why', () => {
    const e = refusalOf([], waiveCmd(asCompany(T1), QUAL, ''));
    expect([e.code, e.details.errors]).toEqual([
      'OBLIGATIONS.INVALID_COMMAND',
      [{ field: 'reason', message: 'must be a non-empty string' }],
    ]);
  });

  it('a retried waiver records nothing; another reason for a waived obligation is refused', () => {
    spec
      .given([obligationWaived(T1)])
      .when(waiveCmd(asCompany(T2)))
      .then([]);
    expect(refusalOf([obligationWaived(T1)], waiveCmd(asCompany(T2), QUAL, 'Another reason')).code).toBe('OBLIGATIONS.ALREADY_WAIVED');
  });

  it('a fulfilled obligation has nothing left to waive', () => {
    const kept = [evidenceRecorded('2026-06-01T00:00:00.000Z', { count: 2 }), evidenceAccepted('2026-06-02T00:00:00.000Z')];
    expect(refusalOf(kept, waiveCmd(asCompany(T1))).code).toBe('OBLIGATIONS.ALREADY_FULFILLED');
  });

  it('a retired obligation is no longer owed, so not waived either', () => {
    const t = terms();
    const dropped = amendedTo(inForce(), { ...t, obligations: { ...t.obligations, staffQualifications: [] } }, '2026-05-01T00:00:00.000Z');
    expect(refusalOf([], waiveCmd(asCompany(T1), QUAL, 'x', obligationsAt(dropped, T1))).code).toBe('OBLIGATIONS.RETIRED');
  });
});
