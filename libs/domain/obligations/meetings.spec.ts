import { deciderSpec } from '../testing/decider-spec';
import { obligationsDecider } from './obligations';
import { asCompany, asDistributor, DISTRIBUTOR, meetingCmd, meetingRecorded, obligationWaived, refusalOf } from './testing/fixtures';

const spec = deciderSpec(obligationsDecider);
const T1 = '2026-03-21T09:00:00.000Z';
const T2 = '2026-03-22T09:00:00.000Z';

describe('obligations: meetings of the agreed cadence', () => {
  it('the company records the quarter’s meeting with attendees of both parties and the decisions', () => {
    spec
      .given([])
      .when(meetingCmd(asCompany(T1)))
      .then([meetingRecorded(T1)]);
  });

  it('either party may record it: both were there', () => {
    spec
      .given([])
      .when(meetingCmd(asDistributor(T1)))
      .then([meetingRecorded(T1, '2026-Q1', '2026-03-20', DISTRIBUTOR)]);
  });

  it('a meeting held after its quarter is recorded (late: see status)', () => {
    spec
      .given([])
      .when(meetingCmd(asCompany('2026-04-10T09:00:00.000Z'), '2026-Q1', '2026-04-08'))
      .then([meetingRecorded('2026-04-10T09:00:00.000Z', '2026-Q1', '2026-04-08')]);
  });

  it('a meeting held before its period began belongs to another period', () => {
    const e = refusalOf([], meetingCmd(asCompany('2026-04-10T09:00:00.000Z'), '2026-Q2', '2026-03-31'));
    expect(e.details.errors).toEqual([{ field: 'heldOn', message: 'must be on or after 2026-04-01, the start of 2026-Q2' }]);
  });

  it('a period the meeting cadence does not have is refused', () => {
    const e = refusalOf([], meetingCmd(asCompany(T1), '2026-03'));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.MEETING_NOT_EXPECTED', { period: '2026-03' }]);
  });

  it('refuses malformed minutes, naming every field; both parties must have attended', () => {
    const e = refusalOf(
      [],
      meetingCmd(asCompany(T1), '2026-Q1', '2026-03-25', { attendees: [{ name: '', party: 'auditor' as never }], decisions: [''] }),
    );
    expect(e.details.errors).toEqual([
      { field: 'heldOn', message: 'must not be after today (2026-03-21)' },
      { field: 'attendees[0].name', message: 'must be a non-empty string' },
      { field: 'attendees[0].party', message: 'must be one of company, distributor' },
      { field: 'attendees', message: 'must include at least one attendee of each party' },
      { field: 'decisions[0]', message: 'must be a non-empty string' },
    ]);
    const oneSided = refusalOf(
      [],
      meetingCmd(asCompany(T1), '2026-Q1', '2026-03-20', { attendees: [{ name: 'Anna Nowak', party: 'company' }] }),
    );
    expect(oneSided.details.errors).toEqual([{ field: 'attendees', message: 'must include at least one attendee of each party' }]);
  });

  it('no decisions is a valid record', () => {
    const [event] = obligationsDecider.decide(
      meetingCmd(asCompany(T1), '2026-Q1', '2026-03-20', { decisions: [] }),
      obligationsDecider.initialState(),
    );
    expect(event.data).toMatchObject({ decisions: [] });
  });

  it('a retried record changes nothing; different minutes for a recorded meeting are refused', () => {
    spec
      .given([meetingRecorded(T1)])
      .when(meetingCmd(asDistributor(T2)))
      .then([]);
    expect(refusalOf([meetingRecorded(T1)], meetingCmd(asCompany(T2), '2026-Q1', '2026-03-21')).code).toBe(
      'OBLIGATIONS.MEETING_ALREADY_RECORDED',
    );
  });

  it('a waived meeting is not recorded', () => {
    expect(refusalOf([obligationWaived(T1, 'meeting:2026-Q1', DISTRIBUTOR)], meetingCmd(asCompany(T2))).code).toBe('OBLIGATIONS.WAIVED');
  });
});
