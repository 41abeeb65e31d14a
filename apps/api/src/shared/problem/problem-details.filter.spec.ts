import type { ArgumentsHost } from '@nestjs/common';
import type { AppLogger } from '../logging/app-logger';
import { DomainError } from '@cl/domain/shared/errors';
import { WrongExpectedRevisionError } from '@cl/event-store';
import { ProblemDetailsFilter } from './problem-details.filter';

function run(error: unknown) {
  const logged: unknown[] = [];
  const logger = { setContext: () => undefined, error: (...args: unknown[]) => logged.push(args) } as unknown as AppLogger;
  const sent: { status?: number; type?: string; body?: string } = {};
  const res = {
    headersSent: false,
    status(s: number) {
      sent.status = s;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    send(b: string) {
      sent.body = b;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ id: 'corr-1', originalUrl: '/x?y=1' }), getResponse: () => res }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter(logger).catch(error, host);
  return { ...sent, problem: JSON.parse(sent.body!), logged };
}

describe('ProblemDetailsFilter', () => {
  it('answers an unexpected error with a bare 500 carrying the correlation id, and logs it', () => {
    const out = run(new TypeError('secret internal detail at /srv/app.js:10'));
    expect(out.status).toBe(500);
    expect(out.type).toBe('application/problem+json');
    expect(out.problem).toMatchObject({ status: 500, code: 'INTERNAL.UNEXPECTED', correlationId: 'corr-1', instance: '/x' });
    expect(out.body).not.toContain('secret internal detail');
    expect(out.logged).toHaveLength(1);
  });

  it('maps domain error kinds to statuses with their stable code', () => {
    expect(run(new DomainError('A.B', 'conflict', 'no')).problem).toMatchObject({ status: 409, code: 'A.B' });
    expect(run(new DomainError('A.C', 'invalid', 'no')).status).toBe(422);
    expect(run(new DomainError('A.D', 'forbidden', 'no')).status).toBe(403);
    expect(run(new DomainError('A.E', 'not_found', 'no')).status).toBe(404);
  });

  it('maps a lost concurrent write to 412', () => {
    expect(run(new WrongExpectedRevisionError('s', 1, 2)).problem).toMatchObject({ status: 412, code: 'CONCURRENCY.REVISION_MISMATCH', actualRevision: 2 });
  });
});

describe('problem members', () => {
  it('are never overridden by a domain detail of the same name', () => {
    const out = run(new DomainError('POLICY.ENDED', 'conflict', 'ended', { status: 'terminated', code: 'x', type: 'y' }));
    expect(out.status).toBe(409);
    expect(out.problem).toMatchObject({ status: 409, code: 'POLICY.ENDED' });
  });
});
