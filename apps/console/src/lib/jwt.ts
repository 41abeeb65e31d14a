/**
 * What a bearer token says about its holder, read without verifying it: the API verifies every
 * request, the console only shows the claims (there is no "who am I" route; the token is the answer).
 */
export type Party = 'company' | 'distributor' | 'compliance';

export interface TokenClaims {
  sub: string;
  party: Party;
  distributorId?: string;
  exp?: number;
  iat?: number;
  iss?: string;
  aud?: string | string[];
}

const PARTIES: readonly string[] = ['company', 'distributor', 'compliance'];

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, or a reason why the text is not a token the API could accept. */
export function readClaims(token: string): { ok: true; claims: TokenClaims } | { ok: false; reason: string } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { ok: false, reason: 'a token has three parts separated by dots' };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    return { ok: false, reason: 'the token’s payload is not readable JSON' };
  }
  if (typeof payload.sub !== 'string' || !PARTIES.includes(payload.party as string)) {
    return { ok: false, reason: 'the token names no user (sub) or party' };
  }
  return { ok: true, claims: payload as unknown as TokenClaims };
}

/** Seconds until the token expires (negative once expired); undefined when it carries no exp. */
export function secondsLeft(claims: TokenClaims, nowMs: number): number | undefined {
  return claims.exp === undefined ? undefined : Math.floor(claims.exp - nowMs / 1000);
}
