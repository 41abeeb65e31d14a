import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@cl/event-store';
import { ApiProblem } from '../problem/problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface RequestIdempotency {
  key: string;
  /** SHA-256 of method, URL and canonical body: the same key with another request is refused. */
  fingerprint: string;
}

const seen = new WeakMap<Request, RequestIdempotency | undefined>();

/**
 * The Idempotency-Key of a POST, validated, with the request's fingerprint; undefined for other
 * methods (a key on them means nothing) or when absent. Computed once per request.
 */
export function requestIdempotency(req: Request): RequestIdempotency | undefined {
  if (seen.has(req)) return seen.get(req);
  const key = req.headers['idempotency-key'];
  let result: RequestIdempotency | undefined;
  if (req.method === 'POST' && key !== undefined) {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ApiProblem(400, 'REQUEST.INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–255 visible ASCII characters', {
        errors: [{ field: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }],
      });
    }
    const fingerprint = createHash('sha256').update(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`).digest('hex');
    result = { key, fingerprint };
  }
  seen.set(req, result);
  return result;
}

export const keyReused = () =>
  new ApiProblem(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was used for a different request', {
    errors: [{ field: 'Idempotency-Key', message: 'already used for a different request' }],
  });
