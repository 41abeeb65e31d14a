import { drafted, terminated } from '../policy/testing/fixtures';
import { periodClosed } from '../settlement/testing/fixtures';
import { deriveObligations } from './derive';
import { byId, ids, inForce, JAN_1, leads, obligationsAt, POLICY_ID, q1Closed, QUAL, SCRIPT, terms, training } from './testing/fixtures';

const MID_MARCH = '2026-03-15T12:00:00.000Z';

describe('deriving obligations: given a policy in force, when asked at a date', () => {
  it('nothing is owed under a draft, or before the policy takes effect', () => {
    expect(obligationsAt([drafted()], MID_MARCH)).toEqual([]);
    expect(deriveObligations({ status: 'none' }, MID_MARCH)).toEqual([]);
    expect(obligationsAt(inForce(), '2025-12-31T23:59:59.999Z')).toEqual([]);
  });

  it('refuses an asOf that is not a date, naming the field', () => {
    expect(() => obligationsAt(inForce(), '15/03/2026')).toThrow(
      expect.objectContaining({ code: 'OBLIGATIONS.INVALID_AS_OF', kind: 'invalid' }),
    );
  });

  it('then both parties’ obligations of the periods begun so far, ordered by due date', () => {
    const obligations = obligationsAt(inForce(), MID_MARCH);
    expect(obligations.map((o) => [o.id, o.due, o.responsibleParty, o.protectedParty, o.termsVersion])).toEqual([
      [SCRIPT, '2026-01-31', 'distributor', 'company', 1],
      ['report:2026-01', '2026-02-10', 'distributor', 'company', 1],
      ['report:2026-02', '2026-03-10', 'distributor', 'company', 1],
      ['meeting:2026-Q1', '2026-03-31', 'company', 'distributor', 1],
      ['report:2026-03', '2026-04-10', 'distributor', 'company', 1],
      [QUAL, '2026-06-30', 'distributor', 'company', 1],
    ]);
  });

  it('a staff qualification: one per requirement, due on its deadline, with what it requires', () => {
    expect(byId(obligationsAt(inForce(), MID_MARCH), QUAL)).toEqual({
      id: QUAL,
      kind: 'qualification',
      policyId: POLICY_ID,
      responsibleParty: 'distributor',
      protectedParty: 'company',
      due: '2026-06-30',
      termsVersion: 1,
      description: '2 × sales engineer holding Pump systems level 2',
      role: 'sales engineer',
      qualification: 'Pump systems level 2',
      headcount: 2,
    });
  });

  it('a requirement the terms repeat is a second obligation, not merged away', () => {
    const twice = terms();
    twice.obligations.staffQualifications.push({ ...twice.obligations.staffQualifications[0], deadline: '2026-09-30' });
    expect(ids(obligationsAt(inForce(twice), MID_MARCH)).filter((id) => id.startsWith('qual:'))).toEqual([QUAL, `${QUAL}#2`]);
  });

  it('a sales script is adopted within 30 days of the day its terms took effect', () => {
    const fromMarch = obligationsAt(inForce(terms(), '2026-03-02T09:00:00.000Z'), '2026-03-03T00:00:00.000Z');
    expect(byId(fromMarch, SCRIPT)).toMatchObject({ kind: 'sales-script', due: '2026-04-01', documentRef: 'doc://scripts/first-call/3.1' });
  });

  it('reports start with the period the policy took effect in: none for the months before', () => {
    const fromMidMarch = obligationsAt(inForce(terms(), '2026-03-10T00:00:00.000Z'), '2026-05-01T00:00:00.000Z');
    expect(ids(fromMidMarch).filter((id) => id.startsWith('report:'))).toEqual(['report:2026-03', 'report:2026-04', 'report:2026-05']);
  });

  it('a quarterly report is due on the due day of the month after the quarter; a weekly one that many days after its week', () => {
    const communication = terms().communication;
    const quarterly = obligationsAt(
      inForce(terms({ communication: { ...communication, reportingCadence: 'quarterly' } })),
      '2026-04-01T00:00:00.000Z',
    );
    expect(quarterly.filter((o) => o.kind === 'report').map((o) => [o.id, o.due])).toEqual([
      ['report:2026-Q1', '2026-04-10'],
      ['report:2026-Q2', '2026-07-10'],
    ]);
    const weekly = obligationsAt(
      inForce(terms({ communication: { ...communication, reportingCadence: 'weekly', reportDueDay: 3 } })),
      '2026-01-12',
    );
    expect(weekly.filter((o) => o.kind === 'report').map((o) => [o.id, o.due])).toEqual([
      ['report:2026-W01', '2026-01-07'],
      ['report:2026-W02', '2026-01-14'],
      ['report:2026-W03', '2026-01-21'],
    ]);
  });

  it('meetings: one per period of the cadence, due on its last day', () => {
    const communication = terms().communication;
    const semiannual = obligationsAt(inForce(terms({ communication: { ...communication, meetingCadence: 'semiannual' } })), '2026-07-01');
    expect(semiannual.filter((o) => o.kind === 'meeting').map((o) => [o.id, o.due])).toEqual([
      ['meeting:2026-H1', '2026-06-30'],
      ['meeting:2026-H2', '2026-12-31'],
    ]);
    const annual = obligationsAt(inForce(terms({ communication: { ...communication, meetingCadence: 'annual' } })), MID_MARCH);
    expect(byId(annual, 'meeting:2026')).toMatchObject({ responsibleParty: 'company', due: '2026-12-31', period: '2026' });
  });

  it('company commitments: a one-off on its date, a recurring one per period by the period’s last day', () => {
    const obligations = obligationsAt(inForce(terms({ companyCommitments: [training, leads] })), '2026-02-01');
    const commitments = obligations.filter((o) => o.kind === 'commitment');
    expect(commitments.map((o) => [o.id, o.due, o.responsibleParty, o.protectedParty])).toEqual([
      ['commitment:leads:2026-01', '2026-01-31', 'company', 'distributor'],
      ['commitment:leads:2026-02', '2026-02-28', 'company', 'distributor'],
      ['commitment:training', '2026-06-30', 'company', 'distributor'],
    ]);
    expect(byId(obligations, 'commitment:training')).toMatchObject({
      commitmentId: 'training',
      commitmentKind: 'training',
      description: training.description,
    });
  });

  it('on the very first day: the first periods have begun', () => {
    expect(obligationsAt(inForce(terms(), JAN_1), JAN_1).map((o) => o.id)).toEqual([SCRIPT, 'report:2026-01', 'meeting:2026-Q1', QUAL]);
  });

  it('the same policy and date always give the same obligations and ids', () => {
    const events = inForce(terms({ companyCommitments: [training, leads] }));
    expect(obligationsAt(events, MID_MARCH)).toEqual(obligationsAt(events, MID_MARCH));
  });
});

