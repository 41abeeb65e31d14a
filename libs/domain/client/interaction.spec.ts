import { deciderSpec } from '../testing/decider-spec';
import { clientDecider } from './client';
import type { ClientCommand } from './commands';
import type { ClientEvent, InteractionKind } from './events';
import { asCompany, asDistributor, claimedByD1, CLIENT_ID, COMPANY, D1, refusalOf, registered } from './testing/fixtures';

const spec = deciderSpec(clientDecider);
const NOW = '2026-03-05T09:00:00.000Z';
type Data = Extract<ClientCommand, { type: 'LogInteraction' }>['data'];
const log = (ctx: ClientCommand['context'], data: Partial<Data> = {}): ClientCommand => ({
  type: 'LogInteraction',
  data: {
    clientId: CLIENT_ID,
    interactionId: 'int-1',
    kind: 'call',
    summary: 'Discussed the spring order',
    occurredAt: '2026-03-04T15:30:00.000Z',
    ...data,
  },
  context: ctx,
});
const logged = (loggedBy: typeof D1, occurredAt = '2026-03-04T15:30:00.000Z', kind: InteractionKind = 'call'): ClientEvent => ({
  type: 'ClientInteractionLogged',
  data: { clientId: CLIENT_ID, interactionId: 'int-1', kind, summary: 'Discussed the spring order', occurredAt, loggedBy, loggedAt: NOW },
});
const fieldErrors = (command: ClientCommand) => refusalOf(clientDecider, [registered()], command).details.errors;

describe('client: the shared history', () => {
  it('either side logs its work with the client, owner or not', () => {
    spec
      .given([registered(), claimedByD1()])
      .when(log(asCompany(NOW)))
      .then([logged(COMPANY)]);
    spec
      .given([registered(), claimedByD1()])
      .when(log(asDistributor(NOW)))
      .then([logged(D1)]);
  });

  it('on a registered client only', () => {
    spec
      .given([])
      .when(log(asCompany(NOW)))
      .thenThrows('CLIENT.NOT_FOUND');
  });

  it('stores when it happened as a UTC instant, whether given as an instant with an offset or a date', () => {
    spec
      .given([registered()])
      .when(log(asCompany(NOW), { occurredAt: '2026-03-04T16:30:00+01:00' }))
      .then([logged(COMPANY, '2026-03-04T15:30:00.000Z')]);
    spec
      .given([registered()])
      .when(log(asCompany(NOW), { occurredAt: '2026-03-04', kind: 'visit' }))
      .then([logged(COMPANY, '2026-03-04T00:00:00.000Z', 'visit')]);
  });

  it('allows a few minutes of clock difference, no more', () => {
    spec
      .given([registered()])
      .when(log(asCompany(NOW), { occurredAt: '2026-03-05T09:05:00.000Z' }))
      .then([logged(COMPANY, '2026-03-05T09:05:00.000Z')]);
    expect(fieldErrors(log(asCompany(NOW), { occurredAt: '2026-03-05T09:05:00.001Z' }))).toEqual([
      { field: 'occurredAt', message: 'must not be in the future' },
    ]);
  });

  it('names every invalid field', () => {
    expect(fieldErrors(log(asCompany(NOW), { kind: 'lunch' as never, summary: ' ', occurredAt: '2026-03-04T15:30:00' }))).toEqual([
      { field: 'kind', message: 'must be one of call, meeting, email, visit, offer, complaint, other' },
      { field: 'summary', message: 'must be a non-empty string' },
      { field: 'occurredAt', message: expect.stringContaining('with an offset') },
    ]);
  });

  it.each<[string, Partial<Data>, string]>([
    ['a summary over 2000 characters', { summary: 's'.repeat(2001) }, 'summary'],
    ['no such date', { occurredAt: '2026-02-30' }, 'occurredAt'],
    ['a missing interaction id', { interactionId: '' }, 'interactionId'],
  ])('refuses %s', (_, data, field) => {
    expect(fieldErrors(log(asCompany(NOW), data))).toEqual([{ field, message: expect.any(String) }]);
  });

  it('a summary of exactly 2000 characters is fine', () => {
    const [event] = clientDecider.decide(
      log(asCompany(NOW), { summary: 's'.repeat(2000) }),
      clientDecider.evolve(clientDecider.initialState(), registered()),
    );
    expect(event.type).toBe('ClientInteractionLogged');
  });
});
