import { fold } from '../shared/types';
import { disputeDecider } from './dispute';
import type { DisputeEvent } from './events';
import { disputeParties, isDispute, isPartyTo, latestProposal, openProposal, otherParty, type Dispute, type DisputeState } from './state';
import {
  COMPANY,
  D1,
  D2,
  evidenceAdded,
  noteAdded,
  opened,
  OPENED_AT,
  outcome,
  proposed,
  resolvedByAgreement,
  resolvedByCompliance,
  withdrawn,
} from './testing/fixtures';

const T1 = '2026-03-03T10:00:00.000Z';
const T2 = '2026-03-04T10:00:00.000Z';
const T3 = '2026-03-05T10:00:00.000Z';

const stateOf = (events: DisputeEvent[]): DisputeState => fold(disputeDecider, events);
const disputeOf = (events: DisputeEvent[]): Dispute => {
  const state = stateOf(events);
  if (!isDispute(state)) throw new Error('expected an opened dispute');
  return state;
};
const statuses = (d: Dispute) => d.proposals.map((p) => p.status);

describe('dispute state', () => {
  it('starts as none', () => {
    expect(stateOf([])).toEqual({ status: 'none' });
  });

  it('folds the whole timeline: who said and showed what, and how it ended', () => {
    const d = disputeOf([
      opened(),
      noteAdded(D1, T1),
      evidenceAdded(COMPANY, T1),
      proposed(1, COMPANY, T2),
      proposed(2, D1, T2, outcome('to d-1', D1)),
      resolvedByAgreement({ proposalNo: 2, proposedBy: D1, agreedBy: COMPANY, outcome: outcome('to d-1', D1) }, T3),
    ]);
    expect(d).toEqual({
      status: 'resolved',
      disputeId: 'dsp-1',
      subject: { kind: 'client', clientId: 'cl-1' },
      parties: [D1, COMPANY],
      openedBy: D1,
      summary: 'The client has bought from us since 2024',
      origin: { kind: 'direct' },
      openedAt: OPENED_AT,
      notes: [{ noteId: 'n-1', by: D1, text: 'We have invoices from 2024', addedAt: T1 }],
      evidence: [
        { evidenceId: 'ev-1', by: COMPANY, reference: 'dms://invoices/2024/0042', description: 'Invoice of March 2024', addedAt: T1 },
      ],
      proposals: [
        { proposalNo: 1, by: COMPANY, outcome: outcome(), proposedAt: T2, status: 'superseded' },
        { proposalNo: 2, by: D1, outcome: outcome('to d-1', D1), proposedAt: T2, status: 'accepted' },
      ],
      resolution: {
        by: { kind: 'agreement', proposalNo: 2, proposedBy: D1, agreedBy: COMPANY },
        outcome: outcome('to d-1', D1),
        resolvedAt: T3,
      },
    });
  });

  it('a new proposal supersedes the open one, whoever made it', () => {
    const d = disputeOf([opened(), proposed(1, COMPANY, T1), proposed(2, COMPANY, T2)]);
    expect(statuses(d)).toEqual(['superseded', 'open']);
    expect(openProposal(d)?.proposalNo).toBe(2);
    expect(latestProposal(d)?.proposalNo).toBe(2);
  });

  it('a proposal still open when compliance decides or the opener withdraws lapses', () => {
    const decided = disputeOf([opened(), proposed(1, COMPANY, T1), proposed(2, D1, T1), resolvedByCompliance(T2)]);
    expect(statuses(decided)).toEqual(['superseded', 'lapsed']);
    expect(decided.resolution).toEqual({ by: { kind: 'compliance', userId: 'auditor' }, outcome: outcome(), resolvedAt: T2 });
    expect(openProposal(decided)).toBeUndefined();

    const dropped = disputeOf([opened(), proposed(1, COMPANY, T1), withdrawn(T2)]);
    expect(dropped.status).toBe('withdrawn');
    expect(statuses(dropped)).toEqual(['lapsed']);
    expect(dropped.withdrawal).toEqual({ by: D1, reason: 'Settled by phone', withdrawnAt: T2 });
  });

  it('ignores anything before the opening', () => {
    expect(stateOf([noteAdded(D1, T1), withdrawn(T1)])).toEqual({ status: 'none' });
  });
});

describe('dispute helpers', () => {
  it('isPartyTo: exactly the two sides of an opened dispute', () => {
    const state = stateOf([opened()]);
    expect(isPartyTo(state, D1)).toBe(true);
    expect(isPartyTo(state, { party: 'company' })).toBe(true);
    expect(isPartyTo(state, D2)).toBe(false);
    expect(isPartyTo(state, undefined)).toBe(false);
    expect(isPartyTo(stateOf([]), COMPANY)).toBe(false);
  });

  it('disputeParties: the two parties’ keys', () => {
    expect(disputeParties(opened())).toEqual(['distributor:d-1', 'company']);
    expect(disputeParties(opened({ parties: [D1, D2] }))).toEqual(['distributor:d-1', 'distributor:d-2']);
  });

  it('otherParty: the side facing the given one', () => {
    const d = disputeOf([opened()]);
    expect(otherParty(d, D1)).toEqual(COMPANY);
    expect(otherParty(d, COMPANY)).toEqual(D1);
  });

  it('latestProposal and openProposal: none before any proposal', () => {
    const d = disputeOf([opened()]);
    expect(latestProposal(d)).toBeUndefined();
    expect(openProposal(d)).toBeUndefined();
  });
});
