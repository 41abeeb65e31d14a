/**
 * Disputes about evidence end to end: the request records EvidenceDisputed in one append and the
 * evidence-dispute-opener process opens the dispute; when the dispute ends (compliance's decision, an
 * accepted proposal, a withdrawal) the evidence-dispute-settlement process records the outcome on the
 * evidence, and the obligation leaves "disputed". Concurrent writes to the obligations stream never
 * leave a dispute without its EvidenceDisputed; a restart that redelivers every event appends nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { obligationsStream } from '@cl/domain/obligations';
import { sampleTerms } from '@cl/domain/policy/example-terms';
import { reactorCheckpointName } from '@cl/projections';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { policySignedAt } from '../settlements/testing/ledger-writes';
import { slowStreamReads } from '../testing/slow-stream-reads';
import { startTestApp, type TestApp } from '../testing/test-app';

const TODAY = new Date();
const YEAR = TODAY.getUTCMonth() >= 4 ? TODAY.getUTCFullYear() : TODAY.getUTCFullYear() - 1;
const terms = sampleTerms(YEAR, { territories: ['PL-MZ'] });
/** Two sales engineers by 30 June of the policy's year. */
const QUAL = 'qual:sales engineer:Pump systems level 2';
const SCRIPT = 'script:First call:3.1';
const REACTORS = ['evidence-dispute-opener', 'evidence-dispute-settlement'];
const enc = encodeURIComponent;

