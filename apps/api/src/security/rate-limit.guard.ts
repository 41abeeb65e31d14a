import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AppConfig } from '../config/config.schema';
import { HealthController } from '../health/health.controller';
import { ApiProblem } from '../shared/problem/problem';
import { SlidingLogStorage } from './sliding-log-storage';

const ONE_MINUTE_MS = 60_000;

/**
 * Requests per minute per user. Registered as an APP_GUARD *after* AuthGuard, so `req.principal` is
 * the verified token's subject: a forged token cannot spend someone else's budget, because it never
 * gets past authentication. Calls without a principal (public routes) are counted per IP address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const { principal, ip } = req as unknown as Request;
    return principal ? `user:${principal.userId}` : `ip:${ip ?? 'unknown'}`;
  }

  /** One budget per caller across all routes (the default key would give each route its own budget). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  /** The Retry-After header is already set by ThrottlerGuard; the body is a problem like every other error. */
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new ApiProblem(
      429,
      'REQUEST.RATE_LIMITED',
      `More than ${detail.limit} requests a minute; retry after ${detail.timeToBlockExpire} s`,
      {
        retryAfterSeconds: detail.timeToBlockExpire,
      },
    );
  }
}

/** The limits, from RATE_LIMIT_PER_MINUTE. */
export const rateLimitModule = ThrottlerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) => ({
    throttlers: [{ ttl: ONE_MINUTE_MS, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
    // Load balancers and orchestrators probe /health often from one address; throttling it would make a busy instance look dead.
    skipIf: (context: ExecutionContext) => context.getClass() === HealthController,
    storage: new SlidingLogStorage(),
  }),
});
