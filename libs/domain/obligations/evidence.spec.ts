import { deciderSpec } from '../testing/decider-spec';
import { obligationsDecider } from './obligations';
import {
  acceptCmd,
  amendedTo,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  COMPANY,
  disputeCmd,
  DISTRIBUTOR,
  evidenceAccepted,
  evidenceDisputed,
  evidenceRecorded,
  inForce,
  obligationsAt,
  obligationWaived,
  QUAL,
  recordEvidenceCmd,
  refusalOf,
  terms,
} from './testing/fixtures';

const spec = deciderSpec(obligationsDecider);
const T1 = '2026-05-21T09:00:00.000Z';
const T2 = '2026-05-22T09:00:00.000Z';
const T3 = '2026-05-23T09:00:00.000Z';

describe('obligations: recording evidence', () => {
  it('the distributor records a certificate against its qualification obligation', () => {
    spec
      .given([])
      .when(recordEvidenceCmd(asDistributor(T1)))
      .then([evidenceRecorded(T1)]);
  });

  it('one evidence may cover several employees of the headcount', () => {
    spec
      .given([])
      .when(recordEvidenceCmd(asDistributor(T1), { count: 2 }))
      .then([evidenceRecorded(T1, { count: 2 })]);
  });

  it('the company records evidence of its own commitments', () => {
    const e = { obligationId: 'commitment:training', what: 'Attendance list of the May training', when: '2026-05-20' };
    spec
      .given([])
      .when(recordEvidenceCmd(asCompany(T1), e))
      .then([evidenceRecorded(T1, e, COMPANY)]);
  });

  it('only the responsible party records evidence: the company may not for the distributor’s qualification', () => {
    const e = refusalOf([], recordEvidenceCmd(asCompany(T1)));
    expect([e.code, e.kind, e.details]).toEqual([
      'OBLIGATIONS.NOT_RESPONSIBLE_PARTY',
      'forbidden',
      { obligationId: QUAL, responsibleParty: 'distributor' },
    ]);
  });

  it.each([
    ['compliance', asCompliance(T1)],
    ['the system', asSystem(T1)],
    ['another distributor', asDistributor(T1, 'd-2')],
  ])('%s may not record evidence', (_, context) => {
    expect(refusalOf([], recordEvidenceCmd(context)).code).toBe('OBLIGATIONS.FORBIDDEN_PARTY');
  });

  it('an obligation the policy does not have is not found', () => {
    const e = refusalOf([], recordEvidenceCmd(asDistributor(T1), { obligationId: 'qual:cashier:POS' }));
    expect([e.code, e.kind]).toEqual(['OBLIGATIONS.OBLIGATION_NOT_FOUND', 'not_found']);
  });

  it('a report, meeting or payment is kept by its own record, not by evidence', () => {
    const e = refusalOf([], recordEvidenceCmd(asDistributor(T1), { obligationId: 'report:2026-03' }));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.NOT_KEPT_BY_EVIDENCE', { obligationId: 'report:2026-03', fulfilment: 'report' }]);
  });

  it('refuses malformed evidence, naming every field', () => {
    const e = refusalOf(
      [],
      recordEvidenceCmd(asDistributor(T1), { evidenceId: ' ', what: '', when: '2026-02-30', documentRef: 'x'.repeat(501), count: 0 }),
    );
    expect([e.code, e.kind]).toEqual(['OBLIGATIONS.INVALID_COMMAND', 'invalid']);
    expect(e.details.errors).toEqual([
      { field: 'evidenceId', message: 'must be a non-empty string' },
      { field: 'what', message: 'must be a non-empty string' },
      { field: 'when', message: 'must be an ISO date (YYYY-MM-DD)' },
      { field: 'documentRef', message: 'must be at most 500 characters' },
      { field: 'count', message: 'must be an integer between 1 and 10000' },
    ]);
  });

  it('evidence of something that has not happened yet is refused', () => {
    const e = refusalOf([], recordEvidenceCmd(asDistributor(T1), { when: '2026-05-22' }));
    expect(e.details.errors).toEqual([{ field: 'when', message: 'must not be after today (2026-05-21)' }]);
  });

  it('a count applies only to a staff qualification', () => {
    const e = refusalOf([], recordEvidenceCmd(asCompany(T1), { obligationId: 'commitment:training', count: 2 }));
    expect(e.details.errors).toEqual([{ field: 'count', message: 'applies only to a staff qualification' }]);
  });

  it('a retried recording records nothing; other evidence under the same id is refused', () => {
    spec
      .given([evidenceRecorded(T1)])
      .when(recordEvidenceCmd(asDistributor(T2)))
      .then([]);
    expect(refusalOf([evidenceRecorded(T1)], recordEvidenceCmd(asDistributor(T2), { when: '2026-05-19' })).code).toBe(
      'OBLIGATIONS.EVIDENCE_EXISTS',
    );
  });

  it('no evidence for a waived obligation', () => {
    expect(refusalOf([obligationWaived(T1)], recordEvidenceCmd(asDistributor(T2))).code).toBe('OBLIGATIONS.WAIVED');
  });

  it('no evidence for an obligation an amendment retired', () => {
    const t = terms();
    const dropped = amendedTo(inForce(), { ...t, obligations: { ...t.obligations, staffQualifications: [] } }, '2026-05-01T00:00:00.000Z');
    const e = refusalOf([], recordEvidenceCmd(asDistributor(T1), {}, obligationsAt(dropped, T1)));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.RETIRED', { obligationId: QUAL, from: '2026-05-01T00:00:00.000Z' }]);
  });

  it('no more evidence once the headcount is covered by accepted evidence', () => {
    const covered = [evidenceRecorded(T1, { count: 2 }), evidenceAccepted(T2)];
    expect(refusalOf(covered, recordEvidenceCmd(asDistributor(T3), { evidenceId: 'ev-2' })).code).toBe('OBLIGATIONS.ALREADY_FULFILLED');
  });

  it('with the headcount partly covered, the next certificate is recorded', () => {
    spec
      .given([evidenceRecorded(T1), evidenceAccepted(T2)])
      .when(recordEvidenceCmd(asDistributor(T3), { evidenceId: 'ev-2' }))
      .then([evidenceRecorded(T3, { evidenceId: 'ev-2' })]);
  });
});

