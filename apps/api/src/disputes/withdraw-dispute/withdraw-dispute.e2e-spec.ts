/** POST /disputes/:id/withdrawal: only the side that opened the dispute drops it. */
import { ACME_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes/:id/withdrawal', () => {
  let w: DisputeWorld;
  let disputeId: string;
  const withdrawal = (id = disputeId) => `/disputes/${id}/withdrawal`;

  beforeAll(async () => {
    w = await DisputeWorld.start();
    disputeId = await w.open('acme', { subject: { kind: 'price', sku: 'PUMP-100' } });
  });
  afterAll(() => w?.close());

  it.each([
    ['the other party', 'company', 403, 'DISPUTE.NOT_OPENER'],
    ['a distributor that is not a party', 'beta', 404, 'DISPUTE.NOT_FOUND'],
    ['compliance', 'compliance', 403, 'AUTH.PARTY_NOT_ALLOWED'],
  ])('is refused to %s', async (_what, who, status, code) => {
    const res = await w.post(who, withdrawal(), { reason: 'not mine to drop' });
    expect([res.status, res.body.code]).toEqual([status, code]);
  });

  it.each([
    [{}, 'reason'],
    [{ reason: '   ' }, 'reason'],
    [{ reason: 'x'.repeat(1001) }, 'reason'],
  ])('refuses %j with a 422 naming %s', async (body, field) => {
    const res = await w.post('acme', withdrawal(), body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('withdraws it with the reason; the dispute is then final', async () => {
    const res = await w.post('acme', withdrawal(), { reason: 'Settled by phone' });
    expect(res.status).toBe(201);
    expect(res.body.recorded[0]).toMatchObject({ type: 'DisputeWithdrawn', data: { by: ACME_SIDE, reason: 'Settled by phone' } });
    const view = await w.dispute('company', disputeId);
    expect(view.body).toMatchObject({ status: 'withdrawn', withdrawal: { side: ACME_SIDE, reason: 'Settled by phone' } });
    const again = await w.post('acme', withdrawal(), { reason: 'again' });
    expect([again.status, again.body.code]).toEqual([409, 'DISPUTE.CLOSED']);
  });
});
