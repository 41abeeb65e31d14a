import { fold } from '../shared/types';
import type { ObligationsEvent } from './events';
import { obligationsDecider } from './obligations';
import { scorecard, statusesAt } from './scorecard';
import {
  COMPANY,
  DISTRIBUTOR,
  evidenceAccepted,
  evidenceDisputed,
  evidenceRecorded,
  inForce,
  leads,
  meetingRecorded,
  obligationsAt,
  obligationWaived,
  paymentRecorded,
  q1Closed,
  QUAL,
  reportSubmitted,
  SCRIPT,
  terms,
  training,
} from './testing/fixtures';

const history = inForce(terms({ companyCommitments: [training, leads] }));
const at = (asOf: string) => obligationsAt(history, asOf, [q1Closed(250_000)]);

/** Half a year of a policy: some promises kept on time, some late, some missing, one disputed. */
const facts: ObligationsEvent[] = [
  evidenceRecorded('2026-01-20T09:00:00.000Z', { obligationId: SCRIPT, evidenceId: 'script', when: '2026-01-20' }),
  evidenceAccepted('2026-01-21T09:00:00.000Z', 'script', SCRIPT),
  reportSubmitted('2026-02-05T09:00:00.000Z', '2026-01'),
  reportSubmitted('2026-03-20T09:00:00.000Z', '2026-02'), // due 10 March: late
  reportSubmitted('2026-04-09T09:00:00.000Z', '2026-03'),
  // April's report never comes.
  obligationWaived('2026-06-15T09:00:00.000Z', 'report:2026-05', COMPANY, 'Office closed in May'),
  reportSubmitted('2026-07-08T09:00:00.000Z', '2026-06'),
  evidenceRecorded('2026-06-01T09:00:00.000Z', { evidenceId: 'cert-1', when: '2026-05-30' }),
  evidenceAccepted('2026-06-02T09:00:00.000Z', 'cert-1'),
  evidenceRecorded('2026-06-20T09:00:00.000Z', { evidenceId: 'cert-2', when: '2026-06-19' }),
  evidenceDisputed('2026-06-22T09:00:00.000Z', 'dsp-7', 'cert-2'),
  meetingRecorded('2026-03-20T17:00:00.000Z', '2026-Q1', '2026-03-20'),
  // The Q2 meeting never happens.
  evidenceRecorded(
    '2026-01-30T09:00:00.000Z',
    { obligationId: 'commitment:leads:2026-01', evidenceId: 'leads-jan', when: '2026-01-30' },
    COMPANY,
  ),
  evidenceAccepted('2026-02-02T09:00:00.000Z', 'leads-jan', 'commitment:leads:2026-01', DISTRIBUTOR),
  evidenceRecorded(
    '2026-06-28T09:00:00.000Z',
    { obligationId: 'commitment:training', evidenceId: 'training', when: '2026-06-27' },
    COMPANY,
  ),
  paymentRecorded('2026-04-20T09:00:00.000Z', 250_000),
];
const state = fold(obligationsDecider, facts);

describe('the obligations scorecard at a date', () => {
  it('given half a year of facts, when scored on 15 July, then each party’s record', () => {
    expect(scorecard(at('2026-07-15'), state, '2026-07-15')).toEqual([
      // script, Jan, Mar and Jun reports on time; Feb late; Jul open; Apr overdue; the qualification disputed; May waived.
      { responsibleParty: 'distributor', onTime: 4, late: 1, open: 1, overdue: 1, disputed: 1, waived: 1, retired: 0 },
      // Q1 meeting, January's leads and the Q1 payment on time; Q3 and July's leads open; the Q2 meeting,
      // February–June leads and the training (evidence not yet accepted) overdue.
      { responsibleParty: 'company', onTime: 3, late: 0, open: 2, overdue: 7, disputed: 0, waived: 0, retired: 0 },
    ]);
  });

  it('for one party only', () => {
    expect(scorecard(at('2026-07-15'), state, '2026-07-15', 'company')).toEqual([
      { responsibleParty: 'company', onTime: 3, late: 0, open: 2, overdue: 7, disputed: 0, waived: 0, retired: 0 },
    ]);
  });

  it('scored on an earlier date, only what was owed and recorded by then counts', () => {
    expect(scorecard(at('2026-03-15'), state, '2026-03-15')).toEqual([
      // script and January's report on time; February's report overdue (submitted on 20 March); March's report and the qualification open.
      { responsibleParty: 'distributor', onTime: 2, late: 0, open: 2, overdue: 1, disputed: 0, waived: 0, retired: 0 },
      // January's leads on time; February's overdue; March's leads, the Q1 meeting and the training open.
      { responsibleParty: 'company', onTime: 1, late: 0, open: 3, overdue: 1, disputed: 0, waived: 0, retired: 0 },
    ]);
  });

  it('a party that owes nothing scores zeros', () => {
    expect(scorecard([], state, '2026-07-15')).toEqual([
      { responsibleParty: 'distributor', onTime: 0, late: 0, open: 0, overdue: 0, disputed: 0, waived: 0, retired: 0 },
      { responsibleParty: 'company', onTime: 0, late: 0, open: 0, overdue: 0, disputed: 0, waived: 0, retired: 0 },
    ]);
  });

  it('lists each obligation with its status: the overdue items a monthly report shows', () => {
    const overdue = statusesAt(at('2026-07-15'), state, '2026-07-15')
      .filter((s) => s.status.status === 'overdue')
      .map((s) => s.obligation.id);
    expect(overdue).toEqual([
      'commitment:leads:2026-02',
      'commitment:leads:2026-03',
      'commitment:leads:2026-04',
      'report:2026-04',
      'commitment:leads:2026-05',
      'commitment:leads:2026-06',
      'commitment:training',
      'meeting:2026-Q2',
    ]);
    expect(statusesAt(at('2026-07-15'), state, '2026-07-15').find((s) => s.obligation.id === QUAL)?.status).toEqual({
      status: 'disputed',
      disputeIds: ['dsp-7'],
    });
  });
});
