/**
 * The API's logs: one pino logger for the process (JSON lines on stdout), a child per class with its
 * name as `context`, and the request line (request-log.ts). Deliberately no AsyncLocalStorage to bind
 * each request's logger: entering one for every request turned on async hooks for every promise of
 * the process (~5% of the sustained command rate, docs/benchmarks.md); the few logs written while
 * answering a request carry its `correlationId` themselves.
 */
import { Inject, Injectable, Scope } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Injected per class (transient): `setContext` names the class in every line it writes. */
@Injectable({ scope: Scope.TRANSIENT })
export class AppLogger {
  private log: Pino;

  constructor(@Inject(ROOT_LOGGER) private readonly root: Pino) {
    this.log = root;
  }

  setContext(context: string): void {
    this.log = this.root.child({ context });
  }

  error(fields: object, message: string): void {
    this.log.error(fields, message);
  }

  warn(fields: object, message: string): void {
    this.log.warn(fields, message);
  }

  info(fields: object, message: string): void {
    this.log.info(fields, message);
  }
}
