/**
 * The policy read side end to end: policies are written as real domain events (the decider run on
 * the stored stream, appended to the hash-chained store) and read back through the projections.
 */
import { randomUUID } from 'node:crypto';
import { policyDecider, policyIdFor, policyStream, type PolicyCommand, type PolicyEvent, type PolicyTerms } from '@cl/domain/policy';
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import { fold, type Actor } from '@cl/domain/shared/types';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { startTestApp, type TestApp } from '../../testing/test-app';

const YEAR = new Date().getUTCFullYear();
const NEXT = YEAR + 1;
const company: Actor = { party: 'company', userId: 'ceo' };
const acme: Actor = { party: 'distributor', userId: 'jan', distributorId: 'acme' };
const termsOf = (year: number, territories: string[], handOverDays = 14): PolicyTerms => sampleTerms(year, { territories, handOverDays });

/** Runs a command through the pure decider against the stored stream and appends what it decides. */
async function decide(t: TestApp, actor: Actor, command: Omit<PolicyCommand, 'context'>): Promise<void> {
  const c = { ...command, context: { now: new Date(), actor } } as PolicyCommand;
  const policyId = c.type === 'DraftPolicy' ? policyIdFor(c.data.distributorId, c.data.year) : c.data.policyId;
  const recorded = await t.events.readStream(policyStream(policyId));
  const state = fold(
    policyDecider,
    recorded.map((e) => ({ type: e.type, data: e.data }) as PolicyEvent),
  );
  const events = policyDecider.decide(c, state);
  const metadata = { actor, correlationId: randomUUID(), causationId: randomUUID(), recordedAt: c.context.now.toISOString() };
  const envelopes = events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: { ...e.data }, metadata }));
  await t.events.appendToStream(policyStream(policyId), envelopes, {
    expectedRevision: recorded.length ? recorded.length - 1 : 'no_stream',
  });
}

/** Drafted by the company, then signed by both parties (distributor first): in force. */
async function signedPolicy(t: TestApp, distributor: Actor, year: number, terms: PolicyTerms): Promise<void> {
  await decide(t, company, { type: 'DraftPolicy', data: { distributorId: distributor.distributorId!, year, terms } });
  for (const actor of [distributor, company]) {
    await decide(t, actor, {
      type: 'SignPolicy',
      data: { policyId: `${distributor.distributorId}-${year}`, termsVersion: 1, termsHash: termsHash(terms) },
    });
  }
}

