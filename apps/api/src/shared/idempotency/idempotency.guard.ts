import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppLogger } from '../logging/app-logger';
import { ReplayedProblem, type Problem } from '../problem/problem';
import { holdAnswer, type CapturedAnswer } from './answer-capture';
import { IdempotencyStore } from './idempotency.store';
import { ReplayedAnswer } from './replayed-answer';
import { requestIdempotency } from './request-idempotency';

/**
 * `Idempotency-Key` on a POST: the first answer (success or business refusal) is stored and returned
 * again for the same key and body; the same key with another body is a 422; a concurrent duplicate is a 409.
 *
 * A guard rather than an interceptor: registering any interceptor costs every request of the API
 * two `AsyncResource.bind` calls and an rxjs pipeline in Nest 11 (~13% of the sale rate, measured);
 * a request without a key passes here for a header lookup. It runs after the auth and rate-limit guards.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(
    private readonly records: IdempotencyStore,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('Idempotency');
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const idempotency = req.principal ? requestIdempotency(req) : undefined;
    if (!idempotency) return true;
    const id = this.records.recordId(req.principal!.userId, idempotency.key);
    return this.begin(id, idempotency.fingerprint, context.switchToHttp().getResponse<Response>(), String(req.id ?? ''));
  }

  private async begin(id: string, fingerprint: string, res: Response, correlationId: string): Promise<boolean> {
    const begun = await this.records.begin(id, fingerprint);
    if (begun.kind === 'replay') {
      res.setHeader('Idempotent-Replayed', 'true');
      if (begun.response.problem) throw new ReplayedProblem(begun.response.problem);
      throw new ReplayedAnswer(begun.response);
    }
    holdAnswer(
      res,
      (answer) => this.settle(id, fingerprint, answer, correlationId),
      (err) => this.logger.error({ err, correlationId }, 'sending the answer held for an Idempotency-Key failed'),
    );
    return true;
  }

  /**
   * Stores a success or a final refusal; forgets the attempt otherwise, so a retry runs the command
   * again. A body that is not JSON cannot be replayed faithfully, so it is not stored (no command
   * answers with one; a retry would be answered from the events instead).
   */
  private async settle(id: string, fingerprint: string, answer: CapturedAnswer, correlationId: string): Promise<void> {
    const { statusCode, headers, body } = answer;
    try {
      if (statusCode < 400 && answer.json) await this.records.complete(id, fingerprint, { statusCode, headers, body });
      else if (isFinalRefusal(statusCode) && answer.json) await this.records.complete(id, fingerprint, { statusCode, headers: {}, problem: stored(body as Problem) });
      else await this.records.abandon(id);
    } catch (err) {
      // The answer is still true and is sent; a retry finds the key in the events' metadata instead.
      this.logger.warn({ err, correlationId }, 'storing the answer to an Idempotency-Key failed; forgetting the attempt');
      await this.records.abandon(id).catch((e: unknown) => this.logger.warn({ err: e, correlationId }, 'forgetting the attempt failed; it goes stale in 30 s'));
    }
  }
}

/** Refusals that the same request would get again; 412, 429 and 5xx are worth retrying, so they are not kept. */
function isFinalRefusal(status: number): boolean {
  return [403, 404, 409, 422].includes(status);
}

/** The problem without what belongs to the one request that got it (the filter sets them on each replay). */
function stored({ instance: _instance, correlationId: _correlationId, ...problem }: Problem): Problem {
  return problem;
}
