/** The owner hands a client over on its own initiative end to end, to the company or to a registered distributor. */
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { CLIENTS } from '@cl/projections/clients/clients.projection';
import { TRANSFER_REQUESTS } from '@cl/projections/clients/transfer-requests.projection';
import { ACME, BETA, ClientWorld, COMPANY_SIDE, sideOfDistributor } from '../testing/client-world';

describe('POST /clients/:id/hand-over (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  const handOver = (who: string, clientId: string, body: object) => w.post(who, `/clients/${clientId}/hand-over`, body);

  it('moves the client to the other side (201): ClientTransferred on the owner’s initiative, with its reason', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const res = await handOver(ACME.id, clientId, { to: { party: 'company' }, reason: 'The client wants to buy direct' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId, owner: COMPANY_SIDE, transferId: expect.any(String), revision: 2 });
    const transferred = (await w.clientEvents(clientId)).at(-1)!;
    expect(transferred.data).toMatchObject({
      transferId: res.body.transferId,
      from: sideOfDistributor(ACME),
      to: COMPANY_SIDE,
      cause: { kind: 'owner-initiative' },
      reason: 'The client wants to buy direct',
    });
    expect(transferred.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
    await w.t.settled();
    expect(await w.t.app.get<ReadStore>(READ_STORE).findOne(CLIENTS, { _id: clientId })).toMatchObject({ ownerKey: 'company' });
  });

  it('ends the hand-over requests still pending: they asked the previous owner', async () => {
    const clientId = await w.ownedClient('company');
    const request = await w.postExpecting(201, ACME.id, `/clients/${clientId}/transfers`, { reason: 'The client called us' });
    const res = await handOver('company', clientId, { to: sideOfDistributor(BETA), reason: 'Served from the Czech warehouse' });
    expect(res.status).toBe(201);
    expect(res.body.owner).toEqual(sideOfDistributor(BETA));
    await w.t.settled();
    const doc = await w.t.app.get<ReadStore>(READ_STORE).findOne(TRANSFER_REQUESTS, { _id: request.body.requestId });
    expect(doc).toMatchObject({ status: 'superseded', supersededBy: 'transferred' });
  });

  it('refuses a distributor that is not registered with a 422 naming to.distributorId, recording nothing', async () => {
    const clientId = await w.ownedClient('company');
    const res = await handOver('company', clientId, { to: { party: 'distributor', distributorId: 'nobody' }, reason: 'x' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CLIENT.UNKNOWN_DISTRIBUTOR', errors: [{ field: 'to.distributorId' }] });
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });

  it.each([
    [{ to: { party: 'distributor' }, reason: 'x' }, 'to.distributorId'],
    [{ to: { party: 'nobody' }, reason: 'x' }, 'to.party'],
    [{ reason: 'x' }, 'to'],
    [{ to: { party: 'company' } }, 'reason'],
  ])('refuses %j with a 422 naming %s', async (body, field) => {
    const clientId = await w.ownedClient(ACME.id);
    const res = await handOver(ACME.id, clientId, body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets only the owner hand over (403), never to itself (409)', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const byOther = await handOver('company', clientId, { to: { party: 'company' }, reason: 'Mine now' });
    expect(byOther.status).toBe(403);
    expect(byOther.body.code).toBe('CLIENT.NOT_OWNER');
    const toItself = await handOver(ACME.id, clientId, { to: sideOfDistributor(ACME), reason: 'No change' });
    expect(toItself.status).toBe(409);
    expect(toItself.body.code).toBe('CLIENT.ALREADY_OWNER');
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });

  it('answers 404 to a distributor outside the territory and 403 to compliance', async () => {
    const clientId = await w.ownedClient(ACME.id);
    expect((await handOver(BETA.id, clientId, { to: { party: 'company' }, reason: 'x' })).status).toBe(404);
    expect((await handOver('compliance', clientId, { to: { party: 'company' }, reason: 'x' })).status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });
});
