/**
 * GET /clients/:id/ownership end to end: the owner at instants before, between and after each change
 * (claim, transfer on request, release, hand-over, a dispute's decision), with the fact that made it
 * so and who recorded it — answered from the client's events.
 */
import { clientStream } from '@cl/domain/client';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { acmeSide, buildScenario, daysAgo, iso, YEAR, type Scenario } from '../testing/client-reads-scenario';

describe('GET /clients/:id/ownership (end to end)', () => {
  let t: TestApp;
  let s: Scenario;
  const ownership = (id: string, asOf: string | undefined, as: keyof Scenario['auth'] = 'company') =>
    t
      .http()
      .get(`/clients/${id}/ownership${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`)
      .set('Authorization', s.auth[as]);
  /** The reference to the first event a labelled command of the scenario appended. */
  const ref = (label: string) => {
    const [e] = s.recorded[label];
    return { id: e.id, type: e.type, revision: e.revision, position: e.position, recordedAt: e.metadata.recordedAt };
  };
  const acmePolicyJudgement = (ruleId: string, assignedTo: string) => ({ policyId: `acme-${YEAR}`, termsVersion: 1, ruleId, assignedTo });

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t?.close());

  describe('a client claimed, handed over on request, then released (c-mazovia)', () => {
    it('had no owner before the claim, nor before it was registered', async () => {
      for (const asOf of [iso(55), iso(70)]) {
        const res = await ownership('c-mazovia', asOf).expect(200);
        expect(res.body).toEqual({ clientId: 'c-mazovia', asOf, owner: null, since: null, basis: null, madeBy: null });
      }
    });

    it("was acme's from the instant of its claim (inclusive), on its policy's judgement", async () => {
      const justBefore = new Date(daysAgo(50).getTime() - 1).toISOString();
      expect((await ownership('c-mazovia', justBefore).expect(200)).body.owner).toBeNull();
      for (const asOf of [iso(50), iso(45)]) {
        const res = await ownership('c-mazovia', asOf, 'acme').expect(200);
        expect(res.body).toEqual({
          clientId: 'c-mazovia',
          asOf,
          owner: acmeSide,
          since: iso(50),
          basis: { kind: 'claim', at: iso(50), judgements: [acmePolicyJudgement('default', 'distributor')], event: ref('c-mazovia:claimed:jan') },
          madeBy: { party: 'distributor', userId: 'jan', distributorId: 'acme' },
        });
      }
    });

    it("was the company's after acme accepted its request: the transfer, its cause and acme's user who accepted", async () => {
      const res = await ownership('c-mazovia', iso(30), 'compliance').expect(200);
      expect(res.body).toEqual({
        clientId: 'c-mazovia',
        asOf: iso(30),
        owner: { party: 'company' },
        since: iso(35),
        basis: {
          kind: 'transfer',
          at: iso(35),
          transferId: 'tr-mazovia',
          from: acmeSide,
          cause: { kind: 'request', requestId: 'req-mazovia' },
          event: ref('c-mazovia:accepted'),
        },
        madeBy: { party: 'distributor', userId: 'jan', distributorId: 'acme' },
      });
      expect(res.body.basis.event).toMatchObject({ type: 'ClientTransferred', revision: 3 });
    });

    it('has had no owner since the company released it: the release is what made it so', async () => {
      for (const asOf of [iso(20), iso(10), undefined]) {
        const res = await ownership('c-mazovia', asOf).expect(200);
        expect(res.body).toMatchObject({
          owner: null,
          since: iso(20),
          basis: { kind: 'release', at: iso(20), from: { party: 'company' }, reason: 'No longer buying pumps', event: ref('c-mazovia:released') },
          madeBy: { party: 'company', userId: 'anna' },
        });
      }
    });

    it('defaults to now, and reads a date as 00:00 UTC and an instant with any offset', async () => {
      const now = await ownership('c-mazovia', undefined).expect(200);
      expect(Math.abs(Date.parse(now.body.asOf) - Date.now())).toBeLessThan(60_000);
      const day = iso(30).slice(0, 10);
      const byDate = await ownership('c-mazovia', day).expect(200);
      expect(byDate.body).toMatchObject({ asOf: `${day}T00:00:00.000Z`, owner: { party: 'company' } });
      // The claim's own instant, written two hours east of UTC.
      const shifted = new Date(daysAgo(50).getTime() + 2 * 3600_000).toISOString().replace(/Z$/, '+02:00');
      expect((await ownership('c-mazovia', shifted).expect(200)).body).toMatchObject({ asOf: iso(50), owner: acmeSide });
    });
  });

  it('names the owner-initiative hand-over and the company user who made it (c-gdansk, outside every territory)', async () => {
    expect((await ownership('c-gdansk', iso(40), 'acme').expect(200)).body).toMatchObject({
      owner: { party: 'company' },
      basis: { kind: 'claim', judgements: [], event: ref('c-gdansk:claimed:anna') },
    });
    const res = await ownership('c-gdansk', iso(25), 'acme').expect(200);
    expect(res.body).toMatchObject({
      owner: acmeSide,
      since: iso(30),
      basis: { kind: 'transfer', transferId: 'tr-gdansk', from: { party: 'company' }, cause: { kind: 'owner-initiative' }, reason: 'Acme serves the harbour' },
      madeBy: { party: 'company', userId: 'anna' },
    });
  });

  it('keeps the owner while a contested claim is open, then names the dispute and the process that recorded its outcome (c-plock)', async () => {
    const contested = await ownership('c-plock', iso(10), 'acme').expect(200);
    expect(contested.body).toMatchObject({ owner: { party: 'company' }, since: iso(42), basis: { kind: 'claim', judgements: [] } });
    const now = await ownership('c-plock', undefined, 'acme').expect(200);
    expect(now.body).toMatchObject({
      owner: acmeSide,
      basis: { kind: 'transfer', from: { party: 'company' }, cause: { kind: 'dispute', disputeId: 'dsp-c-plock' }, event: { type: 'ClientTransferred' } },
      madeBy: { party: 'system' },
    });
    const stream = await t.events.readStream(clientStream('c-plock'));
    const transfer = stream.find((e) => e.type === 'ClientTransferred')!;
    expect(now.body.basis.event).toEqual({ id: transfer.id, type: 'ClientTransferred', revision: transfer.revision, position: transfer.position, recordedAt: transfer.metadata.recordedAt });
  });

  describe('who may ask', () => {
    it('lets the company, compliance and a distributor that may see the client now ask about any instant', async () => {
      for (const as of ['company', 'compliance', 'acme'] as const) expect((await ownership('c-mazovia', iso(45), as)).status).toBe(200);
      expect((await ownership('c-prague', undefined, 'beta')).status).toBe(200);
    });

    it('judges on where the client stands now: the distributor that owned it then, but may not see it now, is told it does not exist', async () => {
      expect((await ownership('c-szczecin', iso(30), 'company').expect(200)).body).toMatchObject({ owner: acmeSide });
      const res = await ownership('c-szczecin', iso(30), 'acme').expect(404);
      expect(res.body).toMatchObject({ code: 'CLIENT.NOT_FOUND', detail: 'Client c-szczecin was not found' });
    });

    it('answers a client the distributor may not see exactly like one that does not exist', async () => {
      const hidden = await ownership('c-prague', undefined, 'acme').expect(404);
      const missing = await ownership('c-nowhere', undefined, 'acme').expect(404);
      expect(hidden.body).toMatchObject({ code: 'CLIENT.NOT_FOUND', detail: 'Client c-prague was not found' });
      expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
      expect((await ownership('c-mazovia', iso(45), 'beta').expect(404)).text).not.toContain('acme');
      expect((await ownership('c-nowhere', undefined, 'company').expect(404)).body.code).toBe('CLIENT.NOT_FOUND');
    });
  });

  it.each(['yesterday', '2026-02-30', '2026-03-01T12:00:00', '2026-03-01T12:00:00+2', 'x'.repeat(41), ''])('refuses asOf=%j with a 422 naming asOf', async (asOf) => {
    const res = await ownership('c-mazovia', asOf).expect(422);
    expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
  });

  it('refuses an unknown parameter and a malformed id, naming them', async () => {
    const unknown = await t.http().get('/clients/c-mazovia/ownership?at=2026-01-01').set('Authorization', s.auth.company).expect(422);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toContain('at');
    const bad = await t.http().get('/clients/not%20an%20id/ownership').set('Authorization', s.auth.company).expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });
});
