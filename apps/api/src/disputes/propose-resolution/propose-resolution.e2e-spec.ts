/** POST /disputes/:id/resolution-proposals: numbered proposals, each superseding the open one; clientOwner only about a client. */
import { ACME_SIDE, BETA_SIDE, COMPANY_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes/:id/resolution-proposals', () => {
  let w: DisputeWorld;
  let aboutClient: string;
  let aboutPrice: string;
  const proposals = (id: string) => `/disputes/${id}/resolution-proposals`;

  beforeAll(async () => {
    w = await DisputeWorld.start();
    const clientId = await w.companyClient();
    aboutClient = await w.open('acme', { subject: { kind: 'client', clientId } });
    aboutPrice = await w.open('acme', { subject: { kind: 'price', sku: 'PUMP-100' } });
  });
  afterAll(() => w?.close());

  it('numbers the proposals 1, 2, …; the latest is open, the earlier ones superseded', async () => {
    const first = await w.post('company', proposals(aboutClient), { outcome: { decision: 'The client stays with us' } });
    expect([first.status, first.body.proposalNo, first.headers.etag]).toEqual([201, 1, '"1"']);
    expect(first.body.recorded[0]).toMatchObject({ type: 'DisputeResolutionProposed', data: { proposalNo: 1, by: COMPANY_SIDE } });
    const second = await w.post('acme', proposals(aboutClient), {
      outcome: { decision: 'The client passes to acme', clientOwner: ACME_SIDE },
    });
    expect(second.body.proposalNo).toBe(2);
    const view = await w.dispute('company', aboutClient);
    expect(view.body.proposals).toEqual([
      expect.objectContaining({ proposalNo: 1, proposedBy: COMPANY_SIDE, status: 'superseded' }),
      expect.objectContaining({
        proposalNo: 2,
        proposedBy: ACME_SIDE,
        outcome: { decision: 'The client passes to acme', clientOwner: ACME_SIDE },
        status: 'open',
      }),
    ]);
  });

  it('refuses clientOwner in a dispute not about a client, and one that is not a party (422 naming outcome.clientOwner)', async () => {
    const price = await w.post('company', proposals(aboutPrice), { outcome: { decision: 'x', clientOwner: COMPANY_SIDE } });
    expect([price.status, price.body.code]).toEqual([422, 'DISPUTE.INVALID_COMMAND']);
    expect(price.body.errors).toEqual([{ field: 'outcome.clientOwner', message: 'may be given only in a dispute about a client' }]);
    const outsider = await w.post('company', proposals(aboutClient), { outcome: { decision: 'x', clientOwner: BETA_SIDE } });
    expect(outsider.body.errors).toEqual([{ field: 'outcome.clientOwner', message: 'must be one of the two parties' }]);
  });

  it.each([
    [{}, 'outcome'],
    [{ outcome: {} }, 'outcome.decision'],
    [{ outcome: { decision: 'x'.repeat(2001) } }, 'outcome.decision'],
    [{ outcome: { decision: 'x', clientOwner: { party: 'nobody' } } }, 'outcome.clientOwner.party'],
    [{ outcome: { decision: 'x', reward: 100 } }, 'outcome.reward'],
  ])('refuses %j with a 422 naming %s', async (body, field) => {
    const res = await w.post('company', proposals(aboutPrice), body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is for the parties only: 404 for another distributor, 403 for compliance', async () => {
    expect((await w.post('beta', proposals(aboutPrice), { outcome: { decision: 'x' } })).status).toBe(404);
    expect((await w.post('compliance', proposals(aboutPrice), { outcome: { decision: 'x' } })).status).toBe(403);
  });
});