describe('deriving obligations: settlements to pay', () => {
  it('a closed period with a positive payable: the company pays the distributor by the payment due date', () => {
    const obligations = obligationsAt(inForce(), '2026-04-03', [q1Closed(250_000)]);
    expect(byId(obligations, 'payment:2026-Q1')).toEqual({
      id: 'payment:2026-Q1',
      kind: 'payment',
      policyId: POLICY_ID,
      responsibleParty: 'company',
      protectedParty: 'distributor',
      due: '2026-05-02',
      termsVersion: 1,
      description: 'Payment of the 2026-Q1 settlement',
      period: '2026-Q1',
      amount: { minor: 250_000, currency: 'PLN' },
      paymentDue: '2026-05-02T08:00:00.000Z',
      closedAt: '2026-04-02T08:00:00.000Z',
    });
  });

  it('a zero or negative payable (a claw-back the distributor owes) makes no payment obligation', () => {
    expect(ids(obligationsAt(inForce(), '2026-04-03', [q1Closed(0)]))).not.toContain('payment:2026-Q1');
    expect(ids(obligationsAt(inForce(), '2026-04-03', [q1Closed(-40_000)]))).not.toContain('payment:2026-Q1');
  });

  it('a settlement closed after asOf, or of another policy, is not yet owed here', () => {
    expect(ids(obligationsAt(inForce(), '2026-04-01', [q1Closed()]))).not.toContain('payment:2026-Q1');
    const other = { ...q1Closed(), data: { ...q1Closed().data, policyId: 'd-2-2026' } };
    expect(ids(obligationsAt(inForce(), '2026-04-03', [other]))).not.toContain('payment:2026-Q1');
  });

  it('each closed period with a payable is its own obligation', () => {
    const april = periodClosed({
      period: '2026-04',
      plan: 1,
      actual: 1,
      attainmentBp: 10_000,
      bonus: 10,
      closedAt: '2026-05-01T00:00:00.000Z',
      paymentDue: '2026-05-31T00:00:00.000Z',
    });
    expect(ids(obligationsAt(inForce(), '2026-05-02', [q1Closed(), april])).filter((id) => id.startsWith('payment:'))).toEqual([
      'payment:2026-Q1',
      'payment:2026-04',
    ]);
  });
});

describe('deriving obligations: when the policy ends', () => {
  const terminatedInMay = [...inForce(terms({ companyCommitments: [training] })), terminated('2026-05-15T10:00:00.000Z')];

  it('a termination retires what was not yet due; the report of the period it ended in is still owed', () => {
    const obligations = obligationsAt(terminatedInMay, '2026-06-01', [q1Closed()]);
    const retired = { from: '2026-05-15T10:00:00.000Z', reason: 'policy-ended' };
    expect(byId(obligations, QUAL).retired).toEqual(retired);
    expect(byId(obligations, 'commitment:training').retired).toEqual(retired);
    expect(byId(obligations, 'meeting:2026-Q2').retired).toEqual(retired);
    expect(byId(obligations, 'report:2026-05').retired).toBeUndefined();
    expect(ids(obligations)).not.toContain('report:2026-06');
    expect(byId(obligations, 'report:2026-04').retired).toBeUndefined();
    expect(byId(obligations, 'payment:2026-Q1').retired).toBeUndefined();
  });

  it('before the termination, nothing is retired', () => {
    expect(obligationsAt(terminatedInMay, '2026-05-15T09:59:59.999Z').filter((o) => o.retired)).toEqual([]);
  });

  it('after the year, December’s report is still owed in January', () => {
    const obligations = obligationsAt(inForce(), '2027-02-01');
    expect(byId(obligations, 'report:2026-12')).toMatchObject({ due: '2027-01-10' });
    expect(byId(obligations, 'report:2026-12').retired).toBeUndefined();
    expect(ids(obligations).filter((id) => id.startsWith('report:'))).toHaveLength(12);
    expect(obligations.filter((o) => o.retired)).toEqual([]);
  });
});
