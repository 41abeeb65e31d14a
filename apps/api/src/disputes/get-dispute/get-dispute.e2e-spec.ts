/** GET /disputes/:id: the whole document with its timeline, the ETag, and the 404 for outsiders. */
import { disputeStream } from '@cl/domain/dispute';
import { ACME_SIDE, COMPANY_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('GET /disputes/:id', () => {
  let w: DisputeWorld;
  let disputeId: string;

  beforeAll(async () => {
    w = await DisputeWorld.start();
    const clientId = await w.companyClient();
    disputeId = await w.open('acme', { subject: { kind: 'client', clientId }, summary: 'We served it first' });
    await w.postExpecting(201, 'acme', `/disputes/${disputeId}/notes`, { text: 'Since 2024' });
    await w.postExpecting(201, 'company', `/disputes/${disputeId}/evidence`, { reference: 'crm://c/1', description: 'Our CRM history' });
    await w.postExpecting(201, 'company', `/disputes/${disputeId}/resolution-proposals`, {
      outcome: { decision: 'stays', clientOwner: COMPANY_SIDE },
    });
    await w.settled();
  });
  afterAll(() => w?.close());

  it('answers the dispute with its proposals and every event on the timeline; the ETag is the revision', async () => {
    const res = await w.get('compliance', `/disputes/${disputeId}`);
    expect(res.status).toBe(200);
    const stream = await w.t.events.readStream(disputeStream(disputeId));
    expect(res.headers.etag).toBe(`"${stream.length - 1}"`);
    expect(res.body).toMatchObject({
      id: disputeId,
      status: 'open',
      openedBy: ACME_SIDE,
      parties: [ACME_SIDE, COMPANY_SIDE],
      origin: { kind: 'direct' },
      summary: 'We served it first',
      notesCount: 1,
      evidenceCount: 1,
      proposalsCount: 1,
      revision: 3,
      proposals: [
        {
          proposalNo: 1,
          proposedBy: COMPANY_SIDE,
          outcome: { decision: 'stays', clientOwner: COMPANY_SIDE },
          status: 'open',
          proposedAt: expect.any(String),
        },
      ],
    });
    expect(res.body.timeline.map((e: { kind: string; eventId: string }) => [e.kind, e.eventId])).toEqual(
      stream.map((e, i) => [['opened', 'note-added', 'evidence-added', 'resolution-proposed'][i], e.id]),
    );
    expect(res.body.timeline[1]).toEqual({
      kind: 'note-added',
      side: ACME_SIDE,
      noteId: expect.any(String),
      text: 'Since 2024',
      at: expect.any(String),
      by: { party: 'distributor', userId: 'acme-user', distributorId: 'acme' },
      eventId: stream[1].id,
    });
  });

  it('is the same document for both parties', async () => {
    const [company, acme] = await Promise.all([w.get('company', `/disputes/${disputeId}`), w.get('acme', `/disputes/${disputeId}`)]);
    expect(acme.body).toEqual(company.body);
  });

  it('answers a distributor that is not a party exactly as a dispute that does not exist', async () => {
    const hidden = await w.get('beta', `/disputes/${disputeId}`);
    const missing = await w.get('beta', '/disputes/dsp-ghost');
    expect([hidden.status, hidden.body.code, missing.status, missing.body.code]).toEqual([
      404,
      'DISPUTE.NOT_FOUND',
      404,
      'DISPUTE.NOT_FOUND',
    ]);
    expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(hidden.text).not.toContain('served it first');
  });

  it('refuses a malformed id with a 422 naming it', async () => {
    const res = await w.get('company', '/disputes/not%20an%20id');
    expect([res.status, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([422, ['id']]);
  });
});
