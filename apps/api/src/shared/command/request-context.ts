import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiProblem } from '../problem/problem';
import type { Principal } from '../auth/principal';
import { requestIdempotency, type RequestIdempotency } from '../idempotency/request-idempotency';

/** What a command handler needs to know about the HTTP request that carried it. */
export interface RequestContext {
  actor: Principal;
  correlationId: string;
  /** The id of what caused this command: the request itself for HTTP, the triggering event for a process manager. */
  causationId: string;
  /** A POST's Idempotency-Key and request fingerprint, recorded in the metadata of the events it writes. */
  idempotency?: RequestIdempotency;
  /** From If-Match: the stream revision the caller last saw. */
  ifMatch?: number;
  now: Date;
}

/** The service itself, acting on a schedule (e.g. recording that a policy year ended). */
export interface SystemActor {
  party: 'system';
  userId: string;
}

/** What a command needs to know of its origin: an HTTP request, or the service acting on its own. */
export type CommandRequest = Omit<RequestContext, 'actor'> & { actor: Principal | SystemActor };

/**
 * If-Match carries the strong ETag of the entity (`"3"`; a bare `3` is tolerated). A weak tag (`W/"3"`)
 * is refused: under RFC 9110 (13.1.1) If-Match compares strongly, so a weak tag never matches.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (/^\s*W\//.test(header)) {
    throw new ApiProblem(400, 'REQUEST.INVALID_IF_MATCH', 'If-Match takes a strong ETag such as "3": a weak tag (W/"3") never matches', {
      errors: [{ field: 'If-Match', message: 'must be a strong ETag such as "3", not a weak one (W/…)' }],
    });
  }
  const match = /^\s*(?:"(\d{1,15})"|(\d{1,15}))\s*$/.exec(header);
  if (!match) {
    throw new ApiProblem(400, 'REQUEST.INVALID_IF_MATCH', 'If-Match must be the ETag of the entity, e.g. "3"', {
      errors: [{ field: 'If-Match', message: 'must be a revision such as "3"' }],
    });
  }
  return Number(match[1] ?? match[2]);
}

export const etag = (revision: number) => `"${revision}"`;

export function requestContext(req: Request, now = new Date()): RequestContext {
  if (!req.principal) throw new ApiProblem(401, 'AUTH.MISSING_TOKEN', 'Send Authorization: Bearer <token>');
  const correlationId = String(req.id);
  return {
    actor: req.principal,
    correlationId,
    causationId: correlationId,
    idempotency: requestIdempotency(req),
    ifMatch: parseIfMatch(req.headers['if-match']),
    now,
  };
}

/** Injects the RequestContext into a controller method. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) => requestContext(ctx.switchToHttp().getRequest<Request>()));
