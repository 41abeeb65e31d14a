/** The owner contests a hand-over request end to end: the contest is recorded and the dispute process opens the dispute. */
import { disputeStream } from '@cl/domain/dispute/events';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { TRANSFER_REQUESTS } from '@cl/projections/clients/transfer-requests.projection';
import { ACME, BETA, ClientWorld, COMPANY_SIDE, sideOfDistributor } from '../testing/client-world';

describe('POST /clients/:id/transfers/:requestId/rejection (end to end)', () => {
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
  const contest = (who: string, clientId: string, requestId: string, body: object = { reason: 'We hold a framework contract with it' }) =>
    w.post(who, `/clients/${clientId}/transfers/${requestId}/rejection`, body);

  it('records the contest (201) with the dispute id, and the dispute process opens that dispute', async () => {
    const { clientId, requestId } = await requested();
    const res = await contest(ACME.id, clientId, requestId);
    expect(res.status).toBe(201);
    const { disputeId } = res.body;
    expect(res.headers.location).toBe(`/disputes/${disputeId}`);
    const contested = (await w.clientEvents(clientId)).at(-1)!;
    expect(contested.type).toBe('ClientTransferContested');
    expect(contested.data).toMatchObject({ requestId, disputeId, reason: 'We hold a framework contract with it' });
    expect(contested.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });

    await w.t.settled();
    const [opened] = await w.t.events.readStream(disputeStream(disputeId));
    expect(opened.type).toBe('DisputeOpened');
    expect(opened.data).toMatchObject({
      subject: { kind: 'client', clientId },
      parties: [sideOfDistributor(ACME), COMPANY_SIDE],
      origin: { kind: 'transfer-contest', requestId, requester: COMPANY_SIDE, owner: sideOfDistributor(ACME) },
    });
    const request = await w.t.app.get<ReadStore>(READ_STORE).findOne(TRANSFER_REQUESTS, { _id: requestId });
    expect(request).toMatchObject({ status: 'contested', disputeId });
  });

  it('keeps the owner: a contested request can no longer be accepted', async () => {
    const { clientId, requestId } = await requested();
    expect((await contest(ACME.id, clientId, requestId)).status).toBe(201);
    const accept = await w.post(ACME.id, `/clients/${clientId}/transfers/${requestId}/acceptance`);
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ code: 'CLIENT.TRANSFER_REQUEST_NOT_PENDING' });
  });

  it('lets only the owner contest (403 for the requester), with a reason (422 naming it)', async () => {
    const { clientId, requestId } = await requested();
    const byRequester = await contest('company', clientId, requestId);
    expect(byRequester.status).toBe(403);
    expect(byRequester.body.code).toBe('CLIENT.NOT_OWNER');
    const noReason = await contest(ACME.id, clientId, requestId, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    expect((await contest(BETA.id, clientId, requestId)).status).toBe(404);
    expect((await contest('compliance', clientId, requestId)).status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed', 'ClientTransferRequested']);
  });
});
