import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';

/**
 * Nest's own messages (and `new Logger(context)` of @nestjs/common) into the same pino logger. Nest
 * passes the context last; a message may be an object of fields (then the next argument is the text),
 * an Error, or text — and Nest's exception handlers pass an error's text then its stack.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    const context = rest.length > 0 ? rest[rest.length - 1] : undefined;
    const args = rest.slice(0, -1);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) return this.root[level]({ ...fields, err: message, ...extra(args) }, message.message);
    if (typeof message === 'object' && message !== null) {
      const text = typeof args[0] === 'string' ? (args.shift() as string) : undefined;
      return this.root[level]({ ...fields, ...message, ...extra(args) }, text);
    }
    if (level === 'error' && typeof args[0] === 'string' && args[0].includes('\n    at ')) {
      const err = Object.assign(new Error(String(message)), { stack: args.shift() }); // Nest's (message, stack, context)
      return this.root.error({ ...fields, err, ...extra(args) }, String(message));
    }
    this.root[level]({ ...fields, ...extra(args) }, String(message));
  }
}

/** Arguments between the message and the context, which Nest's console logger would print too. */
const extra = (args: unknown[]) => (args.length > 0 ? { extra: args } : {});
