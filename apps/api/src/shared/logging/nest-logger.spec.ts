import { Writable } from 'node:stream';
import pino from 'pino';
import { AppLogger } from './app-logger';
import { NestPinoLogger } from './nest-logger';

function capture() {
  const lines: Array<Record<string, any>> = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { lines, root: pino({ level: 'trace' }, sink) };
}

describe("Nest's messages and the classes' loggers in one pino logger", () => {
  it("writes Nest's text messages with their context and level", () => {
    const { lines, root } = capture();
    const nest = new NestPinoLogger(root);
    nest.log('Nest application successfully started', 'NestApplication');
    nest.warn('careful', 'Somewhere');
    nest.verbose('detail');
    expect(lines.map((l) => [l.level, l.context, l.msg])).toEqual([
      [30, 'NestApplication', 'Nest application successfully started'],
      [40, 'Somewhere', 'careful'],
      [10, undefined, 'detail'],
    ]);
  });

  it('takes fields then text (new Logger(context).error({ err }, text)), and an Error', () => {
    const { lines, root } = capture();
    const nest = new NestPinoLogger(root);
    nest.error({ err: new Error('disk full') }, 'background WAL checkpoint failed', 'Stores');
    nest.error(new Error('boom'), 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'Stores', msg: 'background WAL checkpoint failed', err: { message: 'disk full' } });
    expect(lines[1]).toMatchObject({ level: 50, context: 'ExceptionHandler', msg: 'boom', err: { message: 'boom', type: 'Error' } });
  });

  it('keeps arguments between the message and the context', () => {
    const { lines, root } = capture();
    new NestPinoLogger(root).warn('retrying', 3, { after: 'ms' }, 'Somewhere');
    expect(lines[0]).toMatchObject({ level: 40, context: 'Somewhere', msg: 'retrying', extra: [3, { after: 'ms' }] });
  });

  it("keeps the stack Nest's exception handlers pass after the text", () => {
    const { lines, root } = capture();
    const stack = 'Error: failed\n    at somewhere (file.js:1:1)';
    new NestPinoLogger(root).error('failed', stack, 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'ExceptionsHandler', msg: 'failed', err: { stack } });
  });

  it("names the class in an AppLogger's lines", () => {
    const { lines, root } = capture();
    const logger = new AppLogger(root);
    logger.setContext('Health');
    logger.error({ store: 'eventStore' }, 'health probe failed');
    logger.info({ n: 1 }, 'fine');
    expect(lines.map((l) => [l.level, l.context, l.msg, l.store ?? l.n])).toEqual([
      [50, 'Health', 'health probe failed', 'eventStore'],
      [30, 'Health', 'fine', 1],
    ]);
  });
});
