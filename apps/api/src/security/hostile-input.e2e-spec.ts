/**
 * Property-based hostile input: for every write route of the OpenAPI document, thousands of malformed
 * and boundary requests from an allowed party. Whatever comes in: never a 5xx, nothing written
 * unless the answer is 2xx, every 4xx a problem with a `code`, every 422 naming a field.
 * Reproduce a run with HOSTILE_SEED=<seed printed below>; HOSTILE_REQUESTS sets the total budget.
 */
import fc from 'fast-check';
import { isWrite, listRoutes, openApiOf, type OpenApiDoc, type RouteSpec } from '../testing/openapi-routes';
import { bytesOf, hostileCase, oversizedVariants, type HostileCase } from '../testing/hostile-requests';
import { rawClient, type RawClient, type RawResponse } from '../testing/raw-http';
import { allowedAuthorization } from '../testing/roles';
import { createFixtures, unknownParams, unknownParamsMessage, urlFor, validBodyFor } from '../testing/security-fixtures';
import { startTestApp, type TestApp } from '../testing/test-app';

const SEED = Number(process.env.HOSTILE_SEED ?? 20261127);
/** The whole budget, shared by the write routes, so the run stays well under a minute however many routes there are. */
const TOTAL_REQUESTS = Number(process.env.HOSTILE_REQUESTS ?? 8000);
const MIN_RUNS_PER_ROUTE = 200;
const BODY_LIMIT = '256kb';

interface Finding {
  status: number;
  failures: string[];
}

describe('hostile input on every write route (property-based)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let client: RawClient;
  let writes: RouteSpec[];
  const tally: Record<string, number> = {};

  beforeAll(async () => {
    // A high rate limit (thousands of requests from one user), and no background log digest, whose
    // append would look like a write by a refused request.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', AUDIT_DIGEST_EVERY: '1000000', BODY_LIMIT });
    await createFixtures(t);
    doc = openApiOf(t.app);
    writes = listRoutes(doc).filter(isWrite);
    client = await rawClient(t.app);
  });
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  it('never answers 5xx, writes only on 2xx, and answers every refusal as a problem with a code', async () => {
    expect(writes.length).toBeGreaterThan(0);
    const runs = Math.max(MIN_RUNS_PER_ROUTE, Math.ceil(TOTAL_REQUESTS / writes.length));
    console.info(
      `hostile input: seed=${SEED} (HOSTILE_SEED=${SEED} reproduces this run), ${runs} runs on each of ${writes.length} write routes`,
    );
    const started = Date.now();
    for (const route of writes) {
      const missing = unknownParams(route);
      if (missing.length > 0) throw new Error(unknownParamsMessage(route, missing));
      const auth = await allowedAuthorization(t, route);
      const valid = validBodyFor(doc, route) as Record<string, unknown>;
      const hasPathParams = route.params.some((p) => p.in === 'path');
      await fc.assert(
        fc.asyncProperty(hostileCase(valid ?? {}, hasPathParams, bytesOf(BODY_LIMIT)), async (c) => {
          tally[c.kind] = (tally[c.kind] ?? 0) + 1;
          const { status, failures } = await probe(route, auth, c);
          if (failures.length > 0) throw new Error(`${route.label} [${c.kind}] → ${status}: ${failures.join('; ')}\n${describeCase(c)}`);
        }),
        { seed: SEED, numRuns: runs },
      );
    }
    const sent = Object.values(tally).reduce((a, b) => a + b, 0);
    console.info(
      `hostile input: seed=${SEED}, ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; by kind ${JSON.stringify(tally)}`,
    );
    // A fixed request budget, not a speed goal: ~25 s alone, longer when the whole suite shares 2 cores.
  }, 180_000);

  async function probe(route: RouteSpec, authorization: string, c: HostileCase): Promise<Finding> {
    await t.settled(); // an earlier probe's reactions are not this probe's writes
    const before = await t.events.headPosition();
    const headers: Record<string, string> = { authorization, ...c.headers };
    if (c.contentType !== undefined) headers['content-type'] = c.contentType;
    const res = await client.send({ method: route.method.toUpperCase(), path: urlFor(route, c.pathValue), headers, body: c.body });
    const written = (await t.events.headPosition()) !== before;
    return { status: res.status, failures: answerFailures(res, written) };
  }
});

function answerFailures(res: RawResponse, written: boolean): string[] {
  const failures: string[] = [];
  if (res.status >= 500 || res.status < 200) failures.push('server error or no answer');
  if (written && (res.status < 200 || res.status > 299) && !declaresRecorded(res)) {
    failures.push('events were written although the answer is not 2xx (and does not list them in `recorded`)');
  }
  if (res.status >= 400 && res.status < 500) failures.push(...problemFailures(res));
  return failures;
}

/**
 * A few refusals are facts in their own right and are recorded while the request is refused (a claim
 * on a client the other side owns is recorded as a contest: it opens a dispute). Such an answer lists
 * what it wrote in `recorded`; any other refusal must write nothing.
 */
function declaresRecorded(res: RawResponse): boolean {
  const recorded = (res.json as { recorded?: unknown } | undefined)?.recorded;
  return Array.isArray(recorded) && recorded.length > 0;
}

