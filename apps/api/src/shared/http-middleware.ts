/**
 * What runs before Nest routes a request: the correlation id (so even a body that fails to parse is
 * answered with one), the content type, and JSON parsing with the input-shape checks. The shape checks
 * must run here, before anything walks the body — the idempotency fingerprint hashes it recursively.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiProblem, bodyParserProblem, ValidationProblem } from './problem/problem';
import { inputShapeErrors } from './validation';

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** A caller-supplied correlation id is kept (if well-formed) so one id follows a request across services. */
export function correlationId(req: Request, res: Response): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && CORRELATION_PATTERN.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader(CORRELATION_HEADER, id);
  return id;
}

export const assignCorrelationId: RequestHandler = (req, res, next) => {
  correlationId(req, res);
  next();
};

const unsupportedMediaType = () =>
  new ApiProblem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json', {
    errors: [{ field: 'Content-Type', message: 'must be application/json' }],
  });

export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) return next(unsupportedMediaType());
    parse(req, res, (err?: unknown) => {
      if (err) return next(bodyParserProblem(err as Error));
      const errors = req.body === undefined ? [] : inputShapeErrors(req.body);
      next(errors.length ? new ValidationProblem(errors) : undefined);
    });
  };
}
