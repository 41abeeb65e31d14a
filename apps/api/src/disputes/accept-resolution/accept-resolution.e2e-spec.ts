/** POST /disputes/:id/resolution-proposals/:n/acceptance: the other party agrees to the latest proposal and the dispute is resolved. */
import { ACME_SIDE, COMPANY_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes/:id/resolution-proposals/:n/acceptance', () => {
  let w: DisputeWorld;
  let disputeId: string;
  const acceptance = (n: number | string, id = disputeId) => `/disputes/${id}/resolution-proposals/${n}/acceptance`;
  const propose = (who: string, decision: string) =>
    w.postExpecting(201, who, `/disputes/${disputeId}/resolution-proposals`, { outcome: { decision } });

  beforeAll(async () => {
    w = await DisputeWorld.start();
    disputeId = await w.open('acme', { subject: { kind: 'price', sku: 'PUMP-100' } });
    await propose('company', 'List price stands');
    await propose('company', 'List price stands; 2% rebate on the March order');
  });
  afterAll(() => w?.close());

  it.each([
    ['the proposer itself', 'company', 2, 409, 'DISPUTE.OWN_PROPOSAL'],
    ['a superseded proposal', 'acme', 1, 409, 'DISPUTE.PROPOSAL_SUPERSEDED'],
    ['a proposal that does not exist', 'acme', 3, 404, 'DISPUTE.PROPOSAL_NOT_FOUND'],
    ['another distributor', 'beta', 2, 404, 'DISPUTE.NOT_FOUND'],
    ['compliance', 'compliance', 2, 403, 'AUTH.PARTY_NOT_ALLOWED'],
  ])('is refused for %s', async (_what, who, n, status, code) => {
    const before = await w.t.events.headPosition();
    const res = await w.post(who, acceptance(n));
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(await w.t.events.headPosition()).toBe(before);
  });

  it('names the latest proposal when refusing a superseded one', async () => {
    expect((await w.post('acme', acceptance(1))).body).toMatchObject({ proposalNo: 1, latest: 2 });
  });

  it('refuses a malformed proposal number with a 422 naming n', async () => {
    for (const n of ['0', 'one', '1.5', '1234567']) {
      const res = await w.post('acme', acceptance(n));
      expect([res.status, res.body.errors?.map((e: { field: string }) => e.field)]).toEqual([422, ['n']]);
    }
  });

  it('resolves the dispute by agreement when the other party accepts the latest', async () => {
    const res = await w.post('acme', acceptance(2));
    expect(res.status).toBe(201);
    expect(res.body.recorded).toEqual([
      {
        type: 'DisputeResolved',
        data: {
          disputeId,
          subject: { kind: 'price', sku: 'PUMP-100' },
          by: { kind: 'agreement', proposalNo: 2, proposedBy: COMPANY_SIDE, agreedBy: ACME_SIDE },
          outcome: { decision: 'List price stands; 2% rebate on the March order' },
          resolvedAt: expect.any(String),
        },
      },
    ]);
    const view = await w.dispute('acme', disputeId);
    expect(view.body).toMatchObject({
      status: 'resolved',
      closedAt: expect.any(String),
      resolution: { by: { kind: 'agreement', proposalNo: 2 } },
    });
    expect(view.body.proposals.map((p: { status: string }) => p.status)).toEqual(['superseded', 'accepted']);
    const again = await w.post('acme', acceptance(2));
    expect([again.status, again.body.code]).toEqual([409, 'DISPUTE.CLOSED']);
  });
});
