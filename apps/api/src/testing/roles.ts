/**
 * Every kind of caller the route × role table tries, and what each must get from a route given its
 * `x-access` rule. The expectation is derived, never listed per route.
 */
import type { AccessRule } from '../shared/auth/access';
import type { Party } from '../shared/auth/principal';
import { issueToken } from '../shared/auth/token-verifier';
import type { RouteSpec } from './openapi-routes';
import { OTHER, OWN } from './security-fixtures';
import { TEST_SECRET, type TestApp } from './test-app';

export type AuthFailureCode = 'AUTH.MISSING_TOKEN' | 'AUTH.TOKEN_EXPIRED' | 'AUTH.INVALID_TOKEN' | 'AUTH.INVALID_CLAIMS';

export interface Role {
  name: string;
  /** The Authorization header sent, if any. */
  authorization?: string;
  /** The party a valid token proves; absent when authentication must fail. */
  party?: Party;
  /** True for the distributor that does not own the fixtures. */
  isOtherDistributor?: boolean;
  /** The 401 code the guard must answer with. */
  refusedWith?: AuthFailureCode;
}

export type Expectation =
  { kind: 'not-refused' } | { kind: 'unauthenticated'; code: AuthFailureCode } | { kind: 'forbidden' } | { kind: 'hidden' };

const bearer = (token: string) => `Bearer ${token}`;

/** A token nobody signed (`alg: none`), which a verifier must never accept. */
function unsignedToken(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
}

export async function allRoles(t: TestApp): Promise<Role[]> {
  const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
  return [
    { name: 'company', party: 'company', authorization: bearer(await t.token('company')) },
    {
      name: 'own distributor',
      party: 'distributor',
      authorization: bearer(await t.token('distributor', { sub: 'own-user', distributorId: OWN.id })),
    },
    {
      name: 'other distributor',
      party: 'distributor',
      isOtherDistributor: true,
      authorization: bearer(await t.token('distributor', { sub: 'other-user', distributorId: OTHER.id })),
    },
    { name: 'compliance', party: 'compliance', authorization: bearer(await t.token('compliance')) },
    { name: 'no token', refusedWith: 'AUTH.MISSING_TOKEN' },
    {
      name: 'Basic credentials',
      refusedWith: 'AUTH.MISSING_TOKEN',
      authorization: `Basic ${Buffer.from('company:secret').toString('base64')}`,
    },
    { name: 'expired token', refusedWith: 'AUTH.TOKEN_EXPIRED', authorization: bearer(await t.token('company', { expiresIn: anHourAgo })) },
    {
      name: 'bad signature',
      refusedWith: 'AUTH.INVALID_TOKEN',
      authorization: bearer(await issueToken('another-secret-that-is-not-the-servers-0123', { party: 'company', sub: 'mallory' })),
    },
    {
      name: 'unsigned (alg none)',
      refusedWith: 'AUTH.INVALID_TOKEN',
      authorization: bearer(unsignedToken({ party: 'company', sub: 'mallory' })),
    },
    {
      name: 'invalid claims (party admin)',
      refusedWith: 'AUTH.INVALID_CLAIMS',
      authorization: bearer(await issueToken(TEST_SECRET, { party: 'admin' as Party, sub: 'mallory' })),
    },
    {
      name: 'distributor without distributorId',
      refusedWith: 'AUTH.INVALID_CLAIMS',
      authorization: bearer(await issueToken(TEST_SECRET, { party: 'distributor', sub: 'mallory' })),
    },
  ];
}

/**
 * public → never 401/403; failed authentication → 401 with its code; a party outside `parties` → 403;
 * an allowed party → neither, except the other distributor on the own distributor's entity → 404.
 */
export function expectationFor(access: AccessRule, role: Role, addressesOwnEntity: boolean): Expectation {
  if ('public' in access) return { kind: 'not-refused' };
  if (role.refusedWith) return { kind: 'unauthenticated', code: role.refusedWith };
  if (!role.party || !access.parties.includes(role.party)) return { kind: 'forbidden' };
  if (role.isOtherDistributor && addressesOwnEntity) return { kind: 'hidden' };
  return { kind: 'not-refused' };
}

/** A valid Authorization for a caller the route allows: the company, else the own distributor, else compliance. */
export async function allowedAuthorization(t: TestApp, route: RouteSpec): Promise<string> {
  const parties = route.access && 'parties' in route.access ? route.access.parties : ['company'];
  if (parties.includes('company')) return bearer(await t.token('company'));
  if (parties.includes('distributor')) return bearer(await t.token('distributor', { sub: 'own-user', distributorId: OWN.id }));
  return bearer(await t.token('compliance'));
}
