/**
 * Every route of the OpenAPI document × every kind of caller. The expected answer is derived from the
 * route's `x-access` rule, so a route added later is covered without being listed here; a route whose
 * parameters the fixtures cannot fill fails (see PARAM_FIXTURES), it is never skipped.
 */
import type { Response } from 'supertest';
import { isWrite, listRoutes, openApiOf, servedRoutes, type OpenApiDoc, type RouteSpec } from '../testing/openapi-routes';
import { allRoles, expectationFor, type Expectation, type Role } from '../testing/roles';
import {
  addressesOwnEntity,
  createFixtures,
  OWN,
  unknownParams,
  unknownParamsMessage,
  urlFor,
  validBodyFor,
} from '../testing/security-fixtures';
import { startTestApp, type TestApp } from '../testing/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;
/** Input refusals that mean the spec itself built a bad request (a fixture or a derived body is wrong). */
const INPUT_REFUSALS = ['REQUEST.VALIDATION_FAILED', 'REQUEST.MALFORMED_JSON'];
/** Company-view strings shorter than this are too common ("PL", "company") to count as a leak. */
const MIN_SECRET_LENGTH = 8;

describe('route × role (every route of the OpenAPI document, every kind of caller)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let routes: RouteSpec[];
  let roles: Role[];

  beforeAll(async () => {
    // No background log digest: "nothing was written" compares the head position around each request.
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' });
    await createFixtures(t);
    doc = openApiOf(t.app);
    routes = listRoutes(doc);
    roles = await allRoles(t);
  });
  afterAll(() => t?.close());

  const send = (route: RouteSpec, authorization: string | undefined, url = urlFor(route)) => {
    const req = t.http()[route.method](url);
    if (authorization) req.set('Authorization', authorization);
    const body = isWrite(route) ? validBodyFor(doc, route) : undefined;
    return body === undefined ? req : req.send(body as object);
  };

  it('reads the routes from the document, and every route declares x-access', () => {
    expect(routes.map((r) => r.label)).toEqual(expect.arrayContaining(['GET /health', 'POST /distributors', 'GET /distributors/{id}']));
    expect(routes.filter((r) => !r.access).map((r) => `${r.label} declares neither @AllowParties nor @Public`)).toEqual([]);
  });

  it('covers every route the app serves: none is left out of the OpenAPI document', () => {
    const documented = new Set(routes.map((r) => r.label));
    expect(servedRoutes(t.app).filter((label) => !documented.has(label))).toEqual([]);
  });

  it('can fill every route parameter from the fixtures (a new one must be added to PARAM_FIXTURES)', () => {
    const problems = routes.flatMap((r) => {
      const missing = unknownParams(r);
      return missing.length ? [unknownParamsMessage(r, missing)] : [];
    });
    expect(problems).toEqual([]);
  });

  it('validates every path parameter: a malformed one is a 4xx naming it, and writes nothing', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.params.some((p) => p.in === 'path') && unknownParams(r).length === 0)) {
      const role = roles.find(
        (r) => r.party && 'parties' in route.access! && route.access.parties.includes(r.party) && !r.isOtherDistributor,
      );
      for (const bad of ['%00', 'x'.repeat(300), '%3Cscript%3E']) {
        const before = await t.events.headPosition();
        const res = await send(route, role?.authorization, urlFor(route, bad));
        const names = route.params.filter((p) => p.in === 'path').map((p) => p.name);
        const named = Array.isArray(res.body.errors) && res.body.errors.some((e: { field?: string }) => names.includes(e.field ?? ''));
        if (![400, 422].includes(res.status) || !named)
          failures.push(`${route.label} with ${bad.slice(0, 20)}: ${res.status} ${res.text.slice(0, 200)}`);
        if ((await t.events.headPosition()) !== before) failures.push(`${route.label} with ${bad.slice(0, 20)}: wrote events`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every route × role as x-access says; refusals write nothing, are problems, and leak nothing', async () => {
    const failures: string[] = [];
    const tally: Record<string, number> = {};
    for (const route of routes) {
      const missing = unknownParams(route);
      if (missing.length > 0) {
        failures.push(unknownParamsMessage(route, missing));
        continue;
      }
      for (const role of roles) {
        const kind = expectationFor(route.access ?? { parties: [] }, role, addressesOwnEntity(route)).kind;
        tally[kind] = (tally[kind] ?? 0) + 1;
        failures.push(...(await checkCase(route, role)));
      }
    }
    const cases = Object.values(tally).reduce((a, b) => a + b, 0);
    console.info(`route × role: ${routes.length} routes × ${roles.length} roles = ${cases} cases ${JSON.stringify(tally)}`);
    expect(tally.hidden).toBeGreaterThan(0); // the 404-not-403 rule and the leak check did run
    expect(failures).toEqual([]);
  });

  async function checkCase(route: RouteSpec, role: Role): Promise<string[]> {
    const expectation = expectationFor(route.access ?? { parties: [] }, role, addressesOwnEntity(route));
    // Reactors still answering an earlier case (a contested claim opens its dispute a moment later)
    // must not be taken for this case's writes.
    await t.settled();
    const before = await t.events.headPosition();
    const res = await send(route, role.authorization);
    const written = (await t.events.headPosition()) !== before;
    const failures = [
      ...statusFailures(expectation, res),
      ...problemFailures(res),
      ...([401, 403, 404].includes(res.status) && written ? ['events were written although the request was refused'] : []),
      ...(expectation.kind === 'hidden' ? await leakFailures(route, res) : []),
      ...(expectation.kind === 'not-refused' && INPUT_REFUSALS.includes(res.body?.code) ? [inputRefusal(route, res)] : []),
    ];
    return failures.map((f) => `${route.label} as ${role.name} → ${res.status} ${res.body?.code ?? ''}: ${f}`);
  }

  /** What another distributor's 404 must not contain: the own distributor's names, and what the company sees at that URL. */
  async function leakFailures(route: RouteSpec, res: Response): Promise<string[]> {
    const company = `Bearer ${await t.token('company')}`;
    await t.settled();
    const current = await t.http().get(`/distributors/${OWN.id}`).set('Authorization', company);
    const companyView = route.method === 'get' ? await send(route, company) : undefined;
    const url = urlFor(route);
    // Only an answer holds secrets: a problem the company gets (e.g. no terms in force) shares its title with every 404.
    const seen = companyView && companyView.status < 300 ? stringLeaves(companyView.body) : [];
    const secrets = [OWN.name, current.body.name, ...seen].filter(
      (s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH && !url.includes(s),
    );
    return [...new Set(secrets)].filter((s) => res.text.includes(s)).map((s) => `the 404 reveals "${s.slice(0, 60)}"`);
  }
});

