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

  it('takes JWKS_URL over https only, or over http from localhost / 127.0.0.1 (a local identity provider)', () => {
    expect(validateConfig({ JWKS_URL: 'https://idp.example/.well-known/jwks.json' }).JWKS_URL).toBe(
      'https://idp.example/.well-known/jwks.json',
    );
    expect(validateConfig({ JWKS_URL: 'http://localhost:8080/jwks' }).JWKS_URL).toBe('http://localhost:8080/jwks');
    expect(validateConfig({ JWKS_URL: 'http://127.0.0.1/jwks' }).JWKS_URL).toBe('http://127.0.0.1/jwks');
    for (const bad of [
      'http://idp.example/jwks',
      'http://localhost.evil.example/jwks',
      'http://127.0.0.1.evil.example/jwks',
      'ftp://idp.example/jwks',
      'jwks',
    ]) {
      expect(() => validateConfig({ JWKS_URL: bad })).toThrow(/"JWKS_URL" must be an https:\/\/ URL/);
    }
  });

  it('takes an optional JWT_ISSUER and JWT_AUDIENCE', () => {
    expect(validateConfig({})).not.toHaveProperty('JWT_ISSUER');
    expect(validateConfig({}).JWT_AUDIENCE).toBeUndefined();
    expect(validateConfig({ JWT_ISSUER: 'https://idp.example/', JWT_AUDIENCE: 'channel-ledger' })).toMatchObject({
      JWT_ISSUER: 'https://idp.example/',
      JWT_AUDIENCE: 'channel-ledger',
    });
    expect(() => validateConfig({ JWT_ISSUER: '' })).toThrow(/JWT_ISSUER/);
    expect(() => validateConfig({ JWT_AUDIENCE: 'x'.repeat(501) })).toThrow(/JWT_AUDIENCE/);
  });

  it('remembers idempotency keys for 24 hours unless IDEMPOTENCY_RETENTION_HOURS says otherwise', () => {
    expect(validateConfig({}).IDEMPOTENCY_RETENTION_HOURS).toBe(24);
    expect(validateConfig({ IDEMPOTENCY_RETENTION_HOURS: '72' }).IDEMPOTENCY_RETENTION_HOURS).toBe(72);
    for (const bad of ['0', '-1', '1.5', 'a day', String(24 * 367)]) {
      expect(() => validateConfig({ IDEMPOTENCY_RETENTION_HOURS: bad })).toThrow(/IDEMPOTENCY_RETENTION_HOURS/);
    }
  });

  it('paces the event feed streams: heartbeat 15 s, slow consumer 10 s, 5 streams per user, unless FEED_* say otherwise', () => {
    expect(validateConfig({})).toMatchObject({ FEED_HEARTBEAT_MS: 15_000, FEED_SLOW_CONSUMER_MS: 10_000, FEED_MAX_STREAMS_PER_USER: 5 });
    const tuned = validateConfig({ FEED_HEARTBEAT_MS: '100', FEED_SLOW_CONSUMER_MS: '250', FEED_MAX_STREAMS_PER_USER: '2' });
    expect(tuned).toMatchObject({ FEED_HEARTBEAT_MS: 100, FEED_SLOW_CONSUMER_MS: 250, FEED_MAX_STREAMS_PER_USER: 2 });
    for (const name of ['FEED_HEARTBEAT_MS', 'FEED_SLOW_CONSUMER_MS', 'FEED_MAX_STREAMS_PER_USER']) {
      for (const bad of ['0', '-1', '1.5', 'soon', '300001']) expect(() => validateConfig({ [name]: bad })).toThrow(new RegExp(name));
    }
  });

  it('lists channel prices more than 2% apart in the non-discrimination report unless NON_DISCRIMINATION_TOLERANCE_BP says otherwise', () => {
    expect(validateConfig({}).NON_DISCRIMINATION_TOLERANCE_BP).toBe(200);
    expect(validateConfig({ NON_DISCRIMINATION_TOLERANCE_BP: '0' }).NON_DISCRIMINATION_TOLERANCE_BP).toBe(0);
    expect(validateConfig({ NON_DISCRIMINATION_TOLERANCE_BP: '500' }).NON_DISCRIMINATION_TOLERANCE_BP).toBe(500);
    for (const bad of ['-1', '1.5', '10001', 'two percent']) {
      expect(() => validateConfig({ NON_DISCRIMINATION_TOLERANCE_BP: bad })).toThrow(/NON_DISCRIMINATION_TOLERANCE_BP/);
    }
  });

  it('times webhook attempts out after 5 s, retries from 1 s up to 60 s, and parks after 8 attempts unless configured', () => {
    expect(validateConfig({})).toMatchObject({ WEBHOOK_TIMEOUT_MS: 5000, WEBHOOK_RETRY_BASE_MS: 1000, WEBHOOK_RETRY_MAX_MS: 60_000, WEBHOOK_MAX_ATTEMPTS: 8 });
    expect(validateConfig({ WEBHOOK_TIMEOUT_MS: '200', WEBHOOK_RETRY_BASE_MS: '10', WEBHOOK_RETRY_MAX_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3' })).toMatchObject({
      WEBHOOK_TIMEOUT_MS: 200,
      WEBHOOK_RETRY_BASE_MS: 10,
      WEBHOOK_RETRY_MAX_MS: 50,
      WEBHOOK_MAX_ATTEMPTS: 3,
    });
    expect(() => validateConfig({ WEBHOOK_RETRY_BASE_MS: '2000', WEBHOOK_RETRY_MAX_MS: '1000' })).toThrow(/WEBHOOK_RETRY_MAX_MS/);
    for (const name of ['WEBHOOK_TIMEOUT_MS', 'WEBHOOK_RETRY_BASE_MS', 'WEBHOOK_MAX_ATTEMPTS']) {
      for (const bad of ['0', '-1', '1.5', 'soon']) expect(() => validateConfig({ [name]: bad })).toThrow(new RegExp(name));
    }
  });
});
