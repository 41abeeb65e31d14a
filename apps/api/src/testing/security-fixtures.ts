/**
 * The entities the security specs run against, created through the API as the company, and the
 * explicit maps that say which fixture fills which route parameter. A route whose parameter is not in
 * PARAM_FIXTURES fails the specs (it is never skipped): whoever adds the route extends the map here.
 */
import { sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import { termsHash } from '@cl/projections/policies/terms-hash';
import { deriveExample, type OpenApiDoc, type RouteSpec } from './openapi-routes';
import type { TestApp } from './test-app';

export const OWN = { id: 'own', name: 'Own Distribution Qx7-Lumen', territories: ['PL-MZ'] } as const;
export const OTHER = { id: 'other', name: 'Other Distribution Vb3-Ferro', territories: ['CZ'] } as const;
/** Registered by the company in the own distributor's territory; claimed by the own distributor (the sample criteria give it a retail client). */
export const OWN_CLIENT = {
  clientId: 'own-client',
  legalName: 'Mazovia Fixture Foods Sp. z o.o.',
  taxId: 'PL5250001234',
  territory: 'PL-MZ',
  segment: 'retail',
  annualVolume: { minor: 120_000_00, currency: 'PLN' },
} as const;
/** The fixture policies are for the current year, the only one whose policies can still be signed and amended. */
export const FIXTURE_YEAR = new Date().getUTCFullYear();
/**
 * Opened by the own distributor against the company (the default counterparty), with the company's
 * proposal 1 on it. About the price of a product for the own client, not the client itself, so that
 * when the specs end it (acceptance, decision) no process manager writes to the client's stream a
 * moment later, while a following refused request is checked for writing nothing.
 */
export const OWN_DISPUTE = {
  disputeId: 'own-dispute',
  subject: { kind: 'price', sku: 'PUMP-100', clientId: OWN_CLIENT.clientId },
  summary: 'Fixture: the company quoted the own client below the floor',
} as const;

/** `own`: the own distributor's entity, which the other distributor may not see (404). `shared`: anyone allowed sees it. */
export interface ParamFixture {
  value: string;
  owner: 'own' | 'shared';
}

/** The company's pending hand-over request for OWN_CLIENT. The API generates its id: createFixtures fills it in. */
export const OWN_TRANSFER_REQUEST: ParamFixture = { value: 'created-by-create-fixtures', owner: 'own' };

/** A promotion spend the own distributor proposed on its own policy's budget. The API generates its id: createFixtures fills it in. */
export const OWN_SPEND: ParamFixture = { value: 'created-by-create-fixtures', owner: 'own' };

/** The own distributor's sale to its own client at the sample floor, dated today (the fixture policies came into force today). */
export const OWN_SALE_ID = 'own-sale';
const today = () => new Date().toISOString().slice(0, 10);
const saleToOwnClient = () => ({
  clientId: OWN_CLIENT.clientId,
  date: today(),
  currency: 'PLN',
  lines: [{ sku: 'PUMP-100', quantity: 2, unitPrice: { minor: 125_000, currency: 'PLN' } }],
});

/** A special price the company approved for the own client, for the fixture year. The API generates its id: createFixtures fills it in. */
export const OWN_SPECIAL_PRICE: ParamFixture = { value: 'created-by-create-fixtures', owner: 'own' };
const specialPriceForOwnClient = () => ({
  clientId: OWN_CLIENT.clientId,
  sku: 'PUMP-100',
  unitPrice: { minor: 119_000, currency: 'PLN' },
  validFrom: `${FIXTURE_YEAR}-01-01`,
  validTo: `${FIXTURE_YEAR}-12-31`,
  reason: 'Fixture: tender against a competing offer',
});

/** The sample terms' staff qualification of the own policy: the distributor keeps it, the company is protected by it. */
export const OWN_QUALIFICATION = 'qual:sales engineer:Pump systems level 2';
/** Evidence the own distributor recorded for OWN_QUALIFICATION. The API generates its id: createFixtures fills it in. */
export const OWN_EVIDENCE: ParamFixture = { value: 'created-by-create-fixtures', owner: 'own' };

/** The own distributor's webhook. The API generates its id: createFixtures fills it in. */
export const OWN_WEBHOOK: ParamFixture = { value: 'created-by-create-fixtures', owner: 'own' };
/** Nothing listens on loopback port 1: the webhooks the specs register fail fast, and their deliveries never leave this machine. */
const WEBHOOK_NOWHERE = 'http://127.0.0.1:1/fixture-receiver';

/**
 * Keyed `<segment before it>/{name}` for path parameters (`{id}` means a distributor under
 * /distributors and a policy under /policies) and `<path>?<name>` for required query parameters.
 */
export const PARAM_FIXTURES: Readonly<Record<string, ParamFixture>> = {
  'distributors/{id}': { value: OWN.id, owner: 'own' },
  'policies/{id}': { value: `${OWN.id}-${FIXTURE_YEAR}`, owner: 'own' },
  // Amendment 1 of the own policy: the specs' own POST /policies/{id}/amendments proposes it, or it is 404.
  'amendments/{n}': { value: '1', owner: 'own' },
  'audit/export?stream': { value: `distributor-${OWN.id}`, owner: 'own' },
  'personal-data/{subject}': { value: 'contact-route-role', owner: 'shared' },
  // A client in the own distributor's territory (PL-MZ): the other distributor (CZ) may not see it.
  'clients/{id}': { value: OWN_CLIENT.clientId, owner: 'own' },
  // The own distributor's sale to its own client: the other distributor neither sold it nor owns the client (404).
  'sales/{id}': { value: OWN_SALE_ID, owner: 'own' },
  // A special price for the own client, which the other distributor may not see (404).
  'price-exceptions/{id}': OWN_SPECIAL_PRICE,
  // The own distributor's dispute with the company, and the company's proposal 1 on it: the other distributor is no party (404).
  'disputes/{id}': { value: OWN_DISPUTE.disputeId, owner: 'own' },
  'resolution-proposals/{n}': { value: '1', owner: 'own' },
  // January of the fixture year, ended by now (a January run gets 409 SETTLEMENT.PERIOD_NOT_ENDED). The fixture policy came
  // into force when createFixtures signed it, after January ended, so closing it is 409 SETTLEMENT.NO_TERMS_IN_FORCE.
  'periods/{period}': { value: `${FIXTURE_YEAR}-01`, owner: 'own' },
  'spends/{sid}': OWN_SPEND,
  'webhooks/{id}': OWN_WEBHOOK,
  'transfers/{requestId}': OWN_TRANSFER_REQUEST,
  // Obligation ids hold ':' and spaces: the specs URL-encode them. The fixture policy is in force from the run, so this
  // month's report is expected but not yet due or submitted (acknowledging it is 409 OBLIGATIONS.REPORT_NOT_SUBMITTED).
  'obligations/{oid}': { value: OWN_QUALIFICATION, owner: 'own' },
  'evidence/{eid}': OWN_EVIDENCE,
  'reports/{period}': { value: new Date().toISOString().slice(0, 7), owner: 'own' },
  // An event type: schemas describe shapes, not anyone's data, so every allowed party reads the same.
  'schemas/{type}': { value: 'SaleRecorded', owner: 'shared' },
};

const policyTerms = (d: typeof OWN | typeof OTHER, year = FIXTURE_YEAR) => sampleTerms(year, { territories: [...d.territories] });

/** Request bodies the OpenAPI schema cannot yield (e.g. a body that must name a fixture), keyed by route label. */
export const BODY_OVERRIDES: Readonly<Record<string, () => unknown>> = {
  // The schema's example URL is a real-looking host: the specs' webhooks must deliver to loopback only.
  'POST /webhooks': () => ({ url: WEBHOOK_NOWHERE }),
  // A registered distributor without a policy for that year, so that only the terms decide the answer.
  'POST /policies': () => ({ distributorId: OWN.id, year: FIXTURE_YEAR + 1, terms: policyTerms(OWN, FIXTURE_YEAR + 1) }),
  // A hash must have the sha256:<64 hex> form; the fixture's own is the most plausible one.
  'POST /policies/{id}/signatures': () => ({ termsVersion: 1, termsHash: termsHash(policyTerms(OWN)) }),
  'POST /policies/{id}/amendments/{n}/signatures': () => ({ termsHash: termsHash(policyTerms(OWN)) }),
  // The company disputes the own client with the own distributor; the schema's example names a client that does not exist.
  'POST /disputes': () => ({
    subject: { kind: 'client', clientId: OWN_CLIENT.clientId },
    summary: 'Fixture: who serves the own client',
    counterparty: { party: 'distributor', distributorId: OWN.id },
  }),
  // The schema's example names a distributor that does not exist; the own one does.
  'POST /clients/{id}/hand-over': () => ({ to: { party: 'distributor', distributorId: OWN.id }, reason: 'Fixture: served by the own distributor' }),
  // The schema's example names a client that does not exist, and a date the fixture policies were not yet in force on.
  'POST /sales': saleToOwnClient,
  'POST /price-exceptions': specialPriceForOwnClient,
  'POST /price-exceptions/{id}/revocation': () => ({ effectiveFrom: today(), reason: 'Fixture: the tender was lost' }),
};

const FIXTURES_FILE = 'apps/api/src/testing/security-fixtures.ts';

export function paramKey(route: RouteSpec, name: string, where: 'path' | 'query'): string {
  if (where === 'query') return `${route.path.slice(1)}?${name}`;
  const segments = route.path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return `${segments[at - 1]}/{${name}}`;
}

/** The parameters of a route (path, and required query) that PARAM_FIXTURES does not know. */
export function unknownParams(route: RouteSpec): string[] {
  return fixtureParams(route)
    .map((p) => paramKey(route, p.name, p.in as 'path' | 'query'))
    .filter((key) => !(key in PARAM_FIXTURES));
}

export function unknownParamsMessage(route: RouteSpec, missing: string[]): string {
  return `${route.label} has parameter(s) ${missing.join(', ')} that the security specs cannot fill: add them to PARAM_FIXTURES in ${FIXTURES_FILE}`;
}

function fixtureParams(route: RouteSpec) {
  return route.params.filter((p) => p.in === 'path' || (p.in === 'query' && p.required));
}

/** The concrete URL of a route, every parameter filled from PARAM_FIXTURES; `pathValue` replaces the path parameters' values. */
export function urlFor(route: RouteSpec, pathValue?: string): string {
  const missing = unknownParams(route);
  if (missing.length > 0) throw new Error(unknownParamsMessage(route, missing));
  let path = route.path;
  const query = new URLSearchParams();
  for (const p of fixtureParams(route)) {
    const fixture = PARAM_FIXTURES[paramKey(route, p.name, p.in as 'path' | 'query')];
    if (p.in === 'query') query.set(p.name, fixture.value);
    else path = path.replace(`{${p.name}}`, pathValue ?? encodeURIComponent(fixture.value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** True when the route addresses an entity of the own distributor, which the other distributor must not see. */
export function addressesOwnEntity(route: RouteSpec): boolean {
  return fixtureParams(route).some((p) => PARAM_FIXTURES[paramKey(route, p.name, p.in as 'path' | 'query')]?.owner === 'own');
}

/** A valid body for a write route: the override, else one derived from the schema; throws with the fix when neither works. */
export function validBodyFor(doc: OpenApiDoc, route: RouteSpec): unknown {
  const override = BODY_OVERRIDES[route.label];
  if (override) return override();
  if (!route.body) return undefined;
  const derived = deriveExample(doc, route.body);
  if (derived === undefined) {
    throw new Error(
      `Cannot derive a request body for ${route.label} from its OpenAPI schema: add it to BODY_OVERRIDES in ${FIXTURES_FILE}`,
    );
  }
  return derived;
}

/**
 * Registers the own and the other distributor and gives each a policy in force for FIXTURE_YEAR, all
 * through the API, then waits for the projections.
 */
export async function createFixtures(t: TestApp): Promise<void> {
  const company = `Bearer ${await t.token('company', { sub: 'fixture-maker' })}`;
  for (const d of [OWN, OTHER]) {
    await fixtureCall(t, company, '/distributors', d);
    const terms = policyTerms(d);
    await fixtureCall(t, company, '/policies', { distributorId: d.id, year: FIXTURE_YEAR, terms });
    const distributor = `Bearer ${await t.token('distributor', { sub: `${d.id}-signer`, distributorId: d.id })}`;
    const signatures = `/policies/${d.id}-${FIXTURE_YEAR}/signatures`;
    for (const signer of [distributor, company]) await fixtureCall(t, signer, signatures, { termsVersion: 1, termsHash: termsHash(terms) });
  }
  await t.settled();
  await fixtureCall(t, company, '/clients', OWN_CLIENT);
  const disputer = `Bearer ${await t.token('distributor', { sub: 'own-disputer', distributorId: OWN.id })}`;
  await fixtureCall(t, disputer, '/disputes', OWN_DISPUTE);
  await fixtureCall(t, company, `/disputes/${OWN_DISPUTE.disputeId}/resolution-proposals`, { outcome: { decision: 'Fixture: the quote stands' } });
  const own = `Bearer ${await t.token('distributor', { sub: 'own-claimer', distributorId: OWN.id })}`;
  await fixtureCall(t, own, `/clients/${OWN_CLIENT.clientId}/claims`, {});
  const request = await fixtureCall(t, company, `/clients/${OWN_CLIENT.clientId}/transfers`, { reason: 'Fixture: the client asked the company' });
  OWN_TRANSFER_REQUEST.value = String(request.requestId);
  // The budget accrued when the own policy came into force (the t.settled() above waited for the accrual).
  const spend = await fixtureCall(t, own, `/policies/${OWN.id}-${FIXTURE_YEAR}/promotion/spends`, {
    activity: 'Fixture: trade fair stand',
    amount: { minor: 100_000, currency: 'PLN' },
    evidenceRef: 'doc://fixture/trade-fair-quote',
  });
  OWN_SPEND.value = String(spend.spendId);
  await fixtureCall(t, own, '/sales', { saleId: OWN_SALE_ID, ...saleToOwnClient() });
  const special = await fixtureCall(t, company, '/price-exceptions', specialPriceForOwnClient());
  OWN_SPECIAL_PRICE.value = String(special.specialPriceId);
  const webhook = await fixtureCall(t, own, '/webhooks', { url: WEBHOOK_NOWHERE });
  OWN_WEBHOOK.value = String(webhook.id);
  const evidence = await fixtureCall(t, own, `/policies/${OWN.id}-${FIXTURE_YEAR}/obligations/${encodeURIComponent(OWN_QUALIFICATION)}/evidence`, {
    what: 'Fixture: one sales engineer certified',
    when: today(),
    documentRef: 'doc://fixture/certificate',
  });
  OWN_EVIDENCE.value = String(evidence.evidenceId);
  await t.settled();
}

async function fixtureCall(t: TestApp, authorization: string, path: string, body: object): Promise<Record<string, unknown>> {
  const res = await t.http().post(path).set('Authorization', authorization).send(body);
  if (res.status !== 201) throw new Error(`Could not create a fixture with POST ${path}: ${res.status} ${res.text}`);
  return res.body;
}