function statusFailures(expectation: Expectation, res: Response): string[] {
  if (res.status >= 500) return ['server error'];
  switch (expectation.kind) {
    case 'not-refused':
      // The route lets this party in; a 403 may still come from a rule about this entity (e.g. only the
      // client's owner accepts a hand-over), with a domain code, never from the access layer (AUTH.*).
      return res.status === 401 || (res.status === 403 && /^AUTH\./.test(res.body?.code ?? 'AUTH.')) ? ['expected neither 401 nor an AUTH.* 403'] : [];
    case 'unauthenticated':
      return res.status === 401 && res.body.code === expectation.code ? [] : [`expected 401 ${expectation.code}`];
    case 'forbidden':
      return res.status === 403 && /^AUTH\./.test(res.body.code) ? [] : ['expected 403 AUTH.*'];
    case 'hidden':
      return res.status === 404 ? [] : ["expected 404: another distributor's entity is answered as if it did not exist"];
  }
}

function problemFailures(res: Response): string[] {
  if (res.status < 400) return [];
  const failures = PROBLEM_JSON.test(res.headers['content-type'] ?? '')
    ? []
    : [`content type is ${res.headers['content-type']}, not application/problem+json`];
  return typeof res.body?.code === 'string' && res.body.code.length > 0 ? failures : [...failures, 'the problem has no code'];
}

function inputRefusal(route: RouteSpec, res: Response): string {
  const where = isWrite(route) ? 'the body derived from the OpenAPI schema (fix it with BODY_OVERRIDES)' : 'the fixture parameters';
  return `the request was refused as invalid input, so ${where} is wrong: ${JSON.stringify(res.body.errors ?? res.body.detail)}`;
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringLeaves);
}
