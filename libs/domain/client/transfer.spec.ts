import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import { clientDecider } from './client';
import type { ClientCommand, PolicyInForce } from './commands';
import type { ClientEvent } from './events';
import type { Client } from './state';
import {
  asCompany,
  asDistributor,
  claimedByD1,
  CLIENT_ID,
  COMPANY,
  D1,
  D2,
  policyInForce,
  refusalOf,
  registered,
  transferContested,
  transferred,
  transferRequested,
} from './testing/fixtures';

const spec = deciderSpec(clientDecider);
const REQUESTED = '2026-03-01T09:00:00.000Z';
const LATER = '2026-03-02T09:00:00.000Z';
const OWNED_BY_D1 = [registered(), claimedByD1()];
const REQUESTED_BY_COMPANY = [...OWNED_BY_D1, transferRequested(D1, COMPANY)];

type Ctx = ClientCommand['context'];
const request = (
  ctx: Ctx,
  policy: PolicyInForce | null = policyInForce(),
  requestId = 'req-1',
  reason = 'The client asked us for an offer',
): ClientCommand => ({
  type: 'RequestTransfer',
  data: { clientId: CLIENT_ID, requestId, reason, policy },
  context: ctx,
});
const accept = (ctx: Ctx, requestId = 'req-1'): ClientCommand => ({
  type: 'AcceptTransfer',
  data: { clientId: CLIENT_ID, requestId, transferId: 'tr-1' },
  context: ctx,
});
const contest = (ctx: Ctx, reason = 'We serve this client weekly', requestId = 'req-1'): ClientCommand => ({
  type: 'ContestTransfer',
  data: { clientId: CLIENT_ID, requestId, disputeId: 'disp-2', reason },
  context: ctx,
});
const withdraw = (ctx: Ctx, reason?: string, requestId = 'req-1'): ClientCommand => ({
  type: 'WithdrawTransferRequest',
  data: { clientId: CLIENT_ID, requestId, ...(reason === undefined ? {} : { reason }) },
  context: ctx,
});
const requestOf = (events: ClientEvent[], requestId = 'req-1') => (fold(clientDecider, events) as Client).transferRequests[requestId];

