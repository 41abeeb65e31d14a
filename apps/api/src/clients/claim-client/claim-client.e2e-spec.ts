/**
 * Claims end to end: the division criteria of the policies in force judge, then the ownership. Each
 * side claims what the criteria give it; a claim on the other side's client is recorded as a contest
 * and the dispute process opens the dispute; concurrent claims end as exactly one claim.
 */
import { disputeStream } from '@cl/domain/dispute/events';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { DISPUTES } from '@cl/projections/disputes/disputes.projection';
import { ACME, BETA, ClientWorld, COMPANY_SIDE, distributorsClient, keyAccount, sideOfDistributor, YEAR } from '../testing/client-world';
import { slowStreamReads } from '../../testing/slow-stream-reads';

/** A second distributor whose territory overlaps acme's (PL-MZ): two distributors may both be given a client. */
const GAMMA = { id: 'gamma', territories: ['PL-MZ'] };

describe('POST /clients/:id/claims (end to end)', () => {
  let w: ClientWorld;
  beforeAll(async () => {
    w = await ClientWorld.start([ACME, BETA, GAMMA]);
  });
  afterAll(() => w?.close());

  const claim = (who: string, clientId: string) => w.post(who, `/clients/${clientId}/claims`);

  describe('judged by the division criteria', () => {
    it('gives a distributor the client its own policy assigns to it (201), recording the judgement and who acted', async () => {
      const clientId = await w.registerClient(distributorsClient());
      const res = await claim(ACME.id, clientId);
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ clientId, revision: 1, owner: sideOfDistributor(ACME), recorded: [{ type: 'ClientClaimed' }] });
      const [, claimed] = await w.clientEvents(clientId);
      expect(claimed.data).toMatchObject({
        owner: sideOfDistributor(ACME),
        basis: { judgements: [{ policyId: `${ACME.id}-${YEAR}`, termsVersion: 1, ruleId: 'default', assignedTo: 'distributor' }] },
      });
      expect(claimed.metadata.actor).toEqual({ party: 'distributor', userId: 'acme-user', distributorId: ACME.id });
    });

    it("gives the company a key account, judged by every policy in force covering the client's territory", async () => {
      const clientId = await w.registerClient(keyAccount());
      const res = await claim('company', clientId);
      expect(res.status).toBe(201);
      const [, claimed] = await w.clientEvents(clientId);
      expect(claimed.data.owner).toEqual(COMPANY_SIDE);
      const judgements = (claimed.data.basis as { judgements: Array<{ policyId: string; ruleId: string }> }).judgements;
      expect(judgements.map((j) => [j.policyId, j.ruleId]).sort()).toEqual([
        [`${ACME.id}-${YEAR}`, 'key-accounts'],
        [`${GAMMA.id}-${YEAR}`, 'key-accounts'],
      ]);
      expect(claimed.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
    });

    it("lets the company claim a client no distributor's territory holds (no policy has a say)", async () => {
      const clientId = await w.registerClient(distributorsClient({ territory: 'DE-BE' }));
      const res = await claim('company', clientId);
      expect(res.status).toBe(201);
      expect(res.body.basis).toEqual({ judgements: [] });
    });

    it.each([
      ['the company', 'company', distributorsClient(), 'default', 'distributor'],
      ['a distributor', ACME.id, keyAccount(), 'key-accounts', 'company'],
    ])(
      'refuses %s a client the criteria give the other side, naming the rule, and records the refusal for compliance',
      async (_who, who, profile, ruleId, assignedTo) => {
        const clientId = await w.registerClient(profile);
        const res = await claim(who, clientId);
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({
          code: 'CLIENT.ASSIGNED_TO_OTHER_PARTY',
          ruleId,
          policyId: `${ACME.id}-${YEAR}`,
          termsVersion: 1,
          assignedTo,
        });
        expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimRefused']);
        expect(res.body.recorded).toEqual([
          expect.objectContaining({ type: 'ClientClaimRefused', data: expect.objectContaining({ refusedBy: expect.objectContaining({ ruleId }) }) }),
        ]);
      },
    );

    it('judges the criteria before the ownership: a claim they refuse is refused whoever owns the client', async () => {
      const clientId = await w.ownedClient(ACME.id);
      const res = await claim('company', clientId);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
      expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed', 'ClientClaimRefused']);
    });
  });

  it('answers a repeated claim by the owner with 200 and the current owner, recording nothing', async () => {
    const clientId = await w.ownedClient(ACME.id);
    const again = await claim(ACME.id, clientId);
    expect(again.status).toBe(200);
    expect(again.headers.etag).toBe('"1"');
    expect(again.body).toMatchObject({ clientId, revision: 1, recorded: [], owner: sideOfDistributor(ACME) });
    expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered', 'ClientClaimed']);
  });

  describe("a claim on the other side's client", () => {
    let clientId: string;
    let disputeId: string;
    let first: { status: number; body: Record<string, unknown> };

    beforeAll(async () => {
      // The company owned the key account, then handed it to acme: the criteria still give it to the company.
      clientId = await w.ownedClient('company', keyAccount());
      const handed = await w.post('company', `/clients/${clientId}/hand-over`, { to: sideOfDistributor(ACME), reason: 'Served locally' });
      expect(handed.status).toBe(201);
      first = await claim('company', clientId);
      disputeId = first.body.disputeId as string;
    });

    it('is answered 409 naming the dispute and the owner, listing the contest it recorded in the client stream', async () => {
      expect(first.status).toBe(409);
      expect(first.body).toMatchObject({
        code: 'CLIENT.OWNED_BY_OTHER_PARTY',
        disputeId: expect.any(String),
        owner: sideOfDistributor(ACME),
        revision: 3,
        recorded: [{ type: 'ClientClaimContested', data: { disputeId } }],
      });
      const contest = (await w.clientEvents(clientId)).at(-1)!;
      expect(contest.type).toBe('ClientClaimContested');
      expect(contest.data).toMatchObject({ disputeId, claimant: COMPANY_SIDE, owner: sideOfDistributor(ACME) });
      expect(contest.metadata.actor).toEqual({ party: 'company', userId: 'company-user' });
    });

    it('makes the dispute process open the dispute between both sides', async () => {
      await w.t.settled();
      const [opened] = await w.t.events.readStream(disputeStream(disputeId));
      expect(opened.type).toBe('DisputeOpened');
      expect(opened.data).toMatchObject({ subject: { kind: 'client', clientId }, openedBy: COMPANY_SIDE, origin: { kind: 'claim' } });
      const dispute = await w.t.app.get<ReadStore>(READ_STORE).findOne(DISPUTES, { _id: disputeId });
      expect(dispute).toMatchObject({ status: 'open' });
    });

    it('does not open a second dispute when the claim is repeated', async () => {
      const before = await w.eventTypes(clientId);
      const res = await claim('company', clientId);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CLIENT.OWNED_BY_OTHER_PARTY', disputeId, owner: sideOfDistributor(ACME) });
      expect(res.body.recorded).toBeUndefined();
      expect(await w.eventTypes(clientId)).toEqual(before);
    });
  });

  describe('two sides claiming one unowned client at the same time', () => {
    // A slow store: each read of a client stream answers a little late, so both claims decide on the
    // same revision and the second append meets a concurrent write (the handler then decides again).
    const races = slowStreamReads(() => w.t.events, 'client-');

    const race = async (a: string, b: string) => {
      const clientId = await w.registerClient(distributorsClient());
      const answers = await Promise.all([claim(a, clientId), claim(b, clientId)]);
      const types = await w.eventTypes(clientId);
      return { answers, types };
    };

    it.each([1, 2, 3, 4])('company and distributor (round %i): one claim, the other refused by the criteria', async () => {
      const { answers, types } = await race('company', ACME.id);
      expect(types.filter((t) => t === 'ClientClaimed')).toHaveLength(1);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.status === 409)!.body.code).toBe('CLIENT.ASSIGNED_TO_OTHER_PARTY');
    });

    it.each([1, 2, 3, 4])('two distributors both given the client (round %i): one claim, the other a contest', async () => {
      const { answers, types } = await race(ACME.id, GAMMA.id);
      expect(types.filter((t) => t === 'ClientClaimed')).toHaveLength(1);
      expect(types.filter((t) => t === 'ClientClaimContested')).toHaveLength(1);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = answers.find((r) => r.status === 409)!;
      expect(loser.body).toMatchObject({ code: 'CLIENT.OWNED_BY_OTHER_PARTY', disputeId: expect.any(String) });
    });

    it('did meet concurrent writes: the losing claims were decided again, not answered 412', () => {
      expect(races.conflicts).toBeGreaterThan(0);
    });
  });

  describe('who may claim', () => {
    it('answers a distributor claiming a client outside its territories 404, as if it did not exist', async () => {
      const clientId = await w.registerClient(distributorsClient());
      const res = await claim(BETA.id, clientId);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CLIENT.NOT_FOUND');
      expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered']);
    });

    it('refuses compliance (403): it reads everything and claims nothing', async () => {
      const clientId = await w.registerClient(distributorsClient());
      const res = await claim('compliance', clientId);
      expect(res.status).toBe(403);
      expect(res.body.code).toMatch(/^AUTH\./);
      expect(await w.eventTypes(clientId)).toEqual(['ClientRegistered']);
    });

    it('answers 404 for a client that does not exist', async () => {
      const res = await claim('company', 'c-nobody');
      expect(res.status).toBe(404);
    });
  });
});
