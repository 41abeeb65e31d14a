/** The owner releases a client end to end: it has no owner until the next claim. */
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { CLIENTS } from '@cl/projections/clients/clients.projection';
import { ACME, BETA, ClientWorld, sideOfDistributor } from '../testing/client-world';

describe('POST /clients/:id/release (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  const release = (who: string, clientId: string, body: object = { reason: 'The client closed its branch in Mazovia' }) =>
    w.post(who, `/clients/${clientId}/release`, body);

  it('leaves the client without an owner (200), by the owner acting, and lets it be claimed again', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const res = await release(ACME.id, clientId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ clientId, owner: null, revision: 2, recorded: [{ type: 'ClientReleased' }] });
    const released = (await w.clientEvents(clientId)).at(-1)!;
    expect(released.data).toMatchObject({ from: sideOfDistributor(ACME), reason: 'The client closed its branch in Mazovia' });
    expect(released.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
    await w.t.settled();
    expect(await w.t.app.get<ReadStore>(READ_STORE).findOne(CLIENTS, { _id: clientId })).toMatchObject({ owner: null, ownerKey: null });
    expect((await w.post(ACME.id, `/clients/${clientId}/claims`)).status).toBe(201);
  });

  it('lets only the owner release (403 CLIENT.NOT_OWNER, also for a client nobody owns)', async () => {
    const owned = await w.ownedClient(ACME.id);
    const byOther = await release('company', owned);
    expect(byOther.status).toBe(403);
    expect(byOther.body.code).toBe('CLIENT.NOT_OWNER');
    const unowned = await w.registerClient();
    expect((await release(ACME.id, unowned)).status).toBe(403);
    expect(await w.eventTypes(owned)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });

  it('needs a reason (422 naming it); a distributor outside the territory gets 404, compliance 403', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const noReason = await release(ACME.id, clientId, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect((await release(BETA.id, clientId)).status).toBe(404);
    expect((await release('compliance', clientId)).status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });
});
