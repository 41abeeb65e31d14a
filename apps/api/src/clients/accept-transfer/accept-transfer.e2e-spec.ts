/** The owner accepts a hand-over request end to end: the requester owns the client from then on. */
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { CLIENTS } from '@cl/projections/clients/clients.projection';
import { TRANSFER_REQUESTS } from '@cl/projections/clients/transfer-requests.projection';
import { ACME, BETA, ClientWorld, COMPANY_SIDE, sideOfDistributor } from '../testing/client-world';

describe('POST /clients/:id/transfers/:requestId/acceptance (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  /** acme's client, and the company's pending request for it. */
  async function requested(): Promise<{ clientId: string; requestId: string }> {
    const clientId = await w.ownedClient(ACME.id);
    const res = await w.post('company', `/clients/${clientId}/transfers`, { reason: 'The client asked for direct supply' });
    expect(res.status).toBe(201);
    return { clientId, requestId: res.body.requestId };
  }
  const accept = (who: string, clientId: string, requestId: string) =>
    w.post(who, `/clients/${clientId}/transfers/${requestId}/acceptance`);

  it('moves the client to the requester (201): ClientTransferred caused by the request, by the owner acting', async () => {
    const { clientId, requestId } = await requested();
    const res = await accept(ACME.id, clientId, requestId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId, requestId, owner: COMPANY_SIDE, transferId: expect.any(String), revision: 3 });
    expect(res.headers.etag).toBe('"3"');
    const transferred = (await w.clientEvents(clientId)).at(-1)!;
    expect(transferred.type).toBe('ClientTransferred');
    expect(transferred.data).toMatchObject({
      transferId: res.body.transferId,
      from: sideOfDistributor(ACME),
      to: COMPANY_SIDE,
      cause: { kind: 'request', requestId },
    });
    expect(transferred.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });

    await w.t.settled();
    const reads = w.t.app.get<ReadStore>(READ_STORE);
    expect(await reads.findOne(CLIENTS, { _id: clientId })).toMatchObject({ owner: COMPANY_SIDE, ownerKey: 'company' });
    expect(await reads.findOne(TRANSFER_REQUESTS, { _id: requestId })).toMatchObject({
      status: 'accepted',
      transferId: res.body.transferId,
    });
  });

  it('lets only the owner accept (403 CLIENT.NOT_OWNER for the requester), and only once (409)', async () => {
    const { clientId, requestId } = await requested();
    const byRequester = await accept('company', clientId, requestId);
    expect(byRequester.status).toBe(403);
    expect(byRequester.body.code).toBe('CLIENT.NOT_OWNER');
    expect((await accept(ACME.id, clientId, requestId)).status).toBe(201);
    // acme no longer owns the client: a second acceptance is no longer its to give.
    const again = await accept(ACME.id, clientId, requestId);
    expect(again.status).toBe(403);
    const byNewOwner = await accept('company', clientId, requestId);
    expect(byNewOwner.status).toBe(409);
    expect(byNewOwner.body.code).toBe('CLIENT.TRANSFER_REQUEST_NOT_PENDING');
    expect((await w.eventTypes(clientId)).filter((t) => t === 'ClientTransferred')).toHaveLength(1);
  });

  it('answers 404 for a request that does not exist', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const res = await accept(ACME.id, clientId, 'no-such-request');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CLIENT.TRANSFER_REQUEST_NOT_FOUND');
  });

  it('answers 404 to a distributor outside the territory and 403 to compliance, recording nothing', async () => {
    const { clientId, requestId } = await requested();
    expect((await accept(BETA.id, clientId, requestId)).status).toBe(404);
    expect((await accept('compliance', clientId, requestId)).status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed', 'ClientTransferRequested']);
  });
});
