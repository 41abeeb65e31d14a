import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpSend, type DeliveryRequest } from './http-delivery';

describe('one delivery attempt over HTTP', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ headers: Record<string, unknown>; body: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        if (req.url === '/ok') res.writeHead(200).end('thanks');
        else if (req.url === '/fail') res.writeHead(503, 'Busy').end();
        else if (req.url === '/redirect') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        // '/hang': never answered
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (path: string, extra: Partial<DeliveryRequest> = {}) =>
    httpSend({ url: `${base}${path}`, body: '{"a":1}', headers: { 'webhook-id': 'w-1' }, timeoutMs: 300, ...extra });

  it('succeeds on 2xx, sending the JSON body and the headers', async () => {
    await expect(send('/ok')).resolves.toEqual({ ok: true, status: 200 });
    expect(seen.at(-1)).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json', 'webhook-id': 'w-1' } });
  });

  it('fails on another status, and does not follow redirects', async () => {
    await expect(send('/fail')).resolves.toEqual({ ok: false, error: 'HTTP 503 Busy' });
    await expect(send('/redirect')).resolves.toEqual({ ok: false, error: expect.stringMatching(/HTTP 302.*not followed/) });
  });

  it('fails when no answer comes within the timeout, or nothing listens', async () => {
    const started = Date.now();
    await expect(send('/hang')).resolves.toEqual({ ok: false, error: 'no answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(httpSend({ url: 'http://127.0.0.1:1/x', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('stops at once when aborted', async () => {
    const aborter = new AbortController();
    const attempt = send('/hang', { signal: aborter.signal, timeoutMs: 10_000 });
    aborter.abort();
    await expect(attempt).resolves.toEqual({ ok: false, error: expect.stringMatching(/abort/i) });
  });

  it('refuses a forbidden literal address without connecting', async () => {
    await expect(httpSend({ url: 'https://169.254.169.254/latest', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      ok: false,
      error: '169.254.169.254 is a forbidden address',
    });
    await expect(httpSend({ url: 'http://10.1.2.3/x', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      ok: false,
      error: 'plain http only to loopback, not 10.1.2.3',
    });
  });
});
