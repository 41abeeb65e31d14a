import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ApiProblem } from '../problem/problem';
import { PARTIES, type Party, type Principal } from './principal';

export type KeySource = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

/** Who must have issued a token and for whom (JWT_ISSUER, JWT_AUDIENCE); each checked only when set. */
export interface TokenClaimsPolicy {
  issuer?: string;
  audience?: string;
}

/**
 * Verifies bearer tokens: HS256 with a shared secret, or RS256/ES256 against an identity provider's
 * JWKS. Every token must carry `exp` (a token that never expires is refused); when an issuer or an
 * audience is configured, `iss` / `aud` must be present and match.
 */
export class TokenVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly options: JWTVerifyOptions;
  private readonly verified = new VerifiedTokens();

  constructor(source: KeySource, { issuer, audience }: TokenClaimsPolicy = {}) {
    let algorithms: string[];
    if (source.kind === 'secret') {
      // One KeyObject for the process: jose would otherwise import the raw secret on every request.
      this.key = createSecretKey(new TextEncoder().encode(source.secret));
      algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(source.url));
      algorithms = ['RS256', 'ES256'];
    }
    this.options = {
      algorithms,
      requiredClaims: ['exp', ...(issuer ? ['iss'] : []), ...(audience ? ['aud'] : [])],
      ...(issuer ? { issuer } : {}),
      ...(audience ? { audience } : {}),
    };
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    const { principal, payload } = await this.verifyAnew(token);
    this.verified.set(token, principal, payload);
    return principal;
  }

  private async verifyAnew(token: string): Promise<{ principal: Principal; payload: JWTPayload }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as KeyObject, this.options));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new ApiProblem(401, 'AUTH.TOKEN_EXPIRED', 'The bearer token has expired');
      throw new ApiProblem(401, 'AUTH.INVALID_TOKEN', 'The bearer token is not valid');
    }
    return { principal: principalFrom(payload), payload };
  }
}

const KEEP_VERIFIED_MS = 60_000;
export const MAX_VERIFIED = 1_000;

/**
 * Tokens already verified, so a client sending the same token with every request pays for the
 * signature once a minute rather than per request (it was ~6% of a sale's CPU). An entry is the exact
 * token string; it still answers only within the token's own `nbf`..`exp`, and is dropped after a
 * minute so a key withdrawn from the JWKS stops being honoured within that time. Bounded: the oldest
 * entry goes first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; notBefore: number; expires: number }>();

  get(token: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now < entry.notBefore || now >= entry.expires) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, { exp, nbf }: JWTPayload, now = Date.now()): void {
    // jose refuses a token once now >= exp and before nbf (whole seconds, no clock tolerance).
    const expires = Math.min(now + KEEP_VERIFIED_MS, (exp ?? 0) * 1000);
    const notBefore = nbf === undefined ? 0 : nbf * 1000;
    this.entries.delete(token);
    this.entries.set(token, { principal, notBefore, expires });
    if (this.entries.size > MAX_VERIFIED) this.entries.delete(this.entries.keys().next().value!);
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const party = payload.party as Party;
  const bad = (why: string) => new ApiProblem(401, 'AUTH.INVALID_CLAIMS', `The bearer token's claims are not valid: ${why}`);
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) throw bad('sub');
  if (!PARTIES.includes(party)) throw bad('party');
  const distributorId = payload.distributorId;
  if (party === 'distributor') {
    if (typeof distributorId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(distributorId)) throw bad('distributorId');
    return { party, userId: payload.sub, distributorId };
  }
  if (distributorId !== undefined) throw bad('distributorId is only for distributors');
  return { party, userId: payload.sub };
}

/**
 * Issues HS256 tokens for local use (the CLI) and for tests. Pass the configured JWT_ISSUER /
 * JWT_AUDIENCE as `policy` so the service accepts the token.
 */
export async function issueToken(
  secret: string,
  claims: { party: Party; sub: string; distributorId?: string },
  expiresIn: string | number = '12h',
  policy: TokenClaimsPolicy = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  const jwt = new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (policy.issuer) jwt.setIssuer(policy.issuer);
  if (policy.audience) jwt.setAudience(policy.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
