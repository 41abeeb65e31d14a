/** POST /disputes/:id/notes: the parties speak on the record; nobody else may, and nothing is added once it ends. */
import { ACME_SIDE, COMPANY_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes/:id/notes', () => {
  let w: DisputeWorld;
  let disputeId: string;
  const notes = (id = disputeId) => `/disputes/${id}/notes`;

  beforeAll(async () => {
    w = await DisputeWorld.start();
    disputeId = await w.open('acme', { subject: { kind: 'price', sku: 'PUMP-100' } });
  });
  afterAll(() => w?.close());

  it('records a note of either party, with its side, on the timeline', async () => {
    const mine = await w.post('acme', notes(), { text: 'We quoted 1 300.00 in March\nsee the offer' });
    expect(mine.status).toBe(201);
    expect(mine.headers.etag).toBe('"1"');
    expect(mine.body).toMatchObject({ disputeId, revision: 1, noteId: expect.any(String) });
    expect(mine.body.recorded[0]).toMatchObject({
      type: 'DisputeNoteAdded',
      data: { by: ACME_SIDE, text: 'We quoted 1 300.00 in March\nsee the offer' },
    });
    await w.postExpecting(201, 'company', notes(), { text: 'Our list price was 1 250.00' });
    const view = await w.dispute('compliance', disputeId);
    expect(view.body.notesCount).toBe(2);
    expect(view.body.timeline.filter((e: { kind: string }) => e.kind === 'note-added')).toEqual([
      expect.objectContaining({ side: ACME_SIDE, noteId: mine.body.noteId, by: expect.objectContaining({ userId: 'acme-user' }) }),
      expect.objectContaining({ side: COMPANY_SIDE, text: 'Our list price was 1 250.00' }),
    ]);
  });

  it('answers a distributor that is not a party exactly as a dispute that does not exist, and writes nothing', async () => {
    const before = await w.t.events.headPosition();
    const hidden = await w.post('beta', notes(), { text: 'let me in' });
    const missing = await w.post('beta', notes('dsp-ghost'), { text: 'let me in' });
    expect([hidden.status, hidden.body.code, missing.status, missing.body.code]).toEqual([
      404,
      'DISPUTE.NOT_FOUND',
      404,
      'DISPUTE.NOT_FOUND',
    ]);
    expect(await w.t.events.headPosition()).toBe(before);
  });

  it('is closed to compliance (403) and, on a dispute between two distributors, to the company (403 DISPUTE.NOT_A_PARTY)', async () => {
    expect((await w.post('compliance', notes(), { text: 'x' })).body.code).toBe('AUTH.PARTY_NOT_ALLOWED');
    const between = await w.open('acme', {
      subject: { kind: 'price', sku: 'PUMP-100' },
      counterparty: { party: 'distributor', distributorId: 'beta' },
    });
    const res = await w.post('company', notes(between), { text: 'x' });
    expect([res.status, res.body.code]).toEqual([403, 'DISPUTE.NOT_A_PARTY']);
    expect((await w.post('beta', notes(between), { text: 'beta may' })).status).toBe(201);
  });

  it('checks If-Match against the dispute revision (412 when stale)', async () => {
    const res = await w.post('acme', notes(), { text: 'late' }, { 'If-Match': '"0"' });
    expect([res.status, res.body.code]).toEqual([412, 'CONCURRENCY.REVISION_MISMATCH']);
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: 'x'.repeat(5001) }, 'text'],
    [{ text: 'bell\u0007' }, 'text'],
    [{}, 'text'],
    [{ text: 'ok', noteId: 'mine' }, 'noteId'],
  ])('refuses %j with a 422 naming %s', async (body, field) => {
    const res = await w.post('acme', notes(), body);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('adds nothing once the dispute ended: 409 DISPUTE.CLOSED', async () => {
    const ended = await w.open('acme', { subject: { kind: 'price', sku: 'VALVE-20' } });
    await w.postExpecting(201, 'acme', `/disputes/${ended}/withdrawal`, { reason: 'settled' });
    const res = await w.post('company', notes(ended), { text: 'too late' });
    expect([res.status, res.body.code, res.body.status]).toEqual([409, 'DISPUTE.CLOSED', 409]);
  });
});
