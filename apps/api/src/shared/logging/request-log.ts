import type { Request, RequestHandler, Response } from 'express';
import type { Logger as Pino } from 'pino';
import pinoHttp from 'pino-http';
import { correlationId } from '../http-middleware';

/**
 * The line logged for each request: who asked what, from where, and the answer's status (pino-http
 * adds the time it took). Headers stay out: serialising and redacting them was a few per cent of a
 * sale's CPU, and they carry the bearer token and whatever else a client sends.
 */
interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  remoteAddress?: string;
  headers: Record<string, string | string[] | undefined>;
}

export const requestLogSerializers = {
  req: (req: LoggedRequest) => ({
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
    userAgent: req.headers['user-agent'],
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Logs each request when its answer is sent, under the request's correlation id. */
export function requestLogging(logger: Pino): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => correlationId(req as Request, res as Response),
    serializers: requestLogSerializers,
  }) as unknown as RequestHandler;
}
