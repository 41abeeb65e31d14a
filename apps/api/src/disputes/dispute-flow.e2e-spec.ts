/**
 * The dispute lifecycle end to end, through HTTP only: a distributor's claim on the company's client
 * opens a dispute by itself; the parties talk, propose and agree; compliance decides another dispute
 * and the client changes hands — exactly once, even when the process managers are made to deliver
 * everything again after a restart on the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disputeStream } from '@cl/domain/dispute';
import { reactorCheckpointName, toProjected } from '@cl/projections';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { DisputeSettlementReactor } from '../clients/settle-disputes/dispute-settlement.reactor';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import { ACME, ACME_SIDE, COMPANY_SIDE, DisputeWorld } from './testing/dispute-world';

const REACTORS = ['dispute-opener', 'dispute-settlement'];

describe('disputes end to end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-disputes-'));
  let w: DisputeWorld;
  let contested: string;
  let decided: string;
  let claimDispute: string;
  let directDispute: string;
  let startedAt: string;

  const typesOf = async (clientId: string) => (await w.clientEvents(clientId)).map((e) => e.type);
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((d) => d.id);

  beforeAll(async () => {
    w = await DisputeWorld.start({ DATA_DIR: dataDir });
    startedAt = new Date().toISOString();
    // The company claims both clients while no policy is in force, then acme's policy is signed: its
    // criteria give a retail client in Mazovia to acme, which the company already owns.
    contested = await w.companyClient();
    decided = await w.companyClient();
    await w.signPolicy(ACME);
  });
  afterAll(async () => {
    await w?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens a dispute when a distributor claims the company's client: 409 naming it, then the process opens it", async () => {
    const claim = await w.post('acme', `/clients/${contested}/claims`);
    expect([claim.status, claim.body.code]).toEqual([409, 'CLIENT.OWNED_BY_OTHER_PARTY']);
    claimDispute = claim.body.disputeId;
    expect(claimDispute).toEqual(expect.any(String));
    const again = await w.post('acme', `/clients/${contested}/claims`);
    expect([again.status, again.body.disputeId]).toEqual([409, claimDispute]);

    const view = await w.dispute('company', claimDispute);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'open',
      subject: { kind: 'client', clientId: contested },
      parties: [ACME_SIDE, COMPANY_SIDE],
      openedBy: ACME_SIDE,
      origin: { kind: 'claim', claimant: ACME_SIDE, owner: COMPANY_SIDE, ownerBasis: { kind: 'claim' } },
      originKind: 'claim',
    });
    expect(view.body.origin.claimantBasis.judgements).toEqual([
      expect.objectContaining({ policyId: expect.stringMatching(/^acme-/), assignedTo: 'distributor' }),
    ]);
    expect(view.body.timeline[0]).toMatchObject({ kind: 'opened', side: ACME_SIDE, by: { party: 'system', userId: 'dispute-opener' } });
  });

  it('shows it to the company, compliance and the claimant, and to no other distributor', async () => {
    for (const who of ['company', 'compliance', 'acme']) expect((await w.get(who, `/disputes/${claimDispute}`)).status).toBe(200);
    expect((await w.get('beta', `/disputes/${claimDispute}`)).status).toBe(404);
    expect(ids(await w.get('acme', '/disputes'))).toEqual([claimDispute]);
    expect(ids(await w.get('beta', '/disputes'))).toEqual([]);
  });

  it('records the notes and evidence of both parties on the timeline', async () => {
    await w.postExpecting(201, 'acme', `/disputes/${claimDispute}/notes`, { text: 'The client asked us for an offer in January' });
    await w.postExpecting(201, 'company', `/disputes/${claimDispute}/evidence`, {
      reference: 'crm://clients/contested',
      description: 'Orders since 2023',
    });
    expect((await w.post('beta', `/disputes/${claimDispute}/notes`, { text: 'me too' })).status).toBe(404);
    const view = await w.dispute('compliance', claimDispute);
    expect(view.body.timeline.map((e: { kind: string; side?: unknown }) => [e.kind, e.side])).toEqual([
      ['opened', ACME_SIDE],
      ['note-added', ACME_SIDE],
      ['evidence-added', COMPANY_SIDE],
    ]);
  });

  it('ends by agreement when the other party accepts a proposal; the client is settled, not moved', async () => {
    const proposal = await w.postExpecting(201, 'company', `/disputes/${claimDispute}/resolution-proposals`, {
      outcome: { decision: 'The company keeps the client; acme gets the next tender in Mazovia', clientOwner: COMPANY_SIDE },
    });
    expect(proposal.body.proposalNo).toBe(1);
    expect((await w.post('company', `/disputes/${claimDispute}/resolution-proposals/1/acceptance`)).body.code).toBe('DISPUTE.OWN_PROPOSAL');
    await w.postExpecting(201, 'acme', `/disputes/${claimDispute}/resolution-proposals/1/acceptance`);
    await w.settled();
    expect((await w.get('acme', `/disputes/${claimDispute}`)).body).toMatchObject({
      status: 'resolved',
      resolution: { by: { kind: 'agreement', proposalNo: 1, proposedBy: COMPANY_SIDE, agreedBy: ACME_SIDE } },
      proposals: [expect.objectContaining({ status: 'accepted' })],
    });
    const settled = (await w.clientEvents(contested)).filter((e) => e.type === 'ClientDisputeSettled');
    expect(settled.map((e) => e.data)).toEqual([
      expect.objectContaining({ disputeId: claimDispute, resolution: 'resolved', ownerAfter: COMPANY_SIDE }),
    ]);
    expect(await typesOf(contested)).not.toContain('ClientTransferred');
  });

  it('moves the client when compliance decides for the distributor: ClientTransferred (cause dispute) and ClientDisputeSettled', async () => {
    directDispute = await w.open('acme', {
      subject: { kind: 'client', clientId: decided },
      summary: 'We have served this client since 2022',
    });
    expect((await w.dispute('acme', directDispute)).body.parties).toEqual([ACME_SIDE, COMPANY_SIDE]);
    await w.postExpecting(201, 'compliance', `/disputes/${directDispute}/resolution`, {
      outcome: { decision: 'acme proved the earlier relationship', clientOwner: ACME_SIDE },
    });
    await w.settled();
    const events = await w.clientEvents(decided);
    const [transferred, settled] = events.slice(-2);
    expect(transferred).toMatchObject({
      type: 'ClientTransferred',
      data: {
        from: COMPANY_SIDE,
        to: ACME_SIDE,
        cause: { kind: 'dispute', disputeId: directDispute },
        transferId: `dispute-${directDispute}`,
      },
      metadata: { actor: { party: 'system', userId: 'dispute-settlement' } },
    });
    expect(settled).toMatchObject({
      type: 'ClientDisputeSettled',
      data: { disputeId: directDispute, resolution: 'resolved', ownerAfter: ACME_SIDE },
    });
    expect((await w.get('company', `/clients/${decided}`)).body).toMatchObject({ owner: ACME_SIDE });
  });

  it('applies the decision once when the settlement reactor gets the same event twice', async () => {
    const before = await w.clientEvents(decided);
    const resolved = (await w.t.events.readStream(disputeStream(directDispute))).find((e) => e.type === 'DisputeResolved')!;
    const event = toProjected(w.t.app.get(EVENT_SCHEMAS), resolved);
    const reactor = w.t.app.get(DisputeSettlementReactor);
    await reactor.react(event);
    await reactor.react(event);
    expect(await w.clientEvents(decided)).toHaveLength(before.length);
  });

  it('filters the list by party, status and period', async () => {
    const query = async (q: string) => ids(await w.get('compliance', `/disputes?${q}`));
    expect(await query('party=distributor:acme&status=resolved')).toEqual([directDispute, claimDispute]);
    expect(await query('party=distributor:beta')).toEqual([]);
    expect(await query('status=open')).toEqual([]);
    expect(await query(`openedFrom=${encodeURIComponent(startedAt)}`)).toEqual([directDispute, claimDispute]);
    expect(await query(`openedTo=${encodeURIComponent(startedAt)}`)).toEqual([]);
  });

  it('lets the claimant withdraw a new contest; the client stays where it was', async () => {
    const claim = await w.post('acme', `/clients/${contested}/claims`);
    expect(claim.status).toBe(409);
    const withdrawnDispute = claim.body.disputeId;
    expect(withdrawnDispute).not.toBe(claimDispute);
    await w.settled();
    expect((await w.post('company', `/disputes/${withdrawnDispute}/withdrawal`, { reason: 'not ours to drop' })).body.code).toBe(
      'DISPUTE.NOT_OPENER',
    );
    await w.postExpecting(201, 'acme', `/disputes/${withdrawnDispute}/withdrawal`, {
      reason: 'The client confirmed it buys from the company',
    });
    await w.settled();
    expect((await w.get('acme', `/disputes?status=withdrawn`)).body.items).toEqual([
      expect.objectContaining({
        id: withdrawnDispute,
        withdrawal: { side: ACME_SIDE, reason: 'The client confirmed it buys from the company' },
      }),
    ]);
    const settled = (await w.clientEvents(contested)).filter((e) => e.type === 'ClientDisputeSettled').map((e) => e.data);
    expect(settled).toEqual([
      expect.objectContaining({ disputeId: claimDispute }),
      expect.objectContaining({ disputeId: withdrawnDispute, resolution: 'withdrawn', ownerAfter: COMPANY_SIDE }),
    ]);
  });

  it('survives a restart that redelivers every event to both reactors: nothing is opened, moved or settled twice', async () => {
    await w.settled();
    const head = await w.t.events.headPosition();
    const streams = { contested: await typesOf(contested), decided: await typesOf(decided) };
    await w.close();

    const store = new SqliteReadStore(join(dataDir, 'read-models.db'));
    for (const name of REACTORS.map(reactorCheckpointName)) {
      const generation = await store.beginRebuild(name);
      await store.commit({ projection: name, generation, expectedCheckpoint: 0, checkpoint: 0, ops: [], activate: true });
      expect((await store.status(name)).checkpoint).toBe(0);
    }
    await store.close();

    w = await DisputeWorld.reopen(dataDir);
    await w.settled();
    const reads = w.t.app.get<ReadStore>(READ_STORE);
    // Both reactors went through the whole log again…
    for (const name of REACTORS) expect((await reads.status(reactorCheckpointName(name))).checkpoint).toBe(head);
    // …and appended nothing: every command they issued was answered as a repeat.
    expect(await w.t.events.headPosition()).toBe(head);
    expect({ contested: await typesOf(contested), decided: await typesOf(decided) }).toEqual(streams);
    expect(streams.decided.filter((t) => t === 'ClientTransferred')).toHaveLength(1);
    expect((await w.get('company', `/clients/${decided}`)).body).toMatchObject({ owner: ACME_SIDE });
  });
});
