import type { Actor } from '../shared/types';
import { clientDecider } from './client';
import type { ClientCommand } from './commands';
import type { Client } from './state';
import { fold } from '../shared/types';
import {
  at,
  claimedByD1,
  CLIENT_ID,
  COMPANY,
  D1,
  D2,
  policyInForce,
  refusalOf,
  registered,
  registration,
  transferRequested,
} from './testing/fixtures';

const NOW = '2026-03-05T09:00:00.000Z';
const GIVEN = [registered(), claimedByD1(), transferRequested(D1, COMPANY)];

/** One command of every kind, valid for GIVEN when issued by the right side. */
const commands: Array<[ClientCommand['type'], ClientCommand['data']]> = [
  ['RegisterClient', registration({ clientId: 'c-2' })],
  ['ClaimClient', { clientId: CLIENT_ID, policies: [policyInForce()], disputeId: 'disp-1' }],
  ['RequestTransfer', { clientId: CLIENT_ID, requestId: 'req-2', reason: 'asked', policy: policyInForce('d-2', { territories: ['PL'] }) }],
  ['AcceptTransfer', { clientId: CLIENT_ID, requestId: 'req-1', transferId: 'tr-1' }],
  ['ContestTransfer', { clientId: CLIENT_ID, requestId: 'req-1', disputeId: 'disp-2', reason: 'ours' }],
  ['WithdrawTransferRequest', { clientId: CLIENT_ID, requestId: 'req-1' }],
  ['HandOverClient', { clientId: CLIENT_ID, transferId: 'tr-1', to: D2, reason: 'theirs now' }],
  ['ReleaseClient', { clientId: CLIENT_ID, reason: 'inactive' }],
  ['LogInteraction', { clientId: CLIENT_ID, interactionId: 'i-1', kind: 'call', summary: 'called', occurredAt: NOW }],
  ['SettleClientDispute', { clientId: CLIENT_ID, disputeId: 'disp-1', resolution: 'resolved', transferId: 'tr-1' }],
];
const command = (type: ClientCommand['type'], data: ClientCommand['data'], actor: Actor): ClientCommand =>
  ({ type, data, context: { now: at(NOW), actor } }) as ClientCommand;
const compliance: Actor = { party: 'compliance', userId: 'auditor' };
const system: Actor = { party: 'system', userId: 'dispute-settlement' };

describe('client: who may issue client commands', () => {
  it.each(commands)('compliance only reads: %s is refused', (type, data) => {
    const refusal = refusalOf(clientDecider, GIVEN, command(type, data, compliance));
    expect(refusal.code).toBe('CLIENT.FORBIDDEN_PARTY');
    expect(refusal.kind).toBe('forbidden');
    expect(refusal.details).toMatchObject({ party: 'compliance' });
  });

  it.each(commands.filter(([type]) => type !== 'SettleClientDispute'))('the system may not issue %s', (type, data) => {
    expect(refusalOf(clientDecider, GIVEN, command(type, data, system)).code).toBe('CLIENT.FORBIDDEN_PARTY');
  });

  it('the system settles disputes', () => {
    expect(clientDecider.decide(command('SettleClientDispute', commands[9][1], system), fold(clientDecider, GIVEN))).toHaveLength(1);
  });

  it.each(commands)('a distributor token naming no distributor is no side: %s is refused', (type, data) => {
    expect(refusalOf(clientDecider, GIVEN, command(type, data, { party: 'distributor', userId: 'jan' })).code).toBe(
      'CLIENT.FORBIDDEN_PARTY',
    );
  });

  it.each(
    commands.filter(
      ([type]) => !['SettleClientDispute', 'ClaimClient', 'AcceptTransfer', 'ContestTransfer', 'WithdrawTransferRequest'].includes(type),
    ),
  )('the right side may issue %s', (type, data) => {
    // GIVEN: d-1 owns the client and the company asked for it. The owner acts, except where the
    // requester (the company) must: d-2 requests, the company withdraws or logs.
    const actor: Actor =
      type === 'RequestTransfer'
        ? { party: 'distributor', userId: 'eva', distributorId: 'd-2' }
        : type === 'LogInteraction'
          ? { party: 'company', userId: 'ceo' }
          : { party: 'distributor', userId: 'jan', distributorId: 'd-1' };
    const state = type === 'RegisterClient' ? clientDecider.initialState() : fold(clientDecider, GIVEN);
    expect(clientDecider.decide(command(type, data, actor), state).length).toBeGreaterThan(0);
  });
});

describe('client: the state the API reads', () => {
  it('an unregistered client is just that', () => {
    expect(clientDecider.initialState()).toEqual({ status: 'unregistered' });
  });

  it('a registered one exposes its profile, owner and basis, requests, contests and settled disputes', () => {
    const state = fold(clientDecider, GIVEN) as Client;
    expect(state).toEqual({
      status: 'registered',
      clientId: CLIENT_ID,
      legalName: 'Hydro-Tech Sp. z o.o.',
      taxId: 'PL1234563218',
      territory: 'PL-MZ',
      segment: 'industrial',
      annualVolume: { minor: 50_000_000, currency: 'PLN' },
      relationships: [],
      registeredBy: D1,
      registeredAt: '2026-02-01T09:00:00.000Z',
      owner: D1,
      ownershipBasis: {
        kind: 'claim',
        basis: { judgements: [{ policyId: 'd-1-2026', termsVersion: 1, ruleId: 'default', assignedTo: 'distributor' }] },
        at: '2026-02-02T09:00:00.000Z',
      },
      transferRequests: {
        'req-1': {
          requestId: 'req-1',
          from: D1,
          to: COMPANY,
          reason: 'The client asked us for an offer',
          policyId: 'd-1-2026',
          handOverDays: 14,
          requestedAt: '2026-03-01T09:00:00.000Z',
          dueBy: '2026-03-15T09:00:00.000Z',
          status: 'pending',
        },
      },
      openContests: [],
      settledDisputeIds: [],
    });
  });

  it('ignores events of a stream that did not start with the registration', () => {
    expect(fold(clientDecider, [claimedByD1()])).toEqual({ status: 'unregistered' });
  });
});
