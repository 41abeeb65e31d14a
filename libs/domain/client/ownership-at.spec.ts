import { DomainError } from '../shared/errors';
import type { ClientEvent, OwnershipBasis } from './events';
import { eventInstant, ownershipAt } from './ownership-at';
import {
  claimContested,
  claimedByD1,
  COMPANY,
  D1,
  D2,
  disputeSettled,
  judgement,
  registered,
  released,
  transferContested,
  transferred,
  transferRequested,
} from './testing/fixtures';

const CLAIMED = '2026-02-02T09:00:00.000Z';
const HANDED = '2026-03-05T09:00:00.000Z';
const RELEASED = '2026-04-01T09:00:00.000Z';
const BY_DISPUTE = '2026-05-01T09:00:00.000Z';
const history: ClientEvent[] = [
  registered(D1, {}, '2026-02-01T09:00:00.000Z'),
  claimedByD1(CLAIMED),
  transferred(D1, COMPANY, { kind: 'owner-initiative' }, HANDED, 'tr-1'),
  released(COMPANY, RELEASED),
  transferred(null, D2, { kind: 'dispute', disputeId: 'disp-1' }, BY_DISPUTE, 'tr-2'),
  disputeSettled('disp-1', D2, BY_DISPUTE),
];
const claimBasis: OwnershipBasis = { kind: 'claim', basis: { judgements: [judgement('default', 'distributor')] }, at: CLAIMED };

describe('ownership at an instant', () => {
  it('before registration, and before any claim, no one owns the client', () => {
    expect(ownershipAt(history, '2026-01-15T00:00:00.000Z')).toEqual({ owner: null, basis: null });
    expect(ownershipAt(history, '2026-02-01T12:00:00.000Z')).toEqual({ owner: null, basis: null });
  });

  it('from the claim on, the claimant, with the claim’s basis', () => {
    expect(ownershipAt(history, CLAIMED)).toEqual({ owner: D1, basis: claimBasis });
    expect(ownershipAt(history, '2026-03-05T08:59:59.999Z')).toEqual({ owner: D1, basis: claimBasis });
  });

  it('between changes, the owner the latest change made, and the transfer that made it so', () => {
    expect(ownershipAt(history, '2026-03-20')).toEqual({
      owner: COMPANY,
      basis: { kind: 'transfer', transferId: 'tr-1', cause: { kind: 'owner-initiative' }, at: HANDED },
    });
  });

  it('after a release, no one until the next change', () => {
    expect(ownershipAt(history, '2026-04-15T00:00:00+02:00')).toEqual({ owner: null, basis: null });
  });

  it('after every change, the current owner', () => {
    const now = {
      owner: D2,
      basis: { kind: 'transfer', transferId: 'tr-2', cause: { kind: 'dispute', disputeId: 'disp-1' }, at: BY_DISPUTE },
    };
    expect(ownershipAt(history, new Date('2027-01-01T00:00:00.000Z'))).toEqual(now);
    expect(ownershipAt(history, BY_DISPUTE)).toEqual(now);
  });

  it('reads events in their envelopes too, by the fact’s own instant rather than when it was stored', () => {
    const stored = history.map((event) => ({ event, recordedAt: '2027-06-01T00:00:00.000Z' }));
    expect(ownershipAt(stored, '2026-03-20T00:00:00.000Z').owner).toEqual(COMPANY);
  });

  it('a date means 00:00 UTC of that day', () => {
    expect(ownershipAt(history, '2026-03-05').owner).toEqual(D1);
    expect(ownershipAt(history, '2026-03-06').owner).toEqual(COMPANY);
  });

  it('refuses an instant it cannot read the same way on every machine', () => {
    for (const bad of ['2026-03-05T09:00:00', 'yesterday', '2026-02-30']) {
      expect(() => ownershipAt(history, bad)).toThrow(DomainError);
    }
    let caught: unknown;
    try {
      ownershipAt(history, 'yesterday');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      code: 'CLIENT.INVALID_COMMAND',
      kind: 'invalid',
      details: { errors: [{ field: 'asOf', message: expect.any(String) }] },
    });
  });

  it('takes each event’s instant from its own timestamp field', () => {
    expect(history.map(eventInstant)).toEqual(['2026-02-01T09:00:00.000Z', CLAIMED, HANDED, RELEASED, BY_DISPUTE, BY_DISPUTE]);
    const others: ClientEvent[] = [
      claimContested(D2, { judgements: [] }, D1, claimBasis, 'disp-1', '2026-06-01T00:00:00.000Z'),
      transferRequested(D1, COMPANY, 'req-1', '2026-06-02T00:00:00.000Z'),
      { type: 'ClientTransferRequestWithdrawn', data: { clientId: 'c-1', requestId: 'req-1', withdrawnAt: '2026-06-03T00:00:00.000Z' } },
      transferContested('req-1', 'disp-2', '2026-06-04T00:00:00.000Z'),
      {
        type: 'ClientInteractionLogged',
        data: {
          clientId: 'c-1',
          interactionId: 'i',
          kind: 'call',
          summary: 's',
          occurredAt: '2026-05-20T10:00:00.000Z',
          loggedBy: D1,
          loggedAt: '2026-06-05T00:00:00.000Z',
        },
      },
    ];
    expect(others.map(eventInstant)).toEqual([1, 2, 3, 4, 5].map((d) => `2026-06-0${d}T00:00:00.000Z`));
  });

  it('a contest, a request or an interaction does not change the owner', () => {
    const busy: ClientEvent[] = [
      registered(),
      claimedByD1(CLAIMED),
      claimContested(D2, { judgements: [] }, D1, claimBasis, 'disp-1', '2026-02-03T00:00:00.000Z'),
      transferRequested(D1, COMPANY, 'req-1', '2026-02-04T00:00:00.000Z'),
    ];
    expect(ownershipAt(busy, '2026-02-05').owner).toEqual(D1);
  });
});
