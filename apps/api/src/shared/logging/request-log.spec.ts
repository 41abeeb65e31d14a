import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Request, Response } from 'express';
import { requestLogging } from './request-log';

describe('the request log line', () => {
  const lines: Record<string, unknown>[] = [];
  let server: Server;

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    const log = requestLogging(pino(sink));
    server = createServer((req, res) => {
      log(req as Request, res as unknown as Response, () => undefined);
      res.statusCode = 201;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('says who asked what and the answer, without headers (the bearer token least of all)', async () => {
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = request({ port, method: 'POST', path: '/sales?x=1', headers: { authorization: 'Bearer secret-token', 'user-agent': 'ua/1', 'x-correlation-id': 'corr-1' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      req: { id: 'corr-1', method: 'POST', url: '/sales?x=1', remoteAddress: '127.0.0.1', userAgent: 'ua/1' },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
    });
    expect(Object.keys(lines[0].req as object).sort()).toEqual(['id', 'method', 'remoteAddress', 'url', 'userAgent']);
    expect(Object.keys(lines[0].res as object)).toEqual(['statusCode']);
    expect(JSON.stringify(lines[0])).not.toContain('secret-token');
  });
});
