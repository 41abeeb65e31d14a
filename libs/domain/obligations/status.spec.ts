import { fold } from '../shared/types';
import type { ObligationsEvent } from './events';
import { obligationsDecider } from './obligations';
import { evidenceCoverage, obligationStatus, paidBy } from './status';
import {
  amendedTo,
  byId,
  COMPANY,
  DISTRIBUTOR,
  evidenceAccepted,
  evidenceDisputed,
  evidenceRecorded,
  inForce,
  meetingRecorded,
  obligationsAt,
  obligationWaived,
  paymentRecorded,
  QUAL,
  reportSubmitted,
  sampleObligations,
  terms,
} from './testing/fixtures';

const obligations = sampleObligations();
const qualification = byId(obligations, QUAL); // 2 sales engineers by 30 June
/** Given these facts, the status of an obligation at asOf. */
const statusOf = (id: string, events: ObligationsEvent[], asOf: string) =>
  obligationStatus(byId(obligations, id), fold(obligationsDecider, events), asOf);

const certificate = (n: number, when: string, recordedAt: string) => evidenceRecorded(recordedAt, { evidenceId: `ev-${n}`, when });

describe('obligation status: a qualification due 30 June, at any date', () => {
  it('with no evidence: open up to the due day, overdue from the next', () => {
    expect(statusOf(QUAL, [], '2026-06-30T23:59:59.999Z')).toEqual({ status: 'open' });
    expect(statusOf(QUAL, [], '2026-07-01T00:00:00.000Z')).toEqual({ status: 'overdue' });
  });

  it('headcount partly covered: 1 of 2 accepted is not kept, and becomes overdue', () => {
    const events = [certificate(1, '2026-05-20', '2026-05-21T00:00:00.000Z'), evidenceAccepted('2026-05-22T00:00:00.000Z')];
    expect(statusOf(QUAL, events, '2026-06-15')).toEqual({ status: 'open' });
    expect(statusOf(QUAL, events, '2026-07-01')).toEqual({ status: 'overdue' });
    expect(evidenceCoverage(qualification, fold(obligationsDecider, events), '2026-07-01')).toEqual({
      required: 2,
      accepted: 1,
      pending: 0,
      disputed: 0,
      rejected: 0,
    });
  });

  it('kept once accepted evidence covers the headcount, dated by the certificate that completed it', () => {
    const events = [
      certificate(1, '2026-05-20', '2026-05-21T00:00:00.000Z'),
      certificate(2, '2026-06-10', '2026-06-11T00:00:00.000Z'),
      evidenceAccepted('2026-06-12T00:00:00.000Z', 'ev-2'),
      evidenceAccepted('2026-06-12T00:00:00.000Z', 'ev-1'),
    ];
    expect(statusOf(QUAL, events, '2026-06-11T12:00:00.000Z')).toEqual({ status: 'open' }); // recorded, not yet accepted
    expect(evidenceCoverage(qualification, fold(obligationsDecider, events), '2026-06-11T12:00:00.000Z')).toMatchObject({
      accepted: 0,
      pending: 2,
    });
    expect(statusOf(QUAL, events, '2026-06-12')).toEqual({ status: 'fulfilled', fulfilledOn: '2026-06-10', timeliness: 'on-time' });
  });

  it('a certificate obtained in time but accepted after the deadline: overdue until accepted, then kept on time', () => {
    const events = [
      evidenceRecorded('2026-07-05T00:00:00.000Z', { when: '2026-06-10', count: 2 }),
      evidenceAccepted('2026-07-06T00:00:00.000Z'),
    ];
    expect(statusOf(QUAL, events, '2026-07-02')).toEqual({ status: 'overdue' });
    expect(statusOf(QUAL, events, '2026-07-06')).toEqual({ status: 'fulfilled', fulfilledOn: '2026-06-10', timeliness: 'on-time' });
  });

  it('qualified after the deadline: kept late', () => {
    const events = [
      evidenceRecorded('2026-07-05T00:00:00.000Z', { when: '2026-07-01', count: 2 }),
      evidenceAccepted('2026-07-06T00:00:00.000Z'),
    ];
    expect(statusOf(QUAL, events, '2026-12-01')).toEqual({ status: 'fulfilled', fulfilledOn: '2026-07-01', timeliness: 'late' });
  });

  it('disputed evidence: disputed (not merely overdue) until the protected party accepts it', () => {
    const events = [
      evidenceRecorded('2026-06-20T00:00:00.000Z', { count: 2 }),
      evidenceDisputed('2026-06-25T00:00:00.000Z'),
      evidenceAccepted('2026-08-01T00:00:00.000Z'),
    ];
    expect(statusOf(QUAL, events, '2026-06-24')).toEqual({ status: 'open' });
    expect(statusOf(QUAL, events, '2026-07-15')).toEqual({ status: 'disputed', disputeIds: ['dsp-1'] });
    expect(statusOf(QUAL, events, '2026-08-01')).toEqual({ status: 'fulfilled', fulfilledOn: '2026-05-20', timeliness: 'on-time' });
  });

  it('waived from the waiver on; before it, as it stood', () => {
    const events = [obligationWaived('2026-07-10T00:00:00.000Z')];
    expect(statusOf(QUAL, events, '2026-07-09')).toEqual({ status: 'overdue' });
    expect(statusOf(QUAL, events, '2026-07-10')).toEqual({ status: 'waived', waivedAt: '2026-07-10T00:00:00.000Z' });
  });

  it('retired by an amendment; but one kept before it was retired stays kept', () => {
    const t = terms();
    const dropped = amendedTo(inForce(), { ...t, obligations: { ...t.obligations, staffQualifications: [] } }, '2026-06-01T00:00:00.000Z');
    const retired = byId(obligationsAt(dropped, '2026-07-15'), QUAL);
    expect(obligationStatus(retired, fold(obligationsDecider, []), '2026-07-15')).toEqual({
      status: 'retired',
      retiredFrom: '2026-06-01T00:00:00.000Z',
    });
    const kept = fold(obligationsDecider, [
      evidenceRecorded('2026-05-21T00:00:00.000Z', { count: 2 }),
      evidenceAccepted('2026-05-22T00:00:00.000Z'),
    ]);
    expect(obligationStatus(retired, kept, '2026-07-15')).toMatchObject({ status: 'fulfilled', timeliness: 'on-time' });
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => statusOf(QUAL, [], '2026-07-01T00:00')).toThrow(expect.objectContaining({ code: 'OBLIGATIONS.INVALID_AS_OF' }));
  });
});