describe('disputes about evidence (end to end)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-evidence-disputes-'));
  let t: TestApp;
  const auth: Record<string, string> = {};
  const as = (who: string) => auth[who];
  const post = (path: string, who: string, body: object = {}) => t.http().post(path).set('Authorization', as(who)).send(body);
  const policy = (d: string) => `/policies/${d}-${YEAR}`;

  async function start(): Promise<void> {
    t = await startTestApp({ DATA_DIR: dataDir });
    auth.company = `Bearer ${await t.token('company')}`;
    auth.compliance = `Bearer ${await t.token('compliance')}`;
    for (const d of ['acme', 'beta']) auth[d] = `Bearer ${await t.token('distributor', { distributorId: d, sub: `${d}-user` })}`;
  }

  /** The distributor records evidence of `oid`; answers its id. */
  async function evidence(d: string, oid: string, body: { when: string; count?: number }): Promise<string> {
    const res = await post(`${policy(d)}/obligations/${enc(oid)}/evidence`, d, {
      what: 'Certificates',
      documentRef: 'doc://certificates',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.evidenceId;
  }

  const disputeOf = (d: string, oid: string, eid: string, reason = 'The certificate is for level 1 only') =>
    post(`${policy(d)}/obligations/${enc(oid)}/evidence/${eid}/dispute`, 'company', { reason });

  /** The company disputes the evidence; answers the dispute id once the process opened it. */
  async function disputed(d: string, oid: string, eid: string): Promise<string> {
    const res = await disputeOf(d, oid, eid);
    expect(res.status).toBe(201);
    await t.settled();
    return res.body.disputeId;
  }

  const statusOf = async (d: string, oid: string) => {
    const res = await t
      .http()
      .get(`${policy(d)}/obligations`)
      .set('Authorization', as('company'))
      .expect(200);
    return res.body.items.find((i: { obligation: { id: string } }) => i.obligation.id === oid)?.status;
  };
  const stream = async (d: string) =>
    (await t.events.readStream(obligationsStream(`${d}-${YEAR}`))).map((e) => ({ type: e.type, data: e.data, actor: e.metadata.actor }));
  const disputeIdsAbout = async (eid: string) => {
    const res = await t.http().get('/disputes').query({ limit: 200, subjectKind: 'obligation' }).set('Authorization', as('company')).expect(200);
    expect(res.body.items.every((d: { subjectKind: string }) => d.subjectKind === 'obligation')).toBe(true);
    return res.body.items
      .filter((d: { subject: { evidenceId?: string } }) => d.subject.evidenceId === eid)
      .map((d: { id: string }) => d.id);
  };

  beforeAll(async () => {
    await start();
    for (const id of ['acme', 'beta']) {
      await post('/distributors', 'company', { id, name: `${id} distribution`, territories: ['PL-MZ'] }).expect(201);
      await policySignedAt(t, id, YEAR, terms, new Date(Date.UTC(YEAR - 1, 11, 15, 9)));
    }
    await t.settled();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the dispute’s end links back to the evidence', () => {
    it('answers the dispute id; the process opens the dispute, which both parties read', async () => {
      const eid = await evidence('acme', QUAL, { when: `${YEAR}-05-14` });
      const res = await disputeOf('acme', QUAL, eid);
      expect(res.status).toBe(201);
      expect(res.body.recorded.map((e: { type: string }) => e.type)).toEqual(['EvidenceDisputed']);
      const { disputeId } = res.body;
      await t.settled();
      for (const who of ['company', 'acme']) {
        const dispute = await t.http().get(`/disputes/${disputeId}`).set('Authorization', as(who)).expect(200);
        expect(dispute.body).toMatchObject({
          subject: { kind: 'obligation', policyId: `acme-${YEAR}`, obligationId: QUAL, evidenceId: eid },
          openedBy: { party: 'company' },
          status: 'open',
          summary: 'The certificate is for level 1 only',
        });
        expect(dispute.body.timeline[0].by).toMatchObject({ party: 'system', userId: 'evidence-dispute-opener' });
      }
      expect((await t.http().get(`/disputes/${disputeId}`).set('Authorization', as('beta'))).status).toBe(404);
      expect(await statusOf('acme', QUAL)).toEqual({ status: 'disputed', disputeIds: [disputeId] });
    });

    it('compliance rejects the evidence: it does not count, and the obligation is overdue again, no longer disputed', async () => {
      const [eid] = (await stream('acme')).filter((e) => e.type === 'EvidenceDisputed').map((e) => e.data.evidenceId as string);
      const [disputeId] = await disputeIdsAbout(eid);
      const missing = await post(`/disputes/${disputeId}/resolution`, 'compliance', { outcome: { decision: 'Level 1 only' } });
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'outcome.evidenceVerdict' })]);
      await post(`/disputes/${disputeId}/resolution`, 'compliance', {
        outcome: { decision: 'Level 1 only', evidenceVerdict: 'rejected' },
      }).expect(201);
      await t.settled();
      const ended = (await stream('acme')).filter((e) => e.type === 'EvidenceDisputeResolved');
      expect(ended).toEqual([
        {
          type: 'EvidenceDisputeResolved',
          data: expect.objectContaining({
            disputeId,
            evidenceId: eid,
            obligationId: QUAL,
            outcome: 'rejected',
            endedBy: { kind: 'compliance', userId: 'compliance-user' },
          }),
          actor: { party: 'system', userId: 'evidence-dispute-settlement' },
        },
      ]);
      expect(await statusOf('acme', QUAL)).toEqual({ status: 'overdue' });
      const refused = await post(`${policy('acme')}/obligations/${enc(QUAL)}/evidence/${eid}/acceptance`, 'company');
      expect([refused.status, refused.body.code]).toEqual([409, 'OBLIGATIONS.EVIDENCE_REJECTED']);
    });

    it('an accepted proposal upholds the evidence: it counts as accepted, and the scorecard shows it kept', async () => {
      const eid = await evidence('acme', QUAL, { when: `${YEAR}-05-20`, count: 2 });
      const disputeId = await disputed('acme', QUAL, eid);
      const card = async () =>
        (
          await t.http().get('/reports/obligations').query({ distributorId: 'acme' }).set('Authorization', as('company')).expect(200)
        ).body.rows.find((r: { responsibleParty: string }) => r.responsibleParty === 'distributor');
      expect(await card()).toMatchObject({ disputed: 1 });
      await post(`/disputes/${disputeId}/resolution-proposals`, 'acme', {
        outcome: { decision: 'Both are level 2', evidenceVerdict: 'upheld' },
      }).expect(201);
      await post(`/disputes/${disputeId}/resolution-proposals/1/acceptance`, 'company').expect(201);
      await t.settled();
      expect(await statusOf('acme', QUAL)).toEqual({ status: 'fulfilled', fulfilledOn: `${YEAR}-05-20`, timeliness: 'on-time' });
      expect(await card()).toMatchObject({ disputed: 0 });
      const ended = (await stream('acme')).filter((e) => e.type === 'EvidenceDisputeResolved').map((e) => e.data);
      expect(ended[1]).toMatchObject({
        disputeId,
        outcome: 'upheld',
        endedBy: { kind: 'agreement', proposedBy: 'distributor', agreedBy: 'company' },
      });
    });

    it('a withdrawn dispute upholds the evidence: the party that disputed it dropped its objection', async () => {
      const eid = await evidence('acme', SCRIPT, { when: `${YEAR}-01-20` });
      const disputeId = await disputed('acme', SCRIPT, eid);
      expect(await statusOf('acme', SCRIPT)).toMatchObject({ status: 'disputed' });
      await post(`/disputes/${disputeId}/withdrawal`, 'company', { reason: 'Mystery calls confirmed the new script' }).expect(201);
      await t.settled();
      expect(await statusOf('acme', SCRIPT)).toEqual({ status: 'fulfilled', fulfilledOn: `${YEAR}-01-20`, timeliness: 'on-time' });
      const ended = (await stream('acme')).filter((e) => e.type === 'EvidenceDisputeResolved').map((e) => e.data);
      expect(ended[2]).toMatchObject({ disputeId, outcome: 'upheld', endedBy: { kind: 'withdrawal', withdrawnBy: 'company' } });
    });
  });

  describe('concurrent writes to the obligations stream', () => {
    // Each read of an obligations stream answers a little late, so concurrent requests decide on the same revision.
    const races = slowStreamReads(() => t.events, 'obligations-');

    it('the same evidence disputed twice at once: one dispute, named by the only EvidenceDisputed', async () => {
      const eid = await evidence('beta', QUAL, { when: `${YEAR}-05-14` });
      const answers = await Promise.all([disputeOf('beta', QUAL, eid, 'Expired'), disputeOf('beta', QUAL, eid, 'Forged')]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.status === 409)!.body.code).toBe('OBLIGATIONS.EVIDENCE_DISPUTED');
      await t.settled();
      const named = (await stream('beta'))
        .filter((e) => e.type === 'EvidenceDisputed' && e.data.evidenceId === eid)
        .map((e) => e.data.disputeId);
      expect(named).toEqual([answers.find((r) => r.status === 201)!.body.disputeId]);
      expect(await disputeIdsAbout(eid)).toEqual(named);
    });

    it('two pieces of evidence disputed at once: both recorded (the later append decided again), each dispute opened', async () => {
      const first = await evidence('beta', SCRIPT, { when: `${YEAR}-01-20` });
      const second = await evidence('beta', QUAL, { when: `${YEAR}-05-15` });
      const answers = await Promise.all([disputeOf('beta', SCRIPT, first), disputeOf('beta', QUAL, second)]);
      expect(answers.map((r) => r.status)).toEqual([201, 201]);
      await t.settled();
      expect(await disputeIdsAbout(first)).toEqual([answers[0].body.disputeId]);
      expect(await disputeIdsAbout(second)).toEqual([answers[1].body.disputeId]);
    });

    it('did meet concurrent writes', () => {
      expect(races.conflicts).toBeGreaterThan(0);
    });
  });

  it('survives a restart that redelivers every event to both processes: nothing is opened or settled twice', async () => {
    await t.settled();
    const head = await t.events.headPosition();
    const streams = { acme: await stream('acme'), beta: await stream('beta') };
    expect(streams.acme.filter((e) => e.type === 'EvidenceDisputeResolved')).toHaveLength(3);
    await t.close();
    const store = new SqliteReadStore(join(dataDir, 'read-models.db'));
    for (const name of REACTORS.map(reactorCheckpointName)) {
      const generation = await store.beginRebuild(name);
      await store.commit({ projection: name, generation, expectedCheckpoint: 0, checkpoint: 0, ops: [], activate: true });
    }
    await store.close();
    await start();
    await t.settled();
    // Both processes went through the whole log again…
    const reads = t.app.get<ReadStore>(READ_STORE);
    for (const name of REACTORS) expect((await reads.status(reactorCheckpointName(name))).checkpoint).toBe(head);
    // …and appended nothing: every command they issued was answered as a repeat.
    expect(await t.events.headPosition()).toBe(head);
    expect({ acme: await stream('acme'), beta: await stream('beta') }).toEqual(streams);
  });
});
