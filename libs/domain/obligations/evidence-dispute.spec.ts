import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import { obligationsDecider } from './obligations';
import { scorecard } from './scorecard';
import { evidenceCoverage, obligationStatus } from './status';
import {
  acceptCmd,
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  byId,
  disputeCmd,
  evidenceAccepted,
  evidenceDisputed,
  evidenceDisputeResolved,
  evidenceRecorded,
  QUAL,
  recordEvidenceCmd,
  refusalOf,
  sampleObligations,
  settleDisputeCmd,
} from './testing/fixtures';

const spec = deciderSpec(obligationsDecider);
const RECORDED = '2026-06-20T09:00:00.000Z';
const DISPUTED = '2026-06-25T09:00:00.000Z';
const ENDED = '2026-07-10T09:00:00.000Z';
const LATER = '2026-07-11T09:00:00.000Z';
/** Both certificates in one evidence, obtained on 20 May (before the 30 June deadline), then disputed. */
const disputed = [evidenceRecorded(RECORDED, { count: 2 }), evidenceDisputed(DISPUTED)];
const qualification = byId(sampleObligations(), QUAL);

describe('obligations: the end of a dispute about evidence', () => {
  it('the dispute process records that the dispute upheld the evidence', () => {
    spec
      .given(disputed)
      .when(settleDisputeCmd(asSystem(ENDED), 'upheld'))
      .then([evidenceDisputeResolved(ENDED, 'upheld')]);
  });

  it('records how the dispute ended: by agreement, or withdrawn by the party that disputed', () => {
    const agreement = { kind: 'agreement' as const, proposedBy: 'distributor' as const, agreedBy: 'company' as const };
    spec
      .given(disputed)
      .when(settleDisputeCmd(asSystem(ENDED), 'rejected', 'dsp-1', 'ev-1', agreement))
      .then([evidenceDisputeResolved(ENDED, 'rejected', 'dsp-1', 'ev-1', agreement)]);
    const withdrawal = { kind: 'withdrawal' as const, withdrawnBy: 'company' as const };
    spec
      .given(disputed)
      .when(settleDisputeCmd(asSystem(ENDED), 'upheld', 'dsp-1', 'ev-1', withdrawal))
      .then([evidenceDisputeResolved(ENDED, 'upheld', 'dsp-1', 'ev-1', withdrawal)]);
  });

  it('a redelivery of the same end records nothing', () => {
    spec
      .given([...disputed, evidenceDisputeResolved(ENDED, 'upheld')])
      .when(settleDisputeCmd(asSystem(LATER), 'upheld'))
      .then([]);
  });

  it('is recorded even when the evidence was accepted while the dispute ran: the dispute still ended', () => {
    spec
      .given([...disputed, evidenceAccepted('2026-07-01T09:00:00.000Z')])
      .when(settleDisputeCmd(asSystem(ENDED), 'rejected'))
      .then([evidenceDisputeResolved(ENDED, 'rejected')]);
  });

  it.each([
    ['the company', asCompany(ENDED)],
    ['the distributor', asDistributor(ENDED)],
    ['compliance', asCompliance(ENDED)],
  ])('%s may not record it: only the dispute process does', (_, context) => {
    const e = refusalOf(disputed, settleDisputeCmd(context, 'upheld'));
    expect([e.code, e.kind]).toEqual(['OBLIGATIONS.FORBIDDEN_PARTY', 'forbidden']);
  });

  it('only for the dispute the evidence names', () => {
    const e = refusalOf(disputed, settleDisputeCmd(asSystem(ENDED), 'upheld', 'dsp-9'));
    expect([e.code, e.kind, e.details]).toEqual([
      'OBLIGATIONS.EVIDENCE_NOT_IN_DISPUTE',
      'conflict',
      { evidenceId: 'ev-1', disputeId: 'dsp-9' },
    ]);
    expect(refusalOf([evidenceRecorded(RECORDED)], settleDisputeCmd(asSystem(ENDED), 'upheld')).code).toBe(
      'OBLIGATIONS.EVIDENCE_NOT_IN_DISPUTE',
    );
    expect(refusalOf([], settleDisputeCmd(asSystem(ENDED), 'upheld')).code).toBe('OBLIGATIONS.EVIDENCE_NOT_FOUND');
  });

  it('refuses an outcome other than upheld or rejected', () => {
    const e = refusalOf(disputed, settleDisputeCmd(asSystem(ENDED), 'maybe' as never));
    expect(e.details.errors).toEqual([{ field: 'outcome', message: 'must be one of upheld, rejected' }]);
  });
});

describe('obligations: what the end of a dispute does to the obligation', () => {
  const statusAt = (events: typeof disputed, asOf: string) => obligationStatus(qualification, fold(obligationsDecider, events), asOf);

  it('upheld: the evidence counts from the dispute’s end, dated by its own day, so the obligation is kept on time', () => {
    const events = [...disputed, evidenceDisputeResolved(ENDED, 'upheld')];
    expect(statusAt(events, '2026-07-09')).toEqual({ status: 'disputed', disputeIds: ['dsp-1'] });
    expect(statusAt(events, ENDED)).toEqual({ status: 'fulfilled', fulfilledOn: '2026-05-20', timeliness: 'on-time' });
  });

  it('rejected: the evidence does not count; the obligation is overdue again, no longer disputed', () => {
    const events = [...disputed, evidenceDisputeResolved(ENDED, 'rejected')];
    expect(statusAt(events, ENDED)).toEqual({ status: 'overdue' });
    expect(evidenceCoverage(qualification, fold(obligationsDecider, events), ENDED)).toEqual({
      required: 2,
      accepted: 0,
      pending: 0,
      disputed: 0,
      rejected: 2,
    });
  });

  it('the scorecard moves the obligation out of "disputed"', () => {
    const obligations = sampleObligations();
    const row = (events: typeof disputed) => scorecard(obligations, fold(obligationsDecider, events), LATER, 'distributor')[0];
    expect(row(disputed)).toMatchObject({ disputed: 1 });
    expect(row([...disputed, evidenceDisputeResolved(ENDED, 'upheld')])).toMatchObject({ disputed: 0, onTime: 1 });
  });

  it('rejected evidence is final: the protected party cannot accept it afterwards, and the responsible party records new evidence', () => {
    const rejected = [...disputed, evidenceDisputeResolved(ENDED, 'rejected')];
    const e = refusalOf(rejected, acceptCmd(asCompany(LATER)));
    expect([e.code, e.details]).toEqual(['OBLIGATIONS.EVIDENCE_REJECTED', { evidenceId: 'ev-1', disputeId: 'dsp-1' }]);
    expect(refusalOf(rejected, disputeCmd(asCompany(LATER), 'dsp-2')).code).toBe('OBLIGATIONS.EVIDENCE_DISPUTED');
    spec
      .given(rejected)
      .when(recordEvidenceCmd(asDistributor(LATER), { evidenceId: 'ev-2', when: '2026-07-11', count: 2 }))
      .then([evidenceRecorded(LATER, { evidenceId: 'ev-2', when: '2026-07-11', count: 2 })]);
  });

  it('upheld evidence counts already: accepting it records nothing', () => {
    spec
      .given([...disputed, evidenceDisputeResolved(ENDED, 'upheld')])
      .when(acceptCmd(asCompany(LATER)))
      .then([]);
  });
});