describe('obligations: accepting and disputing evidence', () => {
  it('the protected party accepts the evidence', () => {
    spec
      .given([evidenceRecorded(T1)])
      .when(acceptCmd(asCompany(T2)))
      .then([evidenceAccepted(T2)]);
  });

  it('the responsible party may not accept its own evidence', () => {
    const e = refusalOf([evidenceRecorded(T1)], acceptCmd(asDistributor(T2)));
    expect([e.code, e.kind, e.details]).toEqual([
      'OBLIGATIONS.NOT_PROTECTED_PARTY',
      'forbidden',
      { obligationId: QUAL, protectedParty: 'company' },
    ]);
  });

  it('accepting twice records nothing', () => {
    spec
      .given([evidenceRecorded(T1), evidenceAccepted(T2)])
      .when(acceptCmd(asCompany(T3)))
      .then([]);
  });

  it('evidence never recorded is not found', () => {
    const e = refusalOf([], acceptCmd(asCompany(T2), 'ev-9'));
    expect([e.code, e.kind]).toEqual(['OBLIGATIONS.EVIDENCE_NOT_FOUND', 'not_found']);
  });

  it('the protected party disputes the evidence, naming the dispute opened about it', () => {
    spec
      .given([evidenceRecorded(T1)])
      .when(disputeCmd(asCompany(T2)))
      .then([evidenceDisputed(T2)]);
  });

  it('a dispute needs its id and a reason', () => {
    const e = refusalOf([evidenceRecorded(T1)], disputeCmd(asCompany(T2), '', 'ev-1', ' '));
    expect(e.details.errors).toEqual([
      { field: 'disputeId', message: 'must be a non-empty string' },
      { field: 'reason', message: 'must be a non-empty string' },
    ]);
  });

  it('the responsible party may not dispute its own evidence', () => {
    expect(refusalOf([evidenceRecorded(T1)], disputeCmd(asDistributor(T2))).code).toBe('OBLIGATIONS.NOT_PROTECTED_PARTY');
  });

  it('accepted evidence is final: it cannot be disputed afterwards', () => {
    expect(refusalOf([evidenceRecorded(T1), evidenceAccepted(T2)], disputeCmd(asCompany(T3))).code).toBe('OBLIGATIONS.EVIDENCE_ACCEPTED');
  });

  it('a retried dispute records nothing; a second dispute of the same evidence is refused', () => {
    const disputed = [evidenceRecorded(T1), evidenceDisputed(T2)];
    spec
      .given(disputed)
      .when(disputeCmd(asCompany(T3)))
      .then([]);
    const e = refusalOf(disputed, disputeCmd(asCompany(T3), 'dsp-2'));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.EVIDENCE_DISPUTED', { evidenceId: 'ev-1', disputeId: 'dsp-1' }]);
  });

  it('disputed evidence may still be accepted once the dispute goes the distributor’s way', () => {
    spec
      .given([evidenceRecorded(T1), evidenceDisputed(T2)])
      .when(acceptCmd(asCompany(T3)))
      .then([evidenceAccepted(T3)]);
  });

  it('the distributor judges evidence of the company’s commitments', () => {
    const e = { obligationId: 'commitment:training', when: '2026-05-20' };
    spec
      .given([evidenceRecorded(T1, e, COMPANY)])
      .when(acceptCmd(asDistributor(T2)))
      .then([evidenceAccepted(T2, 'ev-1', 'commitment:training', DISTRIBUTOR)]);
  });
});
