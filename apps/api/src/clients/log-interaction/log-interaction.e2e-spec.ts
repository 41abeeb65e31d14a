/** Interactions end to end: either side logs its work with a client it may see, into the shared history. */
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { CLIENTS } from '@cl/projections/clients/clients.projection';
import { ACME, BETA, ClientWorld, COMPANY_SIDE, sideOfDistributor } from '../testing/client-world';

describe('POST /clients/:id/interactions (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  const log = (who: string, clientId: string, body: object) => w.post(who, `/clients/${clientId}/interactions`, body);
  const meeting = { kind: 'meeting', summary: 'Presented the pump range', occurredAt: '2025-03-04T10:30:00+01:00' };

  it('records the interaction (201) with its id, the instant in UTC, and the side that logged it', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const res = await log('company', clientId, meeting);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId, interactionId: expect.any(String), occurredAt: '2025-03-04T09:30:00.000Z', revision: 2 });
    const logged = (await w.clientEvents(clientId)).at(-1)!;
    expect(logged.data).toMatchObject({
      interactionId: res.body.interactionId,
      kind: 'meeting',
      summary: 'Presented the pump range',
      loggedBy: COMPANY_SIDE,
    });
    expect(logged.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
    await w.t.settled();
    expect(await w.t.app.get<ReadStore>(READ_STORE).findOne(CLIENTS, { _id: clientId })).toMatchObject({
      lastInteractionAt: '2025-03-04T09:30:00.000Z',
    });
  });

  it('lets a distributor log its work with a client in its territory, owned or not', async () => {
    const clientId = await w.registerClient();
    const res = await log(ACME.id, clientId, { kind: 'call', summary: 'First call', occurredAt: '2025-02-01' });
    expect(res.status).toBe(201);
    const logged = (await w.clientEvents(clientId)).at(-1)!;
    expect(logged.data).toMatchObject({ loggedBy: sideOfDistributor(ACME), occurredAt: '2025-02-01T00:00:00.000Z' });
    expect(logged.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
  });

  it.each([
    [{ ...meeting, kind: 'gossip' }, 'kind'],
    [{ ...meeting, summary: ' ' }, 'summary'],
    [{ ...meeting, occurredAt: 'yesterday' }, 'occurredAt'],
    [{ ...meeting, occurredAt: '2999-01-01T00:00:00Z' }, 'occurredAt'],
    [{ kind: 'call', summary: 'x' }, 'occurredAt'],
  ])('refuses %j with a 422 naming %s, recording nothing', async (body, field) => {
    const clientId = await w.registerClient();
    const res = await log('company', clientId, body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered']);
  });

  it('answers 404 to a distributor outside the territory and 403 to compliance', async () => {
    const clientId = await w.ownedClient(ACME.id);
    expect((await log(BETA.id, clientId, meeting)).status).toBe(404);
    expect((await log('compliance', clientId, meeting)).status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });
});
