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
  JWKS_URL?: string;
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
  /** Requests per minute per user (token `sub`), or per IP address for public routes called without a token; `/health` is exempt. */
  RATE_LIMIT_PER_MINUTE: number;
}

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
  JWKS_URL: Joi.string().uri({ scheme: ['https', 'http'] }),
  PROJECTOR: Joi.string().valid('in-process', 'external').default('in-process'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  BODY_LIMIT: Joi.string().pattern(/^\d+(kb|mb)$/).default('256kb'),
  SQLITE_SYNCHRONOUS: Joi.string().valid('FULL', 'NORMAL').default('FULL'),
  PROMOTION_BUDGET_MIN_BP: Joi.number().integer().min(0).max(10_000).default(50),
  PROMOTION_BUDGET_MAX_BP: Joi.number().integer().min(Joi.ref('PROMOTION_BUDGET_MIN_BP')).max(10_000).default(300),
  AUDIT_DIGEST_EVERY: Joi.number().integer().min(1).max(1_000_000).default(1000),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(600),
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
