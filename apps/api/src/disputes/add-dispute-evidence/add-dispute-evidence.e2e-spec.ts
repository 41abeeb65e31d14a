/** POST /disputes/:id/evidence: the parties point to documents kept elsewhere; the reference is one line. */
import { COMPANY_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes/:id/evidence', () => {
  let w: DisputeWorld;
  let disputeId: string;
  const evidence = (id = disputeId) => `/disputes/${id}/evidence`;
  const item = { reference: 'dms://invoices/2024/0042', description: 'Invoice of March 2024\nfor 40 pumps' };

  beforeAll(async () => {
    w = await DisputeWorld.start();
    disputeId = await w.open('acme', { subject: { kind: 'sale', saleId: 'S-2026-0042' } });
  });
  afterAll(() => w?.close());

  it('records the reference and its description with the side that showed it', async () => {
    const res = await w.post('company', evidence(), item);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ disputeId, revision: 1, evidenceId: expect.any(String) });
    expect(res.body.recorded[0]).toMatchObject({ type: 'DisputeEvidenceAdded', data: { ...item, by: COMPANY_SIDE } });
    const view = await w.dispute('acme', disputeId);
    expect(view.body.evidenceCount).toBe(1);
    expect(view.body.timeline[1]).toMatchObject({ kind: 'evidence-added', side: COMPANY_SIDE, evidenceId: res.body.evidenceId, ...item });
  });

  it('hides the dispute from a distributor that is not a party (404) and refuses compliance (403)', async () => {
    const hidden = await w.post('beta', evidence(), item);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'DISPUTE.NOT_FOUND']);
    expect(hidden.text).not.toContain('S-2026-0042');
    expect((await w.post('compliance', evidence(), item)).status).toBe(403);
  });

  it.each([
    [{ reference: 'dms://a' }, 'description'],
    [{ description: 'no reference' }, 'reference'],
    [{ ...item, reference: 'two\nlines' }, 'reference'],
    [{ ...item, reference: 'x'.repeat(501) }, 'reference'],
    [{ ...item, description: 'x'.repeat(2001) }, 'description'],
    [{ ...item, file: 'base64…' }, 'file'],
  ])('refuses %j with a 422 naming %s', async (body, field) => {
    const res = await w.post('acme', evidence(), body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers a dispute that does not exist with 404 DISPUTE.NOT_FOUND', async () => {
    const res = await w.post('company', evidence('dsp-ghost'), item);
    expect([res.status, res.body.code]).toEqual([404, 'DISPUTE.NOT_FOUND']);
  });
});
