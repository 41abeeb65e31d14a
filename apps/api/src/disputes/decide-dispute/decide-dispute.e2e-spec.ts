/** POST /disputes/:id/resolution: compliance — and only compliance — settles a dispute. */
import { ACME_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes/:id/resolution', () => {
  let w: DisputeWorld;
  let disputeId: string;
  let clientId: string;
  const decision = (id = disputeId) => `/disputes/${id}/resolution`;

  beforeAll(async () => {
    w = await DisputeWorld.start();
    clientId = await w.companyClient();
    disputeId = await w.open('acme', { subject: { kind: 'client', clientId } });
  });
  afterAll(() => w?.close());

  it.each(['company', 'acme', 'beta'])('is refused to %s (403 from the access rule, nothing written)', async (who) => {
    const before = await w.t.events.headPosition();
    const res = await w.post(who, decision(), { outcome: { decision: 'mine' } });
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.PARTY_NOT_ALLOWED']);
    expect(await w.t.events.headPosition()).toBe(before);
  });

  it('answers a dispute that does not exist with 404', async () => {
    expect((await w.post('compliance', decision('dsp-ghost'), { outcome: { decision: 'x' } })).body.code).toBe('DISPUTE.NOT_FOUND');
  });

  it('resolves the dispute with the outcome compliance decided, recording who decided', async () => {
    const res = await w.post('compliance', decision(), { outcome: { decision: 'acme served the client first', clientOwner: ACME_SIDE } });
    expect(res.status).toBe(201);
    expect(res.body.recorded[0]).toMatchObject({
      type: 'DisputeResolved',
      data: {
        by: { kind: 'compliance', userId: 'compliance-user' },
        outcome: { decision: 'acme served the client first', clientOwner: ACME_SIDE },
      },
    });
    const view = await w.dispute('acme', disputeId);
    expect(view.body).toMatchObject({ status: 'resolved', resolution: { by: { kind: 'compliance', userId: 'compliance-user' } } });
    expect(view.body.timeline.at(-1)).toMatchObject({ kind: 'resolved', by: { party: 'compliance', userId: 'compliance-user' } });
  });

  it('is final: a second decision is 409 DISPUTE.CLOSED', async () => {
    const res = await w.post('compliance', decision(), { outcome: { decision: 'changed my mind' } });
    expect([res.status, res.body.code]).toEqual([409, 'DISPUTE.CLOSED']);
  });
});
