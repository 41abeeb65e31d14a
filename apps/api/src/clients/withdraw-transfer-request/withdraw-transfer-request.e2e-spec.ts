/** The requester withdraws its hand-over request end to end, while the owner has not answered it. */
import { ACME, BETA, ClientWorld } from '../testing/client-world';

describe('POST /clients/:id/transfers/:requestId/withdrawal (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  async function requested(): Promise<{ clientId: string; requestId: string }> {
    const clientId = await w.ownedClient(ACME.id);
    const res = await w.post('company', `/clients/${clientId}/transfers`, { reason: 'The client asked for direct supply' });
    return { clientId, requestId: res.body.requestId };
  }
  const withdraw = (who: string, clientId: string, requestId: string, body: object = {}) =>
    w.post(who, `/clients/${clientId}/transfers/${requestId}/withdrawal`, body);

  it('records the withdrawal (200), with or without a reason, by the requester acting', async () => {
    for (const body of [{ reason: 'The client decided to stay' }, {}]) {
      const { clientId, requestId } = await requested();
      const res = await withdraw('company', clientId, requestId, body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ clientId, requestId, revision: 3, recorded: [{ type: 'ClientTransferRequestWithdrawn' }] });
      const withdrawn = (await w.clientEvents(clientId)).at(-1)!;
      expect(withdrawn.data).toEqual({ clientId, requestId, ...body, withdrawnAt: expect.any(String) });
      expect(withdrawn.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
    }
  });

  it('ends the request: the owner can no longer accept it, and the requester may ask again', async () => {
    const { clientId, requestId } = await requested();
    expect((await withdraw('company', clientId, requestId)).status).toBe(200);
    const accept = await w.post(ACME.id, `/clients/${clientId}/transfers/${requestId}/acceptance`);
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ code: 'CLIENT.TRANSFER_REQUEST_NOT_PENDING' });
    const again = await w.post('company', `/clients/${clientId}/transfers`, { reason: 'The client asked again' });
    expect(again.status).toBe(201);
  });

  it('lets only the requester withdraw (403 CLIENT.NOT_REQUESTER for the owner), and only while pending (409)', async () => {
    const { clientId, requestId } = await requested();
    const byOwner = await withdraw(ACME.id, clientId, requestId);
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.code).toBe('CLIENT.NOT_REQUESTER');
    await w.postExpecting(201, ACME.id, `/clients/${clientId}/transfers/${requestId}/acceptance`);
    const late = await withdraw('company', clientId, requestId);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CLIENT.TRANSFER_REQUEST_NOT_PENDING');
  });

  it('refuses a blank reason (422 naming it), a distributor outside the territory (404) and compliance (403)', async () => {
    const { clientId, requestId } = await requested();
    const blank = await withdraw('company', clientId, requestId, { reason: ' ' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect((await withdraw(BETA.id, clientId, requestId)).status).toBe(404);
    expect((await withdraw('compliance', clientId, requestId)).status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed', 'ClientTransferRequested']);
  });
});