describe('client: requesting a transfer', () => {
  it('the side the client turned to asks the owner, due within the policy’s hand-over days', () => {
    spec
      .given(OWNED_BY_D1)
      .when(request(asCompany(REQUESTED)))
      .then([transferRequested(D1, COMPANY)]);
    const [event] = clientDecider.decide(request(asCompany(REQUESTED)), fold(clientDecider, OWNED_BY_D1));
    expect(event.data).toMatchObject({ handOverDays: 14, requestedAt: REQUESTED, dueBy: '2026-03-15T09:00:00.000Z' });
  });

  it('the hand-over days are those of the policy given', () => {
    const d2Policy = policyInForce('d-2', { territories: ['PL'], handOverDays: 3 });
    const [event] = clientDecider.decide(request(asDistributor(REQUESTED, 'd-2'), d2Policy), fold(clientDecider, OWNED_BY_D1));
    expect(event).toMatchObject({
      type: 'ClientTransferRequested',
      data: { from: D1, to: D2, policyId: 'd-2-2026', handOverDays: 3, dueBy: '2026-03-04T09:00:00.000Z' },
    });
  });

  it('needs a policy in force between the two sides', () => {
    spec
      .given(OWNED_BY_D1)
      .when(request(asCompany(REQUESTED), null))
      .thenThrows('CLIENT.NO_POLICY_IN_FORCE');
    spec
      .given(OWNED_BY_D1)
      .when(request(asCompany(REQUESTED), policyInForce('d-3')))
      .thenThrows('CLIENT.NO_POLICY_IN_FORCE');
  });

  it('the client must be registered and owned: an unowned client is claimed instead', () => {
    spec
      .given([])
      .when(request(asCompany(REQUESTED)))
      .thenThrows('CLIENT.NOT_FOUND');
    const refusal = refusalOf(clientDecider, [registered()], request(asCompany(REQUESTED)));
    expect(refusal.code).toBe('CLIENT.NOT_OWNED');
    expect(refusal.kind).toBe('conflict');
    expect(refusal.message).toContain('claim it instead');
  });

  it('the owner does not request its own client', () => {
    const refusal = refusalOf(clientDecider, OWNED_BY_D1, request(asDistributor(REQUESTED)));
    expect(refusal.code).toBe('CLIENT.ALREADY_OWNER');
    expect(refusal.kind).toBe('conflict');
  });

  it('one pending request per requester; the refusal names it', () => {
    const refusal = refusalOf(clientDecider, REQUESTED_BY_COMPANY, request(asCompany(LATER), policyInForce(), 'req-2'));
    expect(refusal.code).toBe('CLIENT.TRANSFER_ALREADY_REQUESTED');
    expect(refusal.kind).toBe('conflict');
    expect(refusal.details).toEqual({ requestId: 'req-1' });
  });

  it('another side’s pending request does not block one', () => {
    const d2Policy = policyInForce('d-2', { territories: ['PL'] });
    const [event] = clientDecider.decide(
      request(asDistributor(LATER, 'd-2'), d2Policy, 'req-2'),
      fold(clientDecider, REQUESTED_BY_COMPANY),
    );
    expect(event).toMatchObject({ type: 'ClientTransferRequested', data: { requestId: 'req-2', to: D2 } });
  });

  it('after withdrawing, the requester may ask again', () => {
    const withdrawn: ClientEvent = {
      type: 'ClientTransferRequestWithdrawn',
      data: { clientId: CLIENT_ID, requestId: 'req-1', withdrawnAt: LATER },
    };
    spec
      .given([...REQUESTED_BY_COMPANY, withdrawn])
      .when(request(asCompany(LATER), policyInForce(), 'req-2'))
      .then([transferRequested(D1, COMPANY, 'req-2', LATER)]);
  });

  it.each([
    ['blank', '   '],
    ['over 1000 characters', 'x'.repeat(1001)],
  ])('refuses a %s reason', (_, reason) => {
    const refusal = refusalOf(clientDecider, OWNED_BY_D1, request(asCompany(REQUESTED), policyInForce(), 'req-1', reason));
    expect(refusal.code).toBe('CLIENT.INVALID_COMMAND');
    expect(refusal.details.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
  });
});

describe('client: answering a transfer request', () => {
  it('the owner accepts: the client goes to the requester', () => {
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(accept(asDistributor(LATER)))
      .then([transferred(D1, COMPANY, { kind: 'request', requestId: 'req-1' }, LATER)]);
  });

  it('accepting after the due date is still accepting', () => {
    const late = '2026-04-30T09:00:00.000Z';
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(accept(asDistributor(late)))
      .then([transferred(D1, COMPANY, { kind: 'request', requestId: 'req-1' }, late)]);
  });

  it('only the owner accepts', () => {
    const refusal = refusalOf(clientDecider, REQUESTED_BY_COMPANY, accept(asCompany(LATER)));
    expect(refusal.code).toBe('CLIENT.NOT_OWNER');
    expect(refusal.kind).toBe('forbidden');
  });

  it('an unknown request is not found', () => {
    const refusal = refusalOf(clientDecider, REQUESTED_BY_COMPANY, accept(asDistributor(LATER), 'req-9'));
    expect(refusal.code).toBe('CLIENT.TRANSFER_REQUEST_NOT_FOUND');
    expect(refusal.kind).toBe('not_found');
  });

  it('a contested request can no longer be accepted', () => {
    const refusal = refusalOf(clientDecider, [...REQUESTED_BY_COMPANY, transferContested()], accept(asDistributor(LATER)));
    expect(refusal.code).toBe('CLIENT.TRANSFER_REQUEST_NOT_PENDING');
    expect(refusal.kind).toBe('conflict');
    expect(refusal.details).toEqual({ requestId: 'req-1', status: 'contested' });
  });

  it('the owner contests: a dispute opens and the request is contested', () => {
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(contest(asDistributor('2026-03-02T09:00:00.000Z')))
      .then([transferContested()]);
    expect(requestOf([...REQUESTED_BY_COMPANY, transferContested()])).toMatchObject({ status: 'contested', disputeId: 'disp-2' });
  });

  it('a contest needs a reason, comes from the owner only, and only while pending', () => {
    expect(refusalOf(clientDecider, REQUESTED_BY_COMPANY, contest(asDistributor(LATER), ' ')).details.errors).toEqual([
      { field: 'reason', message: 'must be a non-empty string' },
    ]);
    const noDispute: ClientCommand = {
      type: 'ContestTransfer',
      data: { clientId: CLIENT_ID, requestId: 'req-1', disputeId: '', reason: 'ours' },
      context: asDistributor(LATER),
    };
    expect(refusalOf(clientDecider, REQUESTED_BY_COMPANY, noDispute).details.errors).toEqual([
      { field: 'disputeId', message: 'must be a non-empty string' },
    ]);
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(contest(asCompany(LATER)))
      .thenThrows('CLIENT.NOT_OWNER');
    spec
      .given([...REQUESTED_BY_COMPANY, transferContested()])
      .when(contest(asDistributor(LATER)))
      .thenThrows('CLIENT.TRANSFER_REQUEST_NOT_PENDING');
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(contest(asDistributor(LATER), 'no', 'req-9'))
      .thenThrows('CLIENT.TRANSFER_REQUEST_NOT_FOUND');
  });

  it('an accepted request is final', () => {
    const accepted = [...REQUESTED_BY_COMPANY, transferred(D1, COMPANY, { kind: 'request', requestId: 'req-1' }, LATER)];
    expect(requestOf(accepted)).toMatchObject({ status: 'accepted', closedAt: LATER });
    expect(refusalOf(clientDecider, accepted, accept(asCompany(LATER))).details).toEqual({ requestId: 'req-1', status: 'accepted' });
  });
});

describe('client: withdrawing a transfer request', () => {
  it('the requester withdraws, with or without a reason', () => {
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(withdraw(asCompany(LATER), 'Sorted out by phone'))
      .then([
        {
          type: 'ClientTransferRequestWithdrawn',
          data: { clientId: CLIENT_ID, requestId: 'req-1', reason: 'Sorted out by phone', withdrawnAt: LATER },
        },
      ]);
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(withdraw(asCompany(LATER)))
      .then([{ type: 'ClientTransferRequestWithdrawn', data: { clientId: CLIENT_ID, requestId: 'req-1', withdrawnAt: LATER } }]);
  });

  it('only the requester withdraws', () => {
    const refusal = refusalOf(clientDecider, REQUESTED_BY_COMPANY, withdraw(asDistributor(LATER)));
    expect(refusal.code).toBe('CLIENT.NOT_REQUESTER');
    expect(refusal.kind).toBe('forbidden');
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(withdraw(asDistributor(LATER, 'd-2')))
      .thenThrows('CLIENT.NOT_REQUESTER');
  });

  it('only while pending, and a given reason must not be blank', () => {
    spec
      .given([...REQUESTED_BY_COMPANY, transferContested()])
      .when(withdraw(asCompany(LATER)))
      .thenThrows('CLIENT.TRANSFER_REQUEST_NOT_PENDING');
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(withdraw(asCompany(LATER), ''))
      .thenThrows('CLIENT.INVALID_COMMAND');
    spec
      .given(REQUESTED_BY_COMPANY)
      .when(withdraw(asCompany(LATER), undefined, 'req-9'))
      .thenThrows('CLIENT.TRANSFER_REQUEST_NOT_FOUND');
  });

  it('a withdrawn request is closed', () => {
    const withdrawn: ClientEvent = {
      type: 'ClientTransferRequestWithdrawn',
      data: { clientId: CLIENT_ID, requestId: 'req-1', withdrawnAt: LATER },
    };
    expect(requestOf([...REQUESTED_BY_COMPANY, withdrawn])).toMatchObject({ status: 'withdrawn', closedAt: LATER });
    spec
      .given([...REQUESTED_BY_COMPANY, withdrawn])
      .when(accept(asDistributor(LATER)))
      .thenThrows('CLIENT.TRANSFER_REQUEST_NOT_PENDING');
  });
});

describe('client: other pending requests when ownership changes', () => {
  const TWO_REQUESTS = [...REQUESTED_BY_COMPANY, transferRequested(D1, D2, 'req-2')];

  it('accepting one request supersedes the others', () => {
    const after = [...TWO_REQUESTS, transferred(D1, COMPANY, { kind: 'request', requestId: 'req-1' }, LATER)];
    expect(requestOf(after, 'req-1')?.status).toBe('accepted');
    expect(requestOf(after, 'req-2')).toMatchObject({ status: 'superseded', closedAt: LATER });
    expect(refusalOf(clientDecider, after, accept(asCompany(LATER), 'req-2')).details).toEqual({
      requestId: 'req-2',
      status: 'superseded',
    });
  });

  it('a hand-over on the owner’s initiative or a release supersedes every pending request', () => {
    const handedOver = [...TWO_REQUESTS, transferred(D1, COMPANY, { kind: 'owner-initiative' }, LATER)];
    expect([requestOf(handedOver, 'req-1')?.status, requestOf(handedOver, 'req-2')?.status]).toEqual(['superseded', 'superseded']);
    const release: ClientEvent = { type: 'ClientReleased', data: { clientId: CLIENT_ID, from: D1, reason: 'gone', releasedAt: LATER } };
    expect(requestOf([...TWO_REQUESTS, release], 'req-2')?.status).toBe('superseded');
  });

  it('a contested request is left to its dispute', () => {
    const after = [...TWO_REQUESTS, transferContested(), transferred(D1, D2, { kind: 'request', requestId: 'req-2' }, LATER)];
    expect(requestOf(after, 'req-1')?.status).toBe('contested');
  });

  it('once superseded, the requester may ask the new owner', () => {
    const after = [...TWO_REQUESTS, transferred(D1, COMPANY, { kind: 'request', requestId: 'req-1' }, LATER)];
    const d2Policy = policyInForce('d-2', { territories: ['PL'] });
    const [event] = clientDecider.decide(request(asDistributor(LATER, 'd-2'), d2Policy, 'req-3'), fold(clientDecider, after));
    expect(event).toMatchObject({ type: 'ClientTransferRequested', data: { requestId: 'req-3', from: COMPANY, to: D2 } });
  });
});
