import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeanPool, parseAnswer } from './lean-http';

let server: Server;
let url: string;
let connections = 0;

/** Echoes method, path, headers and body as JSON; `/chunked` answers in chunks, `/close` closes the connection. */
beforeEach(async () => {
  connections = 0;
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const echo = JSON.stringify({ method: req.method, path: req.url, auth: req.headers.authorization, body });
      if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(echo.slice(0, 5));
        setTimeout(() => res.end(echo.slice(5)), 5);
        return;
      }
      res.writeHead(req.url === '/missing' ? 404 : 201, {
        'content-type': 'application/json',
        ...(req.url === '/close' ? { connection: 'close' } : {}),
      });
      res.end(echo);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('LeanPool', () => {
  it('answers many concurrent requests over its fixed connections, each with its own status and body', async () => {
    const pool = await LeanPool.open(url, 4);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        pool.request('POST', i === 7 ? '/missing' : `/sales?i=${i}`, { authorization: 'Bearer t' }, JSON.stringify({ i, name: 'zażółć' })),
      ),
    );
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(i === 7 ? 404 : 201);
      expect(JSON.parse(answer.body)).toEqual({
        method: 'POST',
        path: i === 7 ? '/missing' : `/sales?i=${i}`,
        auth: 'Bearer t',
        body: JSON.stringify({ i, name: 'zażółć' }),
      });
    });
    expect(connections).toBe(4);
    pool.close();
  });

  it('closes the connections it did open when one of them fails, and fails', async () => {
    const connect = (LeanPool.prototype as unknown as { connect: () => Promise<unknown> }).connect;
    let calls = 0;
    const spy = jest.spyOn(LeanPool.prototype as unknown as { connect: () => Promise<unknown> }, 'connect').mockImplementation(function (
      this: unknown,
    ) {
      return ++calls === 3 ? Promise.reject(new Error('refused')) : connect.call(this);
    });
    await expect(LeanPool.open(url, 4)).rejects.toThrow('refused');
    spy.mockRestore();
    const open = () => new Promise<number>((r) => server.getConnections((_e, n) => r(n)));
    for (let i = 0; i < 200 && (await open()) > 0; i++) await new Promise((r) => setTimeout(r, 10)); // until the server sees the closes
    expect(connections).toBe(3);
    expect(await open()).toBe(0);
  });

  it('reads a chunked answer whole', async () => {
    const pool = await LeanPool.open(url, 1);
    const answer = await pool.request('GET', '/chunked', {});
    expect(JSON.parse(answer.body)).toMatchObject({ method: 'GET', path: '/chunked' });
    pool.close();
  });

  it('replaces a connection the server closed, after an answer with Connection: close or while idle', async () => {
    const pool = await LeanPool.open(url, 1);
    expect((await pool.request('GET', '/close', {})).status).toBe(201);
    expect((await pool.request('GET', '/after-close', {})).status).toBe(201);
    server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 20));
    expect((await pool.request('GET', '/after-idle-close', {})).status).toBe(201);
    expect(connections).toBe(3);
    pool.close();
  });
});

it('a request whose answer cannot be read fails, and the process goes on', async () => {
  const raw = createServer();
  raw.on('connection', (socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')));
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const pool = await LeanPool.open(`http://127.0.0.1:${(raw.address() as AddressInfo).port}`, 1);
  await expect(pool.request('GET', '/', {})).rejects.toThrow('an answer without a length');
  pool.close();
  await new Promise((r) => raw.close(r));
});

describe('parseAnswer', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8');

  it('waits for the whole body, and leaves what follows it', () => {
    expect(parseAnswer(bytes('HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nab'))).toBeUndefined();
    const parsed = parseAnswer(bytes('HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nabcdeHTTP/1.1'))!;
    expect(parsed.answer).toEqual({ status: 201, body: 'abcde' });
    expect(parsed.length).toBe('HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nabcde'.length);
  });

  it('counts the body in bytes, not characters', () => {
    const body = 'zażółć';
    expect(parseAnswer(bytes(`HTTP/1.1 200 OK\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`))!.answer.body).toBe(body);
  });

  it('fails on an answer it cannot read: no length and no chunks, or a chunk size that is not hex', () => {
    expect(() => parseAnswer(bytes('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'))).toThrow('an answer without a length');
    expect(() => parseAnswer(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n'))).toThrow('not one');
  });

  it('joins chunks, and waits for the last one', () => {
    expect(parseAnswer(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n'))).toBeUndefined();
    expect(parseAnswer(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'))!.answer.body).toBe(
      'abcde',
    );
  });
});
