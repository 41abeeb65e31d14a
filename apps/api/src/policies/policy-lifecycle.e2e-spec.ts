import { sampleTerms } from '@cl/domain/policy/example-terms';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { startTestApp, type TestApp } from '../testing/test-app';

const YEAR = new Date().getUTCFullYear();

describe('policy lifecycle through the API (end to end)', () => {
  let t: TestApp;
  let company: string;
  let acme: string;
  let beta: string;
  const terms = sampleTerms(YEAR);
  const revised = { ...sampleTerms(YEAR), handOverDays: 21 };

  beforeAll(async () => {
    t = await startTestApp();
    company = `Bearer ${await t.token('company')}`;
    acme = `Bearer ${await t.token('distributor', { distributorId: 'acme', sub: 'acme-ceo' })}`;
    beta = `Bearer ${await t.token('distributor', { distributorId: 'beta' })}`;
    for (const id of ['acme', 'beta']) {
      await t.http().post('/distributors').set('Authorization', company).send({ id, name: id, territories: ['PL'] }).expect(201);
    }
  });
  afterAll(() => t.close());

  const post = (path: string, auth: string, body: object) => t.http().post(path).set('Authorization', auth).send(body);
  const types = (res: { body: { recorded: Array<{ type: string }> } }) => res.body.recorded.map((e) => e.type);

  it('drafts a policy for a registered distributor', async () => {
    const res = await post('/policies', company, { distributorId: 'acme', year: YEAR, terms });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/policies/acme-${YEAR}`);
    expect(types(res)).toEqual(['PolicyDrafted']);
    const [drafted] = await t.events.readStream(`policy-acme-${YEAR}`);
    expect(drafted.metadata.actor).toMatchObject({ party: 'company', userId: 'company-user' });
  });

  it('refuses invalid terms with 422 naming the field inside the terms, and writes nothing', async () => {
    const before = await t.events.headPosition();
    const bad = { ...sampleTerms(YEAR), promotion: { ...sampleTerms(YEAR).promotion, budgetBp: 500 } };
    const res = await post('/policies', company, { distributorId: 'beta', year: YEAR, terms: bad });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('POLICY.INVALID_TERMS');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('terms.promotion.budgetBp');
    expect(await t.events.headPosition()).toBe(before);
  });

  it('refuses a draft for an unknown distributor, a second draft, and drafts by anyone but the company', async () => {
    expect((await post('/policies', company, { distributorId: 'ghost', year: YEAR, terms })).body).toMatchObject({ status: 422, code: 'POLICY.UNKNOWN_DISTRIBUTOR' });
    expect((await post('/policies', company, { distributorId: 'acme', year: YEAR, terms })).body).toMatchObject({ status: 409, code: 'POLICY.ALREADY_DRAFTED' });
    expect((await post('/policies', acme, { distributorId: 'acme', year: YEAR, terms })).status).toBe(403);
  });

  it('revises the draft into version 2', async () => {
    const res = await t.http().put(`/policies/acme-${YEAR}/terms`).set('Authorization', company).set('If-Match', '"0"').send({ terms: revised });
    expect(res.status).toBe(200);
    expect(res.body.recorded[0]).toMatchObject({ type: 'PolicyTermsRevised', data: { termsVersion: 2 } });
  });

  it('signs: the hash must be that of the version; each party once; another distributor cannot even see it', async () => {
    const path = `/policies/acme-${YEAR}/signatures`;
    expect((await post(path, acme, { termsVersion: 2, termsHash: termsHash(terms) })).body.code).toBe('POLICY.TERMS_HASH_MISMATCH');
    expect((await post(path, acme, { termsVersion: 1, termsHash: termsHash(terms) })).body.code).toBe('POLICY.WRONG_TERMS_VERSION');
    expect((await post(path, beta, { termsVersion: 2, termsHash: termsHash(revised) })).status).toBe(404);
    expect((await post(path, `Bearer ${await t.token('compliance')}`, { termsVersion: 2, termsHash: termsHash(revised) })).status).toBe(403);
    const signed = await post(path, acme, { termsVersion: 2, termsHash: termsHash(revised) });
    expect(signed.status).toBe(201);
    expect(signed.body.recorded[0]).toMatchObject({ type: 'PolicySigned', data: { party: 'distributor', userId: 'acme-ceo', termsVersion: 2 } });
    expect((await post(path, acme, { termsVersion: 2, termsHash: termsHash(revised) })).body.code).toBe('POLICY.ALREADY_SIGNED');
    const countersigned = await post(path, company, { termsVersion: 2, termsHash: termsHash(revised) });
    expect(types(countersigned)).toEqual(['PolicySigned', 'PolicyCameIntoForce']);
  });

  it('amends only when both parties sign the amendment', async () => {
    const amended = { ...revised, handOverDays: 30 };
    const proposed = await post(`/policies/acme-${YEAR}/amendments`, acme, { terms: amended });
    expect(proposed.status).toBe(201);
    expect(proposed.headers.location).toBe(`/policies/acme-${YEAR}/amendments/1`);
    const first = await post(`/policies/acme-${YEAR}/amendments/1/signatures`, acme, { termsHash: termsHash(amended) });
    expect(types(first)).toEqual(['PolicyAmendmentSigned']);
    const second = await post(`/policies/acme-${YEAR}/amendments/1/signatures`, company, { termsHash: termsHash(amended) });
    expect(types(second)).toEqual(['PolicyAmendmentSigned', 'PolicyAmended']);
  });

  it('lets the other party refuse an open amendment', async () => {
    await post(`/policies/acme-${YEAR}/amendments`, company, { terms: { ...revised, handOverDays: 45 } }).expect(201);
    const refused = await post(`/policies/acme-${YEAR}/amendments/2/refusal`, acme, { reason: 'No' });
    expect(refused.status).toBe(200);
    expect(types(refused)).toEqual(['PolicyAmendmentDeclined']);
  });

  it('terminates with a reason; nothing can be signed after', async () => {
    expect((await post(`/policies/acme-${YEAR}/termination`, acme, {})).status).toBe(422);
    const res = await post(`/policies/acme-${YEAR}/termination`, acme, { reason: 'Leaving the market' });
    expect(res.status).toBe(200);
    expect(types(res)).toEqual(['PolicyTerminated']);
    const late = await post(`/policies/acme-${YEAR}/amendments`, company, { terms: revised });
    expect(late.body).toMatchObject({ status: 409, code: 'POLICY.ENDED' });
  });
});
