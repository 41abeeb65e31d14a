import { SignJWT, type JWTPayload } from 'jose';
import { ApiProblem } from '../problem/problem';
import { issueToken, MAX_VERIFIED, TokenVerifier, VerifiedTokens } from './token-verifier';

const SECRET = 'a-test-secret-of-at-least-32-characters-0123';
const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** Signs exactly the claims given: nothing is added, so a test can leave `exp`, `iss` or `aud` out. */
const sign = (claims: JWTPayload, secret: Uint8Array = key) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);

const company = { sub: 'alice', party: 'company' };

async function refusal(verifier: TokenVerifier, token: string): Promise<{ status: number; code: string }> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  const { status, code } = error as ApiProblem;
  return { status, code };
}

describe('TokenVerifier', () => {
  const plain = new TokenVerifier({ kind: 'secret', secret: SECRET });

  it('turns a good token into a principal', async () => {
    await expect(plain.verify(await sign({ ...company, exp: now() + 60 }))).resolves.toEqual({ party: 'company', userId: 'alice' });
    const distributor = await sign({ sub: 'bob', party: 'distributor', distributorId: 'acme', exp: now() + 60 });
    await expect(plain.verify(distributor)).resolves.toEqual({ party: 'distributor', userId: 'bob', distributorId: 'acme' });
  });

  it('refuses a token without exp: a token that never expires is not accepted', async () => {
    expect(await refusal(plain, await sign({ ...company }))).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    expect(await refusal(plain, await sign({ ...company, iat: now() }))).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
  });

  it('says an expired token has expired', async () => {
    expect(await refusal(plain, await sign({ ...company, exp: now() - 10 }))).toEqual({ status: 401, code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('refuses a token signed with another key, or with another algorithm', async () => {
    const other = new TextEncoder().encode('another-secret-that-is-not-the-servers-0123');
    expect(await refusal(plain, await sign({ ...company, exp: now() + 60 }, other))).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...company, exp: now() + 60 })).toString('base64url')}.`;
    expect(await refusal(plain, none)).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    expect(await refusal(plain, 'not-a-jwt')).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
  });

  it('refuses claims that do not make a principal', async () => {
    const exp = now() + 60;
    for (const claims of [
      { party: 'company', exp },
      { sub: '', party: 'company', exp },
      { sub: 'x'.repeat(201), party: 'company', exp },
      { sub: 'mallory', party: 'admin', exp },
      { sub: 'mallory', exp },
      { sub: 'bob', party: 'distributor', exp },
      { sub: 'bob', party: 'distributor', distributorId: '../etc', exp },
      { sub: 'alice', party: 'company', distributorId: 'acme', exp },
    ]) {
      expect(await refusal(plain, await sign(claims))).toEqual({ status: 401, code: 'AUTH.INVALID_CLAIMS' });
    }
  });

  describe('with JWT_ISSUER and JWT_AUDIENCE configured', () => {
    const strict = new TokenVerifier({ kind: 'secret', secret: SECRET }, { issuer: 'https://idp.example/', audience: 'channel-ledger' });
    const exp = now() + 60;

    it('accepts a token from that issuer for that audience (aud may be a list)', async () => {
      await expect(
        strict.verify(await sign({ ...company, exp, iss: 'https://idp.example/', aud: 'channel-ledger' })),
      ).resolves.toMatchObject({
        userId: 'alice',
      });
      await expect(
        strict.verify(await sign({ ...company, exp, iss: 'https://idp.example/', aud: ['billing', 'channel-ledger'] })),
      ).resolves.toMatchObject({
        userId: 'alice',
      });
    });

    it('refuses a wrong or missing iss or aud', async () => {
      for (const claims of [
        { iss: 'https://evil.example/', aud: 'channel-ledger' },
        { aud: 'channel-ledger' },
        { iss: 'https://idp.example/', aud: 'another-service' },
        { iss: 'https://idp.example/' },
      ]) {
        expect(await refusal(strict, await sign({ ...company, exp, ...claims }))).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
      }
    });

    it('checks only what is configured', async () => {
      const issuerOnly = new TokenVerifier({ kind: 'secret', secret: SECRET }, { issuer: 'https://idp.example/' });
      await expect(issuerOnly.verify(await sign({ ...company, exp, iss: 'https://idp.example/' }))).resolves.toMatchObject({
        userId: 'alice',
      });
      expect(await refusal(issuerOnly, await sign({ ...company, exp }))).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
      await expect(plain.verify(await sign({ ...company, exp, iss: 'anyone', aud: 'anything' }))).resolves.toMatchObject({
        userId: 'alice',
      });
    });
  });

  describe('issueToken (the CLI and tests)', () => {
    it('issues tokens with exp that the verifier accepts, unchanged for existing callers', async () => {
      await expect(plain.verify(await issueToken(SECRET, { party: 'company', sub: 'alice' }))).resolves.toEqual({
        party: 'company',
        userId: 'alice',
      });
      expect(await refusal(plain, await issueToken(SECRET, { party: 'company', sub: 'alice' }, -10))).toEqual({
        status: 401,
        code: 'AUTH.TOKEN_EXPIRED',
      });
    });

    it('sets iss and aud when given the configured values', async () => {
      const policy = { issuer: 'https://idp.example/', audience: 'channel-ledger' };
      const strict = new TokenVerifier({ kind: 'secret', secret: SECRET }, policy);
      const token = await issueToken(SECRET, { party: 'distributor', sub: 'bob', distributorId: 'acme' }, '5m', policy);
      await expect(strict.verify(token)).resolves.toEqual({ party: 'distributor', userId: 'bob', distributorId: 'acme' });
      expect(await refusal(strict, await issueToken(SECRET, { party: 'company', sub: 'alice' }))).toEqual({
        status: 401,
        code: 'AUTH.INVALID_TOKEN',
      });
    });
  });

  describe('tokens already verified', () => {
    afterEach(() => jest.useRealTimers());

    it('still says a token has expired once its exp has passed, though it was verified before', async () => {
      jest.useFakeTimers({ now: new Date('2026-11-29T10:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const verifier = new TokenVerifier({ kind: 'secret', secret: SECRET });
      const token = await sign({ ...company, exp: now() + 2 });
      await expect(verifier.verify(token)).resolves.toEqual({ party: 'company', userId: 'alice' });
      jest.setSystemTime(Date.now() + 1_999);
      await expect(verifier.verify(token)).resolves.toEqual({ party: 'company', userId: 'alice' });
      jest.setSystemTime(Date.now() + 1);
      expect(await refusal(verifier, token)).toEqual({ status: 401, code: 'AUTH.TOKEN_EXPIRED' });
    });

    const alice = { party: 'company' as const, userId: 'alice' };
    const t0 = Date.parse('2026-11-29T10:00:00.000Z');

    it('answers within the token\'s nbf..exp and for a minute at most', () => {
      const tokens = new VerifiedTokens();
      tokens.set('long', alice, { exp: t0 / 1000 + 3600 }, t0);
      tokens.set('short', alice, { exp: t0 / 1000 + 10 }, t0);
      tokens.set('later', alice, { exp: t0 / 1000 + 3600, nbf: t0 / 1000 + 5 }, t0);
      expect(tokens.get('long', t0 + 59_999)).toEqual(alice);
      expect(tokens.get('short', t0 + 9_999)).toEqual(alice);
      expect(tokens.get('short', t0 + 10_000)).toBeUndefined();
      expect(tokens.get('later', t0 + 4_999)).toBeUndefined();
      expect(tokens.get('long', t0 + 60_000)).toBeUndefined();
      expect(tokens.get('unknown', t0)).toBeUndefined();
    });

    it('keeps a bounded number, dropping the oldest first', () => {
      const tokens = new VerifiedTokens();
      for (let i = 0; i <= MAX_VERIFIED; i++) tokens.set(`token-${i}`, alice, { exp: t0 / 1000 + 3600 }, t0);
      expect(tokens.get('token-0', t0)).toBeUndefined();
      expect(tokens.get('token-1', t0)).toEqual(alice);
      expect(tokens.get(`token-${MAX_VERIFIED}`, t0)).toEqual(alice);
    });
  });
});
