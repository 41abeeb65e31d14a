import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppLogger } from '../logging/app-logger';
import { ReplayedAnswer } from '../idempotency/replayed-answer';
import { toProblem } from './problem';

/**
 * The only place errors become responses: problem+json, never a stack trace; 5xx are logged with the
 * correlation id. Also sends a stored answer replayed by the idempotency guard (it can only throw).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(AppLogger) private readonly logger: AppLogger) {
    this.logger.setContext('ProblemDetailsFilter');
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (error instanceof ReplayedAnswer && !res.headersSent) return error.sendTo(res);
    const body = toProblem(error);
    body.instance = req.originalUrl?.split('?')[0];
    body.correlationId = String(req.id ?? '');
    if (body.status >= 500) this.logger.error({ err: error, correlationId: body.correlationId }, 'unexpected error');
    if (res.headersSent) return;
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