describe('policy queries (end to end)', () => {
  let t: TestApp;
  const auth: Record<string, string> = {};
  const next = { v1: termsOf(NEXT, ['PL']), amended: termsOf(NEXT, ['PL'], 21), proposal: termsOf(NEXT, ['PL'], 30) };
  const get = (path: string, as = 'company') => t.http().get(path).set('Authorization', auth[as]);

  beforeAll(async () => {
    t = await startTestApp();
    auth.company = `Bearer ${await t.token('company')}`;
    auth.compliance = `Bearer ${await t.token('compliance')}`;
    auth.acme = `Bearer ${await t.token('distributor', { distributorId: 'acme', sub: 'jan' })}`;
    auth.beta = `Bearer ${await t.token('distributor', { distributorId: 'beta', sub: 'eva' })}`;
    for (const [id, territories] of [
      ['acme', ['PL']],
      ['beta', ['CZ']],
    ] as const) {
      await t
        .http()
        .post('/distributors')
        .set('Authorization', auth.company)
        .send({ id, name: `${id} distribution`, territories })
        .expect(201);
    }
    // acme: this year's policy in force now; next year's in force from 1 January, amended from 1 July, a second amendment open.
    await signedPolicy(t, acme, YEAR, termsOf(YEAR, ['PL-MZ', 'PL-MA']));
    await signedPolicy(t, acme, NEXT, next.v1);
    const policyId = `acme-${NEXT}`;
    await decide(t, acme, { type: 'ProposeAmendment', data: { policyId, terms: next.amended, effectiveFrom: `${NEXT}-07-01` } });
    for (const actor of [acme, company])
      await decide(t, actor, { type: 'SignAmendment', data: { policyId, amendmentNo: 1, termsHash: termsHash(next.amended) } });
    await decide(t, company, { type: 'ProposeAmendment', data: { policyId, terms: next.proposal } });
    // beta: a draft only.
    await decide(t, company, { type: 'DraftPolicy', data: { distributorId: 'beta', year: YEAR, terms: termsOf(YEAR, ['CZ-PR']) } });
    await t.settled();
  });
  afterAll(() => t?.close());

  describe('GET /policies/:id', () => {
    it('shows every version with its hash and signatures, the in-force timeline, the amendments; the ETag is the revision', async () => {
      const res = await get(`/policies/acme-${NEXT}`).expect(200);
      const stream = await t.events.readStream(policyStream(`acme-${NEXT}`));
      expect(res.headers.etag).toBe(`"${stream.length - 1}"`);
      expect(res.body).toMatchObject({
        id: `acme-${NEXT}`,
        distributorId: 'acme',
        year: NEXT,
        status: 'in_force',
        currentVersion: 2,
        currentTermsHash: termsHash(next.amended),
        currentTerms: next.amended,
        signedBy: ['company', 'distributor'],
        firstEffectiveFrom: `${NEXT}-01-01T00:00:00.000Z`,
        revision: stream.length - 1,
      });
      expect(res.body.versions.map((v: { version: number; termsHash: string }) => [v.version, v.termsHash])).toEqual([
        [1, termsHash(next.v1)],
        [2, termsHash(next.amended)],
        [3, termsHash(next.proposal)],
      ]);
      expect(res.body.versions[0].signatures).toEqual([
        { party: 'company', userId: 'ceo', termsHash: termsHash(next.v1), signedAt: expect.any(String) },
        { party: 'distributor', userId: 'jan', termsHash: termsHash(next.v1), signedAt: expect.any(String) },
      ]);
      expect(res.body.inForce).toEqual([
        { termsVersion: 1, termsHash: termsHash(next.v1), effectiveFrom: `${NEXT}-01-01T00:00:00.000Z` },
        { termsVersion: 2, termsHash: termsHash(next.amended), effectiveFrom: `${NEXT}-07-01T00:00:00.000Z`, amendmentNo: 1 },
      ]);
      expect(res.body.amendments.map((a: { amendmentNo: number; status: string }) => [a.amendmentNo, a.status])).toEqual([
        [1, 'agreed'],
        [2, 'open'],
      ]);
      expect(res.body.amendments[0]).toMatchObject({
        proposedBy: { party: 'distributor', userId: 'jan' },
        signatures: [{ party: 'company' }, { party: 'distributor' }],
      });
    });

    it('shows a draft with no signatures yet', async () => {
      const res = await get(`/policies/beta-${YEAR}`, 'compliance').expect(200);
      expect(res.body).toMatchObject({ status: 'draft', currentVersion: 1, signedBy: [], inForce: [], amendments: [] });
    });

    it("answers another distributor's policy exactly like one that does not exist", async () => {
      expect((await get(`/policies/acme-${NEXT}`, 'acme')).status).toBe(200);
      const hidden = await get(`/policies/acme-${NEXT}`, 'beta').expect(404);
      const missing = await get(`/policies/ghost-${NEXT}`, 'beta').expect(404);
      expect(hidden.body).toMatchObject({ code: 'POLICY.NOT_FOUND', detail: `Policy acme-${NEXT} was not found` });
      expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
      expect(hidden.text).not.toContain('PL-MZ');
    });

    it('refuses a malformed id with a 422 naming it', async () => {
      const res = await get('/policies/not a policy').expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['id']);
    });
  });

  describe('GET /policies', () => {
    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((p) => p.id);

    it('lists newest year first with the page bounds it used', async () => {
      const res = await get('/policies').expect(200);
      expect(res.body).toMatchObject({ total: 3, limit: 20, offset: 0 });
      expect(ids(res)).toEqual([`acme-${NEXT}`, `acme-${YEAR}`, `beta-${YEAR}`]);
      expect(res.body.items[2]).toEqual({
        id: `beta-${YEAR}`,
        distributorId: 'beta',
        year: YEAR,
        status: 'draft',
        currentVersion: 1,
        currentTermsHash: termsHash(termsOf(YEAR, ['CZ-PR'])),
        signedBy: [],
        revision: 0,
        updatedAt: expect.any(String),
      });
    });

    it.each([
      ['distributorId=acme', [`acme-${NEXT}`, `acme-${YEAR}`]],
      [`year=${YEAR}`, [`acme-${YEAR}`, `beta-${YEAR}`]],
      ['status=draft', [`beta-${YEAR}`]],
      [`distributorId=acme&year=${NEXT}&status=in_force`, [`acme-${NEXT}`]],
      ['distributorId=nobody', []],
    ])('filters by %s', async (query, expected) => {
      const res = await get(`/policies?${query}`, 'compliance').expect(200);
      expect([ids(res), res.body.total]).toEqual([expected, expected.length]);
    });

    it('pages with limit and offset, the total counting every match', async () => {
      const res = await get('/policies?limit=1&offset=1').expect(200);
      expect(res.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(ids(res)).toEqual([`acme-${YEAR}`]);
      expect(ids(await get('/policies?offset=10000').expect(200))).toEqual([]);
    });

    it.each([
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=1&limit=2', 'limit'],
      ['offset=10001', 'offset'],
      ['offset=-1', 'offset'],
      ['year=26', 'year'],
      ['status=active', 'status'],
      ['distributorId=a%20b', 'distributorId'],
      ['owner=acme', 'owner'],
    ])('refuses %s with a 422 naming %s', async (query, field) => {
      const res = await get(`/policies?${query}`).expect(422);
      expect(res.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('shows a distributor only its own policies, whatever distributorId it asks for', async () => {
      expect(ids(await get('/policies', 'beta').expect(200))).toEqual([`beta-${YEAR}`]);
      expect(ids(await get('/policies', 'acme').expect(200))).toEqual([`acme-${NEXT}`, `acme-${YEAR}`]);
      const other = await get('/policies?distributorId=acme', 'beta').expect(200);
      expect(other.body).toMatchObject({ items: [], total: 0 });
    });
  });

  describe('GET /policies/:id/terms-in-force', () => {
    const inForce = (at: string, as = 'company') => get(`/policies/acme-${NEXT}/terms-in-force?at=${encodeURIComponent(at)}`, as);

    it('has nothing in force before the effective date, nor after the year', async () => {
      for (const at of [`${NEXT - 1}-12-31T23:59:59.999Z`, `${NEXT + 1}-01-01`]) {
        const res = await inForce(at).expect(404);
        expect(res.body.code).toBe('POLICY.NO_TERMS_IN_FORCE');
      }
    });

    it('answers the version signed from 1 January, and the amendment from its effective date', async () => {
      const january = await inForce(`${NEXT}-01-01`).expect(200);
      expect(january.body).toEqual({
        policyId: `acme-${NEXT}`,
        at: `${NEXT}-01-01T00:00:00.000Z`,
        termsVersion: 1,
        termsHash: termsHash(next.v1),
        effectiveFrom: `${NEXT}-01-01T00:00:00.000Z`,
        terms: next.v1,
      });
      expect((await inForce(`${NEXT}-07-01T01:59:59+02:00`, 'acme').expect(200)).body.termsVersion).toBe(1);
      const july = await inForce(`${NEXT}-07-01T00:00:00Z`, 'compliance').expect(200);
      expect(july.body).toMatchObject({ termsVersion: 2, amendmentNo: 1, termsHash: termsHash(next.amended), terms: next.amended });
    });

    it('defaults to now', async () => {
      const res = await get(`/policies/acme-${YEAR}/terms-in-force`, 'acme').expect(200);
      expect(res.body).toMatchObject({ policyId: `acme-${YEAR}`, termsVersion: 1 });
      expect(Date.parse(res.body.at)).toBeGreaterThanOrEqual(Date.parse(res.body.effectiveFrom));
    });

    it.each(['yesterday', `${NEXT}-02-30`, `${NEXT}-03-01T12:00:00`, 'x'.repeat(41)])('refuses at=%s with a 422 naming at', async (at) => {
      const res = await inForce(at).expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('at');
    });

    it("hides another distributor's policy before saying whether anything is in force", async () => {
      const res = await inForce(`${NEXT + 1}-01-01`, 'beta').expect(404);
      expect(res.body.code).toBe('POLICY.NOT_FOUND');
    });
  });

  describe("the distributor's territories", () => {
    const territories = async (id: string) => (await get(`/distributors/${id}`).expect(200)).body;

    it('are those of the policy in force now, not of one signed for later; the maps behind them stay internal', async () => {
      const view = await territories('acme');
      expect(view.territories).toEqual(['PL-MZ', 'PL-MA']);
      expect(Object.keys(view).sort()).toEqual(['id', 'name', 'registeredAt', 'revision', 'territories']);
      expect((await territories('beta')).territories).toEqual(['CZ']); // a draft governs nothing
    });

    it('fall back to the registered ones once the policy is terminated', async () => {
      await decide(t, company, { type: 'TerminatePolicy', data: { policyId: `acme-${YEAR}`, reason: 'end of cooperation' } });
      await t.settled();
      expect((await territories('acme')).territories).toEqual(['PL']);
      const policy = await get(`/policies/acme-${YEAR}`).expect(200);
      expect(policy.body).toMatchObject({ status: 'terminated', termination: { party: 'company', reason: 'end of cooperation' } });
      expect((await get(`/policies/acme-${YEAR}/terms-in-force`).expect(404)).body.code).toBe('POLICY.NO_TERMS_IN_FORCE');
    });
  });

  it('describes the three queries in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const params = (path: string) => doc.paths[path].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params('/policies')).toEqual(['distributorId', 'limit', 'offset', 'status', 'year']);
    expect(params('/policies/{id}')).toEqual(['id']);
    expect(params('/policies/{id}/terms-in-force')).toEqual(['at', 'id']);
    expect(doc.paths['/policies/{id}'].get['x-access']).toEqual({ parties: ['company', 'compliance', 'distributor'] });
  });
});
