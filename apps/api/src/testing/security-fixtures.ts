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
/** Registered by the company in the own distributor's territory. */
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

/** `own`: the own distributor's entity, which the other distributor may not see (404). `shared`: anyone allowed sees it. */
export interface ParamFixture {
  value: string;
  owner: 'own' | 'shared';
}

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
};

const policyTerms = (d: typeof OWN | typeof OTHER, year = FIXTURE_YEAR) => sampleTerms(year, { territories: [...d.territories] });

/** Request bodies the OpenAPI schema cannot yield (e.g. a body that must name a fixture), keyed by route label. */
export const BODY_OVERRIDES: Readonly<Record<string, () => unknown>> = {
  // A registered distributor without a policy for that year, so that only the terms decide the answer.
  'POST /policies': () => ({ distributorId: OWN.id, year: FIXTURE_YEAR + 1, terms: policyTerms(OWN, FIXTURE_YEAR + 1) }),
  // A hash must have the sha256:<64 hex> form; the fixture's own is the most plausible one.
  'POST /policies/{id}/signatures': () => ({ termsVersion: 1, termsHash: termsHash(policyTerms(OWN)) }),
  'POST /policies/{id}/amendments/{n}/signatures': () => ({ termsHash: termsHash(policyTerms(OWN)) }),
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
  await t.settled();
}

async function fixtureCall(t: TestApp, authorization: string, path: string, body: object): Promise<void> {
  const res = await t.http().post(path).set('Authorization', authorization).send(body);
  if (res.status !== 201) throw new Error(`Could not create a fixture with POST ${path}: ${res.status} ${res.text}`);
}
