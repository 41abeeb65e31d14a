/** Hand-over requests end to end: the side a client turned to asks the owner, who has the policy's hand-over days to answer. */
import { ACME, BETA, ClientWorld, COMPANY_SIDE, distributorsClient, sideOfDistributor, YEAR } from '../testing/client-world';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('POST /clients/:id/transfers (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start();
  });
  afterAll(() => w?.close());

  const request = (who: string, clientId: string, body: object = { reason: 'The client asked us to serve it directly' }) =>
    w.post(who, `/clients/${clientId}/transfers`, body);

  it('records the request (201) with Location, the request id and when the owner must answer', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const res = await request('company', clientId);
    expect(res.status).toBe(201);
    const { requestId, dueBy } = res.body;
    expect(res.headers.location).toBe(`/clients/${clientId}/transfers/${requestId}`);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ clientId, from: sideOfDistributor(ACME), recorded: [{ type: 'ClientTransferRequested' }] });
    const requested = (await w.clientEvents(clientId)).at(-1)!;
    expect(requested.data).toMatchObject({
      requestId,
      from: sideOfDistributor(ACME),
      to: COMPANY_SIDE,
      reason: 'The client asked us to serve it directly',
      policyId: `${ACME.id}-${YEAR}`,
      handOverDays: 14,
      dueBy,
    });
    expect(Date.parse(dueBy) - Date.parse(requested.data.requestedAt as string)).toBe(14 * DAY_MS);
    expect(requested.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
  });

  it('lets a distributor ask the company for its client (the distributor policy sets the days)', async () => {
    const clientId = await w.registerClient(distributorsClient());
    await w.postExpecting(201, ACME.id, `/clients/${clientId}/claims`);
    await w.postExpecting(201, ACME.id, `/clients/${clientId}/hand-over`, {
      to: { party: 'company' },
      reason: 'The client wants to buy direct',
    });
    const res = await request(ACME.id, clientId, { reason: 'The client came back to us' });
    expect(res.status).toBe(201);
    expect(res.body.from).toEqual(COMPANY_SIDE);
    const requested = (await w.clientEvents(clientId)).at(-1)!;
    expect(requested.data).toMatchObject({
      from: COMPANY_SIDE,
      to: sideOfDistributor(ACME),
      policyId: `${ACME.id}-${YEAR}`,
      handOverDays: 14,
    });
    expect(requested.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
  });

  it.each([
    ['an unowned client (claim it instead)', async () => w.registerClient(), 'company', 'CLIENT.NOT_OWNED'],
    ['a client the caller owns', async () => w.ownedClient(ACME.id), ACME.id, 'CLIENT.ALREADY_OWNER'],
  ])('refuses a request for %s with 409, recording nothing', async (_what, makeClient, who, code) => {
    const clientId = await makeClient();
    const before = await w.eventTypes(clientId);
    const res = await request(who, clientId);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe(code);
    expect(await w.eventTypes(clientId)).toEqual(before);
  });

  it('refuses a second pending request from the same side, naming the first', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const first = await request('company', clientId);
    const second = await request('company', clientId);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'CLIENT.TRANSFER_ALREADY_REQUESTED', requestId: first.body.requestId });
  });

  it('refuses a blank or missing reason with a 422 naming it', async () => {
    const clientId = await w.ownedClient(ACME.id);
    for (const body of [{ reason: '   ' }, {}]) {
      const res = await request('company', clientId, body);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    }
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });

  it('answers 404 to a distributor asking for a client outside its territories, and 403 to compliance', async () => {
    const clientId = await w.ownedClient(ACME.id);
    expect((await request(BETA.id, clientId)).status).toBe(404);
    const refused = await request('compliance', clientId);
    expect(refused.status).toBe(403);
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });
});
