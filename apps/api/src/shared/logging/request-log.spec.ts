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
      if (req.url === '/hang') return; // answered never: the client gives up
      res.statusCode = req.url === '/fail' ? 503 : 201;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  beforeEach(() => (lines.length = 0));

  const ask = (path: string, headers: Record<string, string> = {}) =>
    new Promise<void>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const req = request({ port, method: 'POST', path, headers }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    }).then(() => new Promise((r) => setImmediate(r)));

  it('says who asked what and the answer, without headers (the bearer token least of all)', async () => {
    await ask('/sales?x=1', { authorization: 'Bearer secret-token', 'user-agent': 'ua/1', 'x-correlation-id': 'corr-1' });
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

  it('logs a 5xx answer as errored, with an error naming the status', async () => {
    await ask('/fail', { 'x-correlation-id': 'corr-2' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request errored', req: { id: 'corr-2' }, res: { statusCode: 503 }, err: { message: 'failed with status code 503' } });
  });

  it('logs a request the client abandoned once, as aborted', async () => {
    const { port } = server.address() as AddressInfo;
    const req = request({ port, method: 'POST', path: '/hang', headers: { 'x-correlation-id': 'corr-3' } });
    req.on('error', () => undefined);
    req.end();
    await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request aborted', req: { id: 'corr-3', url: '/hang', remoteAddress: '127.0.0.1' } });
  });
});
