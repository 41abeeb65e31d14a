import { ConfigError, validateConfig } from './config.schema';

describe('configuration', () => {
  it('defaults to the embedded stores on port 3000 under ./data', () => {
    const c = validateConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', PROJECTOR: 'in-process' });
    expect(c.EVENTSTORE_CONNECTION_STRING).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      validateConfig({ PORT: 'eighty', MONGODB_URL: 'postgres://x', EVENTSTORE_CONNECTION_STRING: 'http://x', JWT_SECRET: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    for (const name of ['PORT', 'MONGODB_URL', 'EVENTSTORE_CONNECTION_STRING', 'JWT_SECRET']) expect(text).toContain(name);
  });

  it('limits each user to 600 requests a minute unless RATE_LIMIT_PER_MINUTE says otherwise', () => {
    expect(validateConfig({}).RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(validateConfig({ RATE_LIMIT_PER_MINUTE: '5' }).RATE_LIMIT_PER_MINUTE).toBe(5);
    for (const bad of ['0', '-1', '1.5', 'many']) {
      expect(() => validateConfig({ RATE_LIMIT_PER_MINUTE: bad })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    }
  });

  it('refuses both a shared secret and a JWKS URL', () => {
    expect(() => validateConfig({ JWT_SECRET: 'x'.repeat(32), JWKS_URL: 'https://idp.example/jwks' })).toThrow(ConfigError);
  });
});
