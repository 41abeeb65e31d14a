import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { ReplayedProblem, toProblem } from '../problem/problem';
import { requestIdempotency, type RequestIdempotency } from './request-idempotency';
import { IdempotencyStore, type StoredResponse } from './idempotency.store';

const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * `Idempotency-Key` on a POST: the first answer (success or business refusal) is stored and returned
 * again for the same key and body; the same key with another body is a 422; a concurrent duplicate is a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly records: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const idempotency = req.principal ? requestIdempotency(req) : undefined;
    if (!idempotency) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.handle(req, res, idempotency, next));
  }

  private async handle(req: Request, res: Response, { key, fingerprint }: RequestIdempotency, next: CallHandler): Promise<unknown> {
    const id = this.records.recordId(req.principal!.userId, key);
    const begun = await this.records.begin(id, fingerprint);
    if (begun.kind === 'replay') return this.replay(res, begun.response);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.records.complete(id, fingerprint, { statusCode: res.statusCode, headers: pickHeaders(res), body });
      return body;
    } catch (error) {
      const problem = toProblem(error);
      if (isFinalRefusal(problem.status)) await this.records.complete(id, fingerprint, { statusCode: problem.status, headers: {}, problem });
      else await this.records.abandon(id);
      throw error;
    }
  }

  private replay(res: Response, stored: StoredResponse): unknown {
    res.setHeader('Idempotent-Replayed', 'true');
    if (stored.problem) throw new ReplayedProblem(stored.problem);
    res.status(stored.statusCode);
    for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
    return stored.body;
  }
}

/** Refusals that the same request would get again; 412, 429 and 5xx are worth retrying, so they are not kept. */
function isFinalRefusal(status: number): boolean {
  return [403, 404, 409, 422].includes(status);
}

function pickHeaders(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) out[name] = String(value);
  }
  return out;
}
