import { deciderSpec } from '../testing/decider-spec';
import { obligationsDecider } from './obligations';
import {
  acknowledgeCmd,
  asCompany,
  asDistributor,
  COMPANY,
  inForce,
  obligationsAt,
  obligationWaived,
  POLICY_ID,
  refusalOf,
  reportSubmitted,
  submitCmd,
  terms,
} from './testing/fixtures';

const spec = deciderSpec(obligationsDecider);
const APRIL_2 = '2026-04-02T09:00:00.000Z';
const APRIL_3 = '2026-04-03T09:00:00.000Z';

describe('obligations: the distributor submits the periodic reports the policy expects', () => {
  it('March’s report, once March has ended', () => {
    spec
      .given([])
      .when(submitCmd(asDistributor(APRIL_2)))
      .then([reportSubmitted(APRIL_2)]);
  });

  it('a period the policy does not expect is refused', () => {
    const now = obligationsAt(inForce(), APRIL_2);
    for (const period of ['2026-Q1', '2026-13', '2025-12', '2026-05']) {
      const e = refusalOf([], submitCmd(asDistributor(APRIL_2), period, 'Summary', now));
      expect([e.code, e.kind, e.details]).toEqual(['OBLIGATIONS.REPORT_NOT_EXPECTED', 'conflict', { period }]);
    }
  });

  it('a quarterly cadence expects quarters, not months', () => {
    const communication = { ...terms().communication, reportingCadence: 'quarterly' as const };
    const quarterly = obligationsAt(inForce(terms({ communication })), APRIL_2);
    expect(refusalOf([], submitCmd(asDistributor(APRIL_2), '2026-03', 'Summary', quarterly)).code).toBe('OBLIGATIONS.REPORT_NOT_EXPECTED');
    const [event] = obligationsDecider.decide(
      submitCmd(asDistributor(APRIL_2), '2026-Q1', 'Summary', quarterly),
      obligationsDecider.initialState(),
    );
    expect(event).toMatchObject({ type: 'PeriodicReportSubmitted', data: { obligationId: 'report:2026-Q1', period: '2026-Q1' } });
  });

  it('a report covers a whole period: not before it ends', () => {
    const e = refusalOf([], submitCmd(asDistributor('2026-03-31T23:59:59.999Z')));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.PERIOD_NOT_ENDED', { period: '2026-03', endsOn: '2026-03-31' }]);
  });

  it('the company does not submit the distributor’s reports', () => {
    expect(refusalOf([], submitCmd(asCompany(APRIL_2))).code).toBe('OBLIGATIONS.NOT_RESPONSIBLE_PARTY');
  });

  it('refuses a malformed report, naming every field', () => {
    const command = submitCmd(asDistributor(APRIL_2), '2026-03', '');
    const bad = { ...command, data: { ...command.data, attachmentRefs: ['doc://a', ''] } };
    expect(refusalOf([], bad).details.errors).toEqual([
      { field: 'summary', message: 'must be a non-empty string' },
      { field: 'attachmentRefs[1]', message: 'must be a non-empty string' },
    ]);
    const missing = { ...command, data: { ...command.data, summary: 'S', attachmentRefs: undefined as never } };
    expect(refusalOf([], missing).details.errors).toEqual([{ field: 'attachmentRefs', message: 'is required' }]);
  });

  it('a retried submission records nothing; a different report for the same period is refused', () => {
    spec
      .given([reportSubmitted(APRIL_2)])
      .when(submitCmd(asDistributor(APRIL_3)))
      .then([]);
    expect(refusalOf([reportSubmitted(APRIL_2)], submitCmd(asDistributor(APRIL_3), '2026-03', 'Corrected')).code).toBe(
      'OBLIGATIONS.REPORT_ALREADY_SUBMITTED',
    );
  });

  it('a waived report is not submitted', () => {
    expect(refusalOf([obligationWaived(APRIL_2, 'report:2026-03')], submitCmd(asDistributor(APRIL_3))).code).toBe('OBLIGATIONS.WAIVED');
  });

  it('a late report is still accepted (and shows as late: see status)', () => {
    spec
      .given([])
      .when(submitCmd(asDistributor('2026-05-20T09:00:00.000Z')))
      .then([reportSubmitted('2026-05-20T09:00:00.000Z')]);
  });
});

describe('obligations: the company acknowledges a report', () => {
  it('acknowledges a submitted report', () => {
    spec
      .given([reportSubmitted(APRIL_2)])
      .when(acknowledgeCmd(asCompany(APRIL_3)))
      .then([
        {
          type: 'PeriodicReportAcknowledged',
          data: {
            policyId: POLICY_ID,
            obligationId: 'report:2026-03',
            period: '2026-03',
            acknowledgedBy: COMPANY,
            acknowledgedAt: APRIL_3,
          },
        },
      ]);
  });

  it('acknowledging twice records nothing', () => {
    const acknowledged = obligationsDecider.decide(
      acknowledgeCmd(asCompany(APRIL_3)),
      obligationsDecider.evolve(obligationsDecider.initialState(), reportSubmitted(APRIL_2)),
    );
    spec
      .given([reportSubmitted(APRIL_2), ...acknowledged])
      .when(acknowledgeCmd(asCompany('2026-04-04T00:00:00.000Z')))
      .then([]);
  });

  it('a report not submitted cannot be acknowledged', () => {
    expect(refusalOf([], acknowledgeCmd(asCompany(APRIL_3))).code).toBe('OBLIGATIONS.REPORT_NOT_SUBMITTED');
  });

  it('the distributor does not acknowledge its own report', () => {
    expect(refusalOf([reportSubmitted(APRIL_2)], acknowledgeCmd(asDistributor(APRIL_3))).code).toBe('OBLIGATIONS.NOT_PROTECTED_PARTY');
  });
});
