import { deciderSpec } from '../testing/decider-spec';
import { clientDecider } from './client';
import type { ClientCommand } from './commands';
import type { Side } from '../shared/sides';
import { asCompany, asDistributor, claimedByD1, CLIENT_ID, COMPANY, D1, D2, refusalOf, registered, released } from './testing/fixtures';

const spec = deciderSpec(clientDecider);
const NOW = '2026-03-05T09:00:00.000Z';
const OWNED_BY_D1 = [registered(), claimedByD1()];
type Ctx = ClientCommand['context'];
const handOver = (ctx: Ctx, to: Side = COMPANY, reason = 'We stop serving the segment'): ClientCommand => ({
  type: 'HandOverClient',
  data: { clientId: CLIENT_ID, transferId: 'tr-7', to, reason },
  context: ctx,
});
const release = (ctx: Ctx, reason = 'No longer active in the segment'): ClientCommand => ({
  type: 'ReleaseClient',
  data: { clientId: CLIENT_ID, reason },
  context: ctx,
});

describe('client: the owner hands a client over', () => {
  it('to the other side, unasked, with a reason', () => {
    spec
      .given(OWNED_BY_D1)
      .when(handOver(asDistributor(NOW)))
      .then([
        {
          type: 'ClientTransferred',
          data: {
            clientId: CLIENT_ID,
            transferId: 'tr-7',
            from: D1,
            to: COMPANY,
            cause: { kind: 'owner-initiative' },
            reason: 'We stop serving the segment',
            transferredAt: NOW,
          },
        },
      ]);
  });

  it('or to another distributor; the side is recorded without anything else sent with it', () => {
    const [event] = clientDecider.decide(
      handOver(asDistributor(NOW), { party: 'distributor', distributorId: 'd-2', extra: 1 } as never),
      OWNED_BY_D1.reduce(clientDecider.evolve, clientDecider.initialState()),
    );
    expect(event.data).toMatchObject({ from: D1, to: D2 });
    expect((event.data as { to: object }).to).toEqual(D2);
  });

  it('only the owner hands over', () => {
    const refusal = refusalOf(clientDecider, OWNED_BY_D1, handOver(asCompany(NOW), D2));
    expect(refusal.code).toBe('CLIENT.NOT_OWNER');
    expect(refusal.kind).toBe('forbidden');
    spec
      .given([registered()])
      .when(handOver(asDistributor(NOW)))
      .thenThrows('CLIENT.NOT_OWNER');
    spec
      .given([])
      .when(handOver(asDistributor(NOW)))
      .thenThrows('CLIENT.NOT_FOUND');
  });

  it('not to itself', () => {
    spec
      .given(OWNED_BY_D1)
      .when(handOver(asDistributor(NOW), D1))
      .thenThrows('CLIENT.ALREADY_OWNER');
  });

  it('names every invalid field: the recipient and the reason', () => {
    const refusal = refusalOf(clientDecider, OWNED_BY_D1, handOver(asDistributor(NOW), { party: 'compliance' } as never, ''));
    expect(refusal.code).toBe('CLIENT.INVALID_COMMAND');
    expect(refusal.details.errors).toEqual([
      { field: 'to', message: expect.any(String) },
      { field: 'reason', message: 'must be a non-empty string' },
    ]);
  });
});

describe('client: the owner releases a client', () => {
  it('with a reason: the client has no owner afterwards', () => {
    spec
      .given(OWNED_BY_D1)
      .when(release(asDistributor('2026-04-01T09:00:00.000Z')))
      .then([released(D1)]);
  });

  it('only the owner releases, and only with a reason', () => {
    spec
      .given(OWNED_BY_D1)
      .when(release(asCompany(NOW)))
      .thenThrows('CLIENT.NOT_OWNER');
    spec
      .given([registered()])
      .when(release(asDistributor(NOW)))
      .thenThrows('CLIENT.NOT_OWNER');
    spec
      .given(OWNED_BY_D1)
      .when(release(asDistributor(NOW), ' '))
      .thenThrows('CLIENT.INVALID_COMMAND');
    spec
      .given(OWNED_BY_D1)
      .when(release(asDistributor(NOW), 'x'.repeat(1001)))
      .thenThrows('CLIENT.INVALID_COMMAND');
  });

  it('a released client can no longer be handed over or released by its former owner', () => {
    const gone = [...OWNED_BY_D1, released(D1)];
    spec
      .given(gone)
      .when(handOver(asDistributor(NOW)))
      .thenThrows('CLIENT.NOT_OWNER');
    spec
      .given(gone)
      .when(release(asDistributor(NOW)))
      .thenThrows('CLIENT.NOT_OWNER');
  });
});
