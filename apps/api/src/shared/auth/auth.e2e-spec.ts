import { SignJWT } from 'jose';
import { startTestApp, TEST_SECRET, type TestApp } from '../../testing/test-app';
import { issueToken } from './token-verifier';

describe('bearer tokens with JWT_ISSUER and JWT_AUDIENCE configured (end to end)', () => {
  const policy = { issuer: 'https://idp.example/', audience: 'channel-ledger' };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JWT_ISSUER: policy.issuer, JWT_AUDIENCE: policy.audience });
  });
  afterAll(() => t.close());

  const get = (token: string) => t.http().get('/distributors/nobody').set('Authorization', `Bearer ${token}`);

  it('accepts tokens issued for this service by the configured issuer', async () => {
    expect((await get(await t.token('company'))).status).toBe(404);
  });

  it('refuses a token without iss and aud, with a wrong audience, or without exp', async () => {
    const refused = [
      await issueToken(TEST_SECRET, { party: 'company', sub: 'alice' }),
      await issueToken(TEST_SECRET, { party: 'company', sub: 'alice' }, '1h', { ...policy, audience: 'billing' }),
      await new SignJWT({ party: 'company', sub: 'alice', iss: policy.issuer, aud: policy.audience })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(TEST_SECRET)),
    ];
    for (const token of refused) {
      const res = await get(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH.INVALID_TOKEN');
    }
  });
});
