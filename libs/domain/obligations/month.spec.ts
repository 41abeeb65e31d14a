import { fold } from '../shared/types';
import type { ObligationsEvent } from './events';
import { monthObligations } from './month';
import { obligationsDecider } from './obligations';
import {
  evidenceAccepted,
  evidenceRecorded,
  inForce,
  leads,
  meetingRecorded,
  obligationsAt,
  paymentRecorded,
  q1Closed,
  reportSubmitted,
  SCRIPT,
  terms,
  training,
} from './testing/fixtures';

const history = inForce(terms({ companyCommitments: [training, leads] }));
/** The Q1 bonus of PLN 2 500.00, due 2 May. */
const obligations = obligationsAt(history, '2026-07-15', [q1Closed(250_000)]);
const facts: ObligationsEvent[] = [
  evidenceRecorded('2026-01-20T09:00:00.000Z', { obligationId: SCRIPT, evidenceId: 'script', when: '2026-01-20' }),
  evidenceAccepted('2026-01-21T09:00:00.000Z', 'script', SCRIPT),
  reportSubmitted('2026-02-05T09:00:00.000Z', '2026-01'),
  reportSubmitted('2026-03-20T09:00:00.000Z', '2026-02'), // due 10 March: kept late, in March
  // March's report (due 10 April) never comes.
  meetingRecorded('2026-04-10T09:00:00.000Z', '2026-Q1', '2026-04-08'), // due 31 March: kept late, in April
  paymentRecorded('2026-04-20T09:00:00.000Z', 100_000), // PLN 1 500.00 still unpaid
];
const state = fold(obligationsDecider, facts);
const ids = (xs: Array<{ obligation: { id: string } }>) => xs.map((x) => x.obligation.id);
const MARCH = { first: '2026-03-01', last: '2026-03-31' };
const MAY = { first: '2026-05-01', last: '2026-05-31' };

describe('the obligations of a monthly report', () => {
  it('given half a year of facts, when March’s report is judged on 15 July, then what fell due by March and is overdue, and what was kept late in March', () => {
    const march = monthObligations(obligations, state, '2026-07-15', MARCH);
    // February's and March's leads were never evidenced; January's neither. Kept: the script, January's and February's reports, the Q1 meeting.
    expect(ids(march.overdue)).toEqual(['commitment:leads:2026-01', 'commitment:leads:2026-02', 'commitment:leads:2026-03']);
    expect(march.keptLate.map((o) => [o.obligation.id, o.status])).toEqual([
      ['report:2026-02', { status: 'fulfilled', fulfilledOn: '2026-03-20', timeliness: 'late' }],
    ]);
  });

  it('a missing periodic report and an unpaid settlement are overdue once their due day has passed, the settlement with what is outstanding', () => {
    const may = monthObligations(obligations, state, '2026-07-15', MAY);
    expect(ids(may.overdue)).toEqual([
      'commitment:leads:2026-01',
      'commitment:leads:2026-02',
      'commitment:leads:2026-03',
      'report:2026-03',
      'commitment:leads:2026-04',
      'payment:2026-Q1', // due 2 May
      'report:2026-04', // due 10 May
      'commitment:leads:2026-05',
    ]);
    expect(may.overdue.find((o) => o.obligation.id === 'payment:2026-Q1')?.outstanding).toEqual({ minor: 150_000, currency: 'PLN' });
    expect(may.overdue.find((o) => o.obligation.id === 'report:2026-03')?.outstanding).toBeUndefined();
    // The Q1 meeting was kept late in April, not in May.
    expect(may.keptLate).toEqual([]);
    expect(ids(monthObligations(obligations, state, '2026-07-15', { first: '2026-04-01', last: '2026-04-30' }).keptLate)).toEqual([
      'meeting:2026-Q1',
    ]);
  });

  it('judged while the month runs: nothing due later than the instant is overdue yet', () => {
    const early = monthObligations(obligations, state, '2026-03-05T12:00:00.000Z', MARCH);
    // February's report, due 10 March, is not yet overdue on 5 March; January's and February's leads are.
    expect(ids(early.overdue)).toEqual(['commitment:leads:2026-01', 'commitment:leads:2026-02']);
    expect(early.keptLate).toEqual([]);
  });
});
