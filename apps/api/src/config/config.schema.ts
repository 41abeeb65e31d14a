/**
 * Every environment variable the service reads, validated at boot. A bad value stops the process
 * with one line per variable saying what is wrong, before anything is opened or written.
 */
import Joi from 'joi';

export interface AppConfig {
  PORT: number;
  DATA_DIR: string;
  EVENTSTORE_CONNECTION_STRING?: string;
  MONGODB_URL?: string;
  MONGODB_DATABASE: string;
  JWT_SECRET?: string;
  /** https, or http on localhost / 127.0.0.1 (a local identity provider in development). */
  JWKS_URL?: string;
  /** When set, every token must carry this `iss` (and the CLI sets it on the tokens it issues). */
  JWT_ISSUER?: string;
  /** When set, every token's `aud` must contain this value (and the CLI sets it). */
  JWT_AUDIENCE?: string;
  /** 'in-process' runs projections inside the API; 'external' leaves them to apps/projector. */
  PROJECTOR: 'in-process' | 'external';
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  BODY_LIMIT: string;
  /** Durability of the embedded event log: FULL survives power loss, NORMAL only a process crash. */
  SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL';
  /** Bounds of a policy's promotion budget, in basis points of the planned annual volume (1% = 100). */
  PROMOTION_BUDGET_MIN_BP: number;
  PROMOTION_BUDGET_MAX_BP: number;
  /** Events per log digest (tamper evidence of the whole log). */
  AUDIT_DIGEST_EVERY: number;
  /** Default tolerance of the non-discrimination report: channel prices further apart than this (bp of the lower) are listed. */
  NON_DISCRIMINATION_TOLERANCE_BP: number;
  /** Requests per minute per user (token `sub`), or per IP address for public routes called without a token; `/health` is exempt. */
  RATE_LIMIT_PER_MINUTE: number;
  /** How long the answer to an Idempotency-Key is remembered; older records are ignored and purged. */
  IDEMPOTENCY_RETENTION_HOURS: number;
  /** The event feed's SSE streams: a heartbeat comment every this many ms, so proxies and clients see a live connection. */
  FEED_HEARTBEAT_MS: number;
  /** How long an SSE stream waits for a full write buffer to drain before disconnecting the consumer as too slow. */
  FEED_SLOW_CONSUMER_MS: number;
  /** Concurrent SSE streams per user (token `sub`) on one instance; one more is a 429. */
  FEED_MAX_STREAMS_PER_USER: number;
  /** One webhook delivery attempt: connect, send and receive the status within this time. */
  WEBHOOK_TIMEOUT_MS: number;
  /** Retry delays are drawn uniformly from [0, min(max, base × 2^(attempt−1))] ("full jitter"). */
  WEBHOOK_RETRY_BASE_MS: number;
  WEBHOOK_RETRY_MAX_MS: number;
  /** Failed attempts after which an event is parked and its webhook suspended until a replay. */
  WEBHOOK_MAX_ATTEMPTS: number;
}

/** A JWKS served by an identity provider on this machine (development): plain http is then acceptable. */
const LOCAL_HTTP_URL = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(\/[^\s]*)?$/;

export const configSchema = Joi.object<AppConfig>({
  PORT: Joi.number().port().default(3000),
  DATA_DIR: Joi.string().min(1).default('./data'),
  EVENTSTORE_CONNECTION_STRING: Joi.string()
    .pattern(/^esdb(\+discover)?:\/\//)
    .message('"EVENTSTORE_CONNECTION_STRING" must start with esdb:// or esdb+discover://'),
  MONGODB_URL: Joi.string()
    .pattern(/^mongodb(\+srv)?:\/\//)
    .message('"MONGODB_URL" must start with mongodb:// or mongodb+srv://'),
  MONGODB_DATABASE: Joi.string().pattern(/^[A-Za-z0-9_-]{1,63}$/).default('channel_ledger'),
  JWT_SECRET: Joi.string().min(32).message('"JWT_SECRET" must be at least 32 characters'),
  JWKS_URL: Joi.alternatives()
    .try(Joi.string().uri({ scheme: ['https'] }), Joi.string().pattern(LOCAL_HTTP_URL))
    .messages({ 'alternatives.match': '"JWKS_URL" must be an https:// URL (http:// only for localhost or 127.0.0.1)' }),
  JWT_ISSUER: Joi.string().trim().min(1).max(500),
  JWT_AUDIENCE: Joi.string().trim().min(1).max(500),
  PROJECTOR: Joi.string().valid('in-process', 'external').default('in-process'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  BODY_LIMIT: Joi.string().pattern(/^\d+(kb|mb)$/).default('256kb'),
  SQLITE_SYNCHRONOUS: Joi.string().valid('FULL', 'NORMAL').default('FULL'),
  PROMOTION_BUDGET_MIN_BP: Joi.number().integer().min(0).max(10_000).default(50),
  PROMOTION_BUDGET_MAX_BP: Joi.number().integer().min(Joi.ref('PROMOTION_BUDGET_MIN_BP')).max(10_000).default(300),
  AUDIT_DIGEST_EVERY: Joi.number().integer().min(1).max(1_000_000).default(1000),
  NON_DISCRIMINATION_TOLERANCE_BP: Joi.number().integer().min(0).max(10_000).default(200),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(600),
  IDEMPOTENCY_RETENTION_HOURS: Joi.number().integer().min(1).max(24 * 366).default(24),
  FEED_HEARTBEAT_MS: Joi.number().integer().min(10).max(300_000).default(15_000),
  FEED_SLOW_CONSUMER_MS: Joi.number().integer().min(10).max(300_000).default(10_000),
  FEED_MAX_STREAMS_PER_USER: Joi.number().integer().min(1).max(1000).default(5),
  WEBHOOK_TIMEOUT_MS: Joi.number().integer().min(10).max(120_000).default(5000),
  WEBHOOK_RETRY_BASE_MS: Joi.number().integer().min(1).max(3_600_000).default(1000),
  WEBHOOK_RETRY_MAX_MS: Joi.number().integer().min(Joi.ref('WEBHOOK_RETRY_BASE_MS')).max(86_400_000).default(60_000),
  WEBHOOK_MAX_ATTEMPTS: Joi.number().integer().min(1).max(100).default(8),
})
  .oxor('JWT_SECRET', 'JWKS_URL')
  .unknown(true);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Used by ConfigModule.forRoot({ validate }) and by the CLI. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const { value, error } = configSchema.validate(env, { abortEarly: false, convert: true });
  if (error) throw new ConfigError(error.details.map((d) => d.message));
  return value;
}
