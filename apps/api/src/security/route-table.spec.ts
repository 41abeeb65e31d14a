import { deriveExample, listRoutes, type OpenApiDoc, type RouteSpec } from '../testing/openapi-routes';
import { expectationFor, type Role } from '../testing/roles';
import { addressesOwnEntity, FIXTURE_YEAR, paramKey, unknownParams, unknownParamsMessage, urlFor } from '../testing/security-fixtures';

const doc: OpenApiDoc = {
  paths: {
    '/widgets/{id}/parts/{n}/signatures': {
      post: {
        parameters: [
          { name: 'id', in: 'path', required: true },
          { name: 'n', in: 'path', required: true },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Sign' } } } },
        'x-access': { parties: ['company', 'distributor'] },
      },
    },
    '/distributors/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true }], 'x-access': { parties: ['company'] } } },
  },
  components: {
    schemas: {
      Sign: {
        type: 'object',
        required: ['version', 'at', 'items', 'code'],
        properties: {
          version: { type: 'integer', minimum: 1 },
          at: { type: 'string', format: 'date-time' },
          items: { type: 'array', items: { $ref: '#/components/schemas/Item' }, minItems: 2 },
          code: { type: 'string', pattern: '^[A-Z]{3}-\\d{2}$' },
          note: { type: 'string' },
          tag: { type: 'string', example: 'q1' },
        },
      },
      Item: { type: 'object', required: ['kind'], properties: { kind: { enum: ['a', 'b'] } } },
    },
  },
};

describe('the route table helpers', () => {
  const [sign, get] = listRoutes(doc);

  it('reads method, template, access and parameters from the document', () => {
    expect(sign).toMatchObject({
      method: 'post',
      label: 'POST /widgets/{id}/parts/{n}/signatures',
      access: { parties: ['company', 'distributor'] },
    });
    expect(get.label).toBe('GET /distributors/{id}');
  });

  it('derives a valid body: examples, enums, formats, bounds, patterns; optional fields only with an example', () => {
    const body = deriveExample(doc, sign.body!) as Record<string, unknown>;
    expect(body).toEqual({
      version: 1,
      at: '2026-01-01T00:00:00.000Z',
      items: [{ kind: 'a' }, { kind: 'a' }],
      code: expect.stringMatching(/^[A-Z]{3}-\d{2}$/),
      tag: 'q1',
    });
    expect(deriveExample(doc, sign.body!)).toEqual(body); // the same on every run
  });

  it('says which parameter the fixtures lack, and refuses to build the URL instead of skipping the route', () => {
    expect(paramKey(sign, 'n', 'path')).toBe('parts/{n}');
    expect(unknownParams(sign)).toEqual(['widgets/{id}', 'parts/{n}']);
    expect(() => urlFor(sign)).toThrow(unknownParamsMessage(sign, ['widgets/{id}', 'parts/{n}']));
    expect(unknownParamsMessage(sign, ['parts/{n}'])).toMatch(
      /add them to PARAM_FIXTURES in apps\/api\/src\/testing\/security-fixtures\.ts/,
    );
    expect(urlFor(get)).toBe('/distributors/own');
  });

  it("fills a policy's amendment routes from the own policy and its amendment 1", () => {
    const params = ['id', 'n'].map((name) => ({ name, in: 'path' as const, required: true }));
    const route: RouteSpec = { method: 'post', path: '/policies/{id}/amendments/{n}/signatures', label: 'POST /policies/{id}/amendments/{n}/signatures', params };
    expect(urlFor(route)).toBe(`/policies/own-${FIXTURE_YEAR}/amendments/1/signatures`);
    expect(addressesOwnEntity(route)).toBe(true);
  });

  it('derives the expected answer from x-access and the caller', () => {
    const company: Role = { name: 'company', party: 'company' };
    const other: Role = { name: 'other distributor', party: 'distributor', isOtherDistributor: true };
    const expired: Role = { name: 'expired', refusedWith: 'AUTH.TOKEN_EXPIRED' };
    expect(expectationFor({ public: true }, expired, false)).toEqual({ kind: 'not-refused' });
    expect(expectationFor({ parties: ['company'] }, expired, false)).toEqual({ kind: 'unauthenticated', code: 'AUTH.TOKEN_EXPIRED' });
    expect(expectationFor({ parties: ['company'] }, other, true)).toEqual({ kind: 'forbidden' });
    expect(expectationFor({ parties: ['distributor'] }, other, true)).toEqual({ kind: 'hidden' });
    expect(expectationFor({ parties: ['distributor'] }, other, false)).toEqual({ kind: 'not-refused' });
    expect(expectationFor({ parties: ['company'] }, company, true)).toEqual({ kind: 'not-refused' });
  });
});