function problemFailures(res: RawResponse): string[] {
  const body = res.json as { code?: unknown; errors?: Array<{ field?: unknown }> } | undefined;
  const failures: string[] = [];
  if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) failures.push(`content type ${res.headers['content-type']}`);
  if (typeof body?.code !== 'string' || body.code.length === 0) failures.push('no code');
  const namesField =
    Array.isArray(body?.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e.field === 'string' && e.field.length > 0);
  if (res.status === 422 && !namesField) failures.push('a 422 whose errors do not name a field');
  return failures;
}

function describeCase(c: HostileCase): string {
  const body = c.body ? JSON.stringify(c.body.toString('utf8').slice(0, 300)) : '(none)';
  return `content-type=${c.contentType ?? '(none)'} headers=${JSON.stringify(c.headers)} path=${c.pathValue ?? '(fixture)'} body[${c.body?.length ?? 0}]=${body}`;
}

/** What the property run found, pinned as examples; the titles say what the API did before the fix. */
describe('hostile input: regressions', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000' });
    auth = `Bearer ${await t.token('company')}`;
  });
  afterAll(() => t?.close());

  const register = (text: string, headers: Record<string, string> = {}) =>
    t.http().post('/distributors').set('Authorization', auth).set('Content-Type', 'application/json').set(headers).send(text);
  const valid = '"id":"reg","name":"Regression","territories":["PL"]';
  const deep = `{${valid},"extra":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;

  it.each([
    ['nesting 20 000 levels deep (was a 500: stack overflow in class-transformer)', deep, 'extra.0.0.0'],
    ['an own __proto__ key (was silently dropped, so the unknown field passed)', `{${valid},"__proto__":{"polluted":true}}`, '__proto__'],
    ['a constructor key (was silently dropped)', `{${valid},"constructor":{"prototype":{"polluted":true}}}`, 'constructor'],
    ['an empty key (was a 422 naming no field)', `{${valid},"":1}`, '""'],
    ['a NUL in a string (was accepted)', '{"id":"reg","name":"Re\\u0000g","territories":["PL"]}', 'name'],
    [
      'an unpaired surrogate (was accepted; UTF-8 stores turn it into U+FFFD)',
      '{"id":"reg","name":"Re\\ud800g","territories":["PL"]}',
      'name',
    ],
    ['a line break in a name (was accepted)', '{"id":"reg","name":"Re\\ng","territories":["PL"]}', 'name'],
    ['a number beyond double range (JSON.parse makes it Infinity, which no store can hold)', `{${valid},"extra":1e400}`, 'extra'],
  ])('refuses %s with a 422 naming the field, writing nothing', async (_what, text, field) => {
    const before = await t.events.headPosition();
    const res = await register(text);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringContaining(field)]));
    expect(await t.events.headPosition()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('echoes at most a clipped part of a huge unknown field name', async () => {
    const res = await register(`{${valid},"${'k'.repeat(100_000)}":1}`);
    expect(res.status).toBe(422);
    expect(res.text.length).toBeLessThan(5_000);
  });

  // The idempotency fingerprint walks the body before the validation pipe runs, so the shape checks
  // happen where the body is parsed (shared/http-middleware.ts); these were 500s before that.
  it.each([
    ['deep nesting', deep],
    ['a number beyond double range', `{${valid},"extra":1e400}`],
  ])('refuses %s sent with an Idempotency-Key with a 422', async (what, text) => {
    const res = await register(text, { 'Idempotency-Key': `shape-${what.replace(/\W/g, '-')}` });
    expect(res.status).toBe(422);
  });
});

describe('limits on every write route', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '1000000', RATE_LIMIT_PER_MINUTE: '1000000' });
    await createFixtures(t);
    doc = openApiOf(t.app);
  });
  afterAll(() => t?.close());

  it('bounds every string and array field of every request body (MaxLength, ArrayMaxSize, patterns)', async () => {
    const unbounded: string[] = [];
    let checked = 0;
    for (const route of listRoutes(doc).filter(isWrite)) {
      const auth = await allowedAuthorization(t, route);
      for (const variant of oversizedVariants(validBodyFor(doc, route), bytesOf(BODY_LIMIT))) {
        const res = await t
          .http()
          [route.method](urlFor(route))
          .set('Authorization', auth)
          .send(variant.body as object);
        checked++;
        const named = res.status === 422 && res.body.errors.some((e: { field: string }) => e.field === variant.field);
        if (!named) unbounded.push(`${route.label}: an oversized ${variant.field} got ${res.status} ${res.text.slice(0, 150)}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(unbounded).toEqual([]);
  });

  it('answers a body over BODY_LIMIT with 413 REQUEST.TOO_LARGE, and honours a configured limit', async () => {
    const auth = `Bearer ${await t.token('company')}`;
    const over = await t
      .http()
      .post('/distributors')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(`{"name":"${'x'.repeat(bytesOf(BODY_LIMIT))}"}`);
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('REQUEST.TOO_LARGE');
    const small = await startTestApp({ BODY_LIMIT: '1kb' });
    try {
      const token = `Bearer ${await small.token('company')}`;
      const res = await small
        .http()
        .post('/distributors')
        .set('Authorization', token)
        .send({ id: 'big', name: 'x'.repeat(1100), territories: ['PL'] });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await small.close();
    }
  });
});
