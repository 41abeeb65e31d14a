import type { Side } from '../shared/sides';
import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import { clientDecider } from './client';
import type { ClientCommand } from './commands';
import type { ClientEvent } from './events';
import type { Client } from './state';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  claimContested,
  claimedByD1,
  CLIENT_ID,
  D1,
  D2,
  disputeSettled,
  judgement,
  policyInForce,
  refusalOf,
  registered,
  released,
  transferContested,
  transferred,
  transferRequested,
} from './testing/fixtures';

const spec = deciderSpec(clientDecider);
const NOW = '2026-03-10T09:00:00.000Z';
const D2_POLICY = policyInForce('d-2', { territories: ['PL'] });
const CONTESTED_BY_D2: ClientEvent[] = [
  registered(),
  claimedByD1(),
  claimContested(
    D2,
    { judgements: [judgement('default', 'distributor', D2_POLICY)] },
    D1,
    { kind: 'claim', basis: { judgements: [judgement('default', 'distributor')] }, at: '2026-02-02T09:00:00.000Z' },
    'disp-1',
  ),
];
type Data = Extract<ClientCommand, { type: 'SettleClientDispute' }>['data'];
const settle = (data: Partial<Data> = {}, ctx: ClientCommand['context'] = asSystem(NOW)): ClientCommand => ({
  type: 'SettleClientDispute',
  data: { clientId: CLIENT_ID, disputeId: 'disp-1', resolution: 'resolved', transferId: 'tr-9', ...data },
  context: ctx,
});
const stateAfter = (events: ClientEvent[]) => fold(clientDecider, events) as Client;
const movedByDispute = (from: Side | null, to: Side, disputeId = 'disp-1') =>
  transferred(from, to, { kind: 'dispute', disputeId }, NOW, 'tr-9');

describe('client: a dispute about the client is settled', () => {
  it('an outcome that moves the client transfers it, then records the settlement', () => {
    spec
      .given(CONTESTED_BY_D2)
      .when(settle({ clientOwner: D2 }))
      .then([movedByDispute(D1, D2), disputeSettled('disp-1', D2, NOW)]);
  });

  it('an outcome that keeps the owner records only the settlement', () => {
    spec
      .given(CONTESTED_BY_D2)
      .when(settle({ clientOwner: D1 }))
      .then([disputeSettled('disp-1', D1, NOW)]);
  });

  it('a withdrawn dispute, with no owner named, leaves the owner as is', () => {
    spec
      .given(CONTESTED_BY_D2)
      .when(settle({ resolution: 'withdrawn' }))
      .then([disputeSettled('disp-1', D1, NOW, 'withdrawn')]);
  });

  it('a client released meanwhile is given to the side the outcome names, from no one', () => {
    spec
      .given([...CONTESTED_BY_D2, released(D1, '2026-03-01T09:00:00.000Z')])
      .when(settle({ clientOwner: D2 }))
      .then([movedByDispute(null, D2), disputeSettled('disp-1', D2, NOW)]);
    spec
      .given([...CONTESTED_BY_D2, released(D1, '2026-03-01T09:00:00.000Z')])
      .when(settle())
      .then([disputeSettled('disp-1', null, NOW)]);
  });

  it('a second delivery of the same settlement records nothing', () => {
    const settled = [...CONTESTED_BY_D2, movedByDispute(D1, D2), disputeSettled('disp-1', D2, NOW)];
    spec
      .given(settled)
      .when(settle({ clientOwner: D2 }))
      .then([]);
    spec
      .given(settled)
      .when(settle({ clientOwner: D1 }))
      .then([]);
  });

  it('a dispute opened directly about the client (no contest on this stream) is settled all the same', () => {
    spec
      .given([registered(), claimedByD1()])
      .when(settle({ disputeId: 'disp-direct', clientOwner: D2 }))
      .then([movedByDispute(D1, D2, 'disp-direct'), disputeSettled('disp-direct', D2, NOW)]);
  });

  it('only the dispute-settlement process (the system) settles', () => {
    for (const ctx of [asCompany(NOW), asDistributor(NOW), asCompliance(NOW)]) {
      const refusal = refusalOf(clientDecider, CONTESTED_BY_D2, settle({ clientOwner: D2 }, ctx));
      expect(refusal.code).toBe('CLIENT.FORBIDDEN_PARTY');
      expect(refusal.kind).toBe('forbidden');
    }
  });

  it('about a registered client, naming a valid side', () => {
    spec.given([]).when(settle()).thenThrows('CLIENT.NOT_FOUND');
    expect(refusalOf(clientDecider, CONTESTED_BY_D2, settle({ clientOwner: { party: 'distributor' } as never })).details.errors).toEqual([
      { field: 'clientOwner.distributorId', message: 'must be a non-empty string' },
    ]);
    expect(refusalOf(clientDecider, CONTESTED_BY_D2, settle({ resolution: 'decided' as never })).details.errors).toEqual([
      { field: 'resolution', message: 'must be one of resolved, withdrawn' },
    ]);
  });

  describe('what settling changes in the state', () => {
    it('closes the open contest and remembers the dispute as settled', () => {
      expect(stateAfter(CONTESTED_BY_D2).openContests).toEqual([
        { disputeId: 'disp-1', claimant: D2, owner: D1, contestedAt: '2026-02-03T09:00:00.000Z' },
      ]);
      const after = stateAfter([...CONTESTED_BY_D2, disputeSettled('disp-1', D1, NOW)]);
      expect(after.openContests).toEqual([]);
      expect(after.settledDisputeIds).toEqual(['disp-1']);
      expect(after.owner).toEqual(D1);
    });

    it('closes the contested transfer request, whichever way the dispute went', () => {
      const contested = [registered(), claimedByD1(), transferRequested(D1, D2), transferContested('req-1', 'disp-2')];
      const kept = stateAfter([...contested, disputeSettled('disp-2', D1, NOW)]);
      expect(kept.transferRequests['req-1']).toMatchObject({ status: 'closed', disputeId: 'disp-2', closedAt: NOW });
      const moved = stateAfter([...contested, movedByDispute(D1, D2, 'disp-2'), disputeSettled('disp-2', D2, NOW)]);
      expect(moved.transferRequests['req-1']).toMatchObject({ status: 'closed', closedAt: NOW });
      expect(moved.owner).toEqual(D2);
      expect(moved.ownershipBasis).toEqual({
        kind: 'transfer',
        transferId: 'tr-9',
        cause: { kind: 'dispute', disputeId: 'disp-2' },
        at: NOW,
      });
    });

    it('leaves other disputes open', () => {
      const two = [
        ...CONTESTED_BY_D2,
        claimContested(
          { party: 'company' },
          { judgements: [] },
          D1,
          { kind: 'claim', basis: { judgements: [judgement('default', 'distributor')] }, at: '2026-02-02T09:00:00.000Z' },
          'disp-3',
        ),
      ];
      expect(stateAfter([...two, disputeSettled('disp-1', D1, NOW)]).openContests.map((c) => c.disputeId)).toEqual(['disp-3']);
    });
  });
});
