/**
 * RFC 9457 problem details. Every error the API answers with goes through `toProblem`, so the
 * status, the stable `code` and the shape are decided in one place (the exception filter; the
 * idempotency guard stores what it sent).
 */
import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@cl/domain/shared/errors';
import { WrongExpectedRevisionError } from '@cl/event-store';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** An error raised by the HTTP layer itself, with its stable code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

/** A refusal stored by the idempotency layer, answered again verbatim. */
export class ReplayedProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ReplayedProblem';
  }
}

const MAX_FIELD_ERRORS = 50;
const MAX_FIELD_LENGTH = 200;
const MAX_MESSAGE_LENGTH = 300;

/** Input is echoed back only in part: an unknown 200 kB field name must not come back three times over. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max).replace(/[\ud800-\udbff]$/, '')}…` : text;
}

export class ValidationProblem extends ApiProblem {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    const shown = errors
      .slice(0, MAX_FIELD_ERRORS)
      .map((e) => ({ field: clip(e.field, MAX_FIELD_LENGTH), message: clip(e.message, MAX_MESSAGE_LENGTH) }));
    super(422, 'REQUEST.VALIDATION_FAILED', `Invalid ${[...new Set(shown.map((e) => e.field))].join(', ')}`, { errors: shown });
    this.errors = shown;
  }
}

const kindStatus: Record<DomainErrorKind, number> = { conflict: 409, invalid: 422, forbidden: 403, not_found: 404 };

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Extensions come first: a detail named like a problem member (e.g. a domain `status`) never overrides it. */
function problem(status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    ...extensions,
    type: `https://channel-ledger.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
  };
}

/** Maps anything thrown while serving a request; unknown errors become a bare 500 that leaks nothing. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ReplayedProblem) return { ...error.problem };
  if (error instanceof ApiProblem) return problem(error.status, error.code, error.message, error.extensions);
  if (error instanceof DomainError) return problem(kindStatus[error.kind], error.code, error.message, error.details);
  if (error instanceof WrongExpectedRevisionError) {
    return problem(412, 'CONCURRENCY.REVISION_MISMATCH', 'The entity was changed by someone else; read it again and retry', {
      actualRevision: error.actual === 'no_stream' ? null : error.actual,
    });
  }
  if (error instanceof HttpException) return fromHttpException(error);
  return problem(500, 'INTERNAL.UNEXPECTED', 'An unexpected error occurred; quote the correlation id when reporting it');
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const codes: Record<number, string> = {
    [HttpStatus.NOT_FOUND]: 'ROUTE.NOT_FOUND',
    [HttpStatus.TOO_MANY_REQUESTS]: 'REQUEST.RATE_LIMITED',
    [HttpStatus.UNAUTHORIZED]: 'AUTH.UNAUTHENTICATED',
    [HttpStatus.FORBIDDEN]: 'AUTH.FORBIDDEN',
    [HttpStatus.PAYLOAD_TOO_LARGE]: 'REQUEST.TOO_LARGE',
  };
  const detail = status === 404 ? 'No such route' : error.message;
  return problem(status, codes[status] ?? `HTTP.${status}`, detail);
}

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

/** body-parser's errors, turned into problems before Nest would flatten them into a bare 400. */
export function bodyParserProblem(e: BodyParserError): ApiProblem {
  switch (e.type) {
    case 'entity.parse.failed':
      return new ApiProblem(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON', { errors: [{ field: 'body', message: 'not valid JSON' }] });
    case 'entity.too.large':
      return new ApiProblem(413, 'REQUEST.TOO_LARGE', 'The request body is too large', { errors: [{ field: 'body', message: 'too large' }] });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiProblem(415, 'REQUEST.UNSUPPORTED_ENCODING', 'The request body uses an unsupported encoding or charset');
    default:
      return new ApiProblem(400, 'REQUEST.UNREADABLE', 'The request body could not be read');
  }
}