describe('obligation status: reports, meetings and payments', () => {
  it('March’s report (due 10 April): on time, late, or overdue while missing', () => {
    expect(statusOf('report:2026-03', [reportSubmitted('2026-04-08T09:00:00.000Z')], '2026-04-08T09:00:00.000Z')).toEqual({
      status: 'fulfilled',
      fulfilledOn: '2026-04-08',
      timeliness: 'on-time',
    });
    expect(statusOf('report:2026-03', [], '2026-04-10T23:00:00.000Z')).toEqual({ status: 'open' });
    expect(statusOf('report:2026-03', [], '2026-04-11')).toEqual({ status: 'overdue' });
    const late = [reportSubmitted('2026-05-20T09:00:00.000Z')];
    expect(statusOf('report:2026-03', late, '2026-05-19')).toEqual({ status: 'overdue' });
    expect(statusOf('report:2026-03', late, '2026-05-21')).toEqual({ status: 'fulfilled', fulfilledOn: '2026-05-20', timeliness: 'late' });
  });

  it('a quarter’s meeting held after the quarter is kept late, from when it was recorded', () => {
    const events = [meetingRecorded('2026-04-10T09:00:00.000Z', '2026-Q1', '2026-04-08')];
    expect(statusOf('meeting:2026-Q1', events, '2026-04-09')).toEqual({ status: 'overdue' });
    expect(statusOf('meeting:2026-Q1', events, '2026-04-10T09:00:00.000Z')).toEqual({
      status: 'fulfilled',
      fulfilledOn: '2026-04-08',
      timeliness: 'late',
    });
  });

  it('a settlement (PLN 2 500.00 due 2 May): partly paid is overdue after the due day; kept on the day the last instalment was paid', () => {
    const events = [
      paymentRecorded('2026-04-20T09:00:00.000Z', 100_000),
      paymentRecorded('2026-05-05T09:00:00.000Z', 150_000, 'TR-2', '2026-05-04'),
    ];
    expect(statusOf('payment:2026-Q1', events, '2026-05-02T12:00:00.000Z')).toEqual({ status: 'open' });
    expect(statusOf('payment:2026-Q1', events, '2026-05-03')).toEqual({ status: 'overdue' });
    expect(paidBy(byId(obligations, 'payment:2026-Q1'), fold(obligationsDecider, events), '2026-05-03')).toBe(100_000);
    expect(statusOf('payment:2026-Q1', events, '2026-05-05T09:00:00.000Z')).toEqual({
      status: 'fulfilled',
      fulfilledOn: '2026-05-04',
      timeliness: 'late',
    });
  });

  it('a company commitment kept by accepted evidence', () => {
    const events = [
      evidenceRecorded('2026-06-20T00:00:00.000Z', { obligationId: 'commitment:training', when: '2026-06-18' }, COMPANY),
      evidenceAccepted('2026-06-21T00:00:00.000Z', 'ev-1', 'commitment:training', DISTRIBUTOR),
    ];
    expect(statusOf('commitment:training', events, '2026-07-01')).toEqual({
      status: 'fulfilled',
      fulfilledOn: '2026-06-18',
      timeliness: 'on-time',
    });
  });
});
