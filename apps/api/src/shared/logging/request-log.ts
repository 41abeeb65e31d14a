import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { correlationId } from '../http-middleware';

/**
 * The line logged for each request when its answer is sent (or the client goes away): who asked what,
 * from where, the answer's status and the time it took. Headers stay out: serialising and redacting
 * them was a few per cent of a sale's CPU, and they carry the bearer token and whatever else a client
 * sends.
 *
 * One log call per request on the process's logger, not pino-http: that built two child loggers per
 * request (one holding the serialised request), ~10 KB of a sale's ~200 KB allocated, and the site a
 * sampling heap profile found most among what outlived young-generation collections
 * (docs/benchmarks.md, 2026-11-29 08:22). The line is the one pino-http wrote (the spec checks it
 * against the same cases): `req`, `res`, `responseTime`, and `err` on a 5xx.
 */
export function requestLogging(logger: Pino): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = Date.now();
    const id = correlationId(req, res);
    const remoteAddress = req.socket.remoteAddress; // read now: a destroyed socket (an abort) no longer says
    let logged = false;
    const done = (err?: unknown) => {
      if (logged) return;
      logged = true;
      res.off('finish', done);
      res.off('close', done);
      res.off('error', done);
      const line = { req: loggedRequest(req, id, remoteAddress), res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
      if (err !== undefined || res.statusCode >= 500) {
        logger.info({ ...line, err: err ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
      } else {
        logger.info(line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
      }
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}

function loggedRequest(req: Request, id: string, remoteAddress: string | undefined) {
  return {
    id,
    method: req.method,
    url: req.originalUrl ?? req.url,
    remoteAddress,
    userAgent: req.headers['user-agent'],
  };
}
