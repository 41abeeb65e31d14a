/**
 * The paced runs' HTTP/1.1 client: a fixed pool of keep-alive sockets, a request written as one
 * buffer, the answer's status line, headers and body cut out of the bytes. The load generator shares
 * the API's two cores, and Node's http client cost it 160–200 ms of CPU a second at 400 sales/s
 * (~0.4 ms a request): CPU the API then waited for, and part of every latency it measured. This one
 * took 83–111 ms/s at the same rate (docs/benchmarks.md, 2026-11-29).
 *
 * Enough HTTP for the API's answers: Content-Length or chunked bodies, `Connection: close`. A socket
 * the server closes while idle is replaced on the next request; one closed under a request fails that
 * request (a POST is not retried).
 */
import { connect, type Socket } from 'node:net';

export interface LeanAnswer {
  status: number;
  body: string;
}

interface Pending {
  resolve: (answer: LeanAnswer) => void;
  reject: (error: Error) => void;
}

class LeanConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private pending?: Pending;
  closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly onClose: (connection: LeanConnection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(host: string, port: number, onClose: (connection: LeanConnection) => void): Promise<LeanConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new LeanConnection(socket, onClose));
      });
    });
  }

  send(request: Buffer): Promise<LeanAnswer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Closed, or closing after an answer with `Connection: close`: the pool forgets it at once. */
  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onClose(this);
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    let parsed: ReturnType<typeof parseAnswer>;
    try {
      parsed = parseAnswer(this.buffered);
    } catch (error) {
      return this.fail(error as Error); // the request fails (and the benchmark with it), not the process
    }
    if (!parsed) return;
    const pending = this.pending;
    this.pending = undefined;
    this.buffered = this.buffered.subarray(parsed.length);
    if (parsed.close) this.markClosed();
    if (pending) pending.resolve(parsed.answer);
    else this.fail(new Error(`an answer nobody asked for: ${parsed.answer.status}`));
  }

  private fail(error: Error): void {
    this.markClosed();
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

/** One complete answer at the start of `bytes` (and how many bytes it took), or undefined while incomplete. */
export function parseAnswer(bytes: Buffer): { answer: LeanAnswer; length: number; close: boolean } | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine, ...lines] = bytes.toString('latin1', 0, headEnd).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = new Map(
    lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const close = headers.get('connection')?.toLowerCase() === 'close';
  const start = headEnd + 4;
  if (headers.get('transfer-encoding')?.toLowerCase() === 'chunked') {
    const body = dechunk(bytes, start);
    return body && { answer: { status, body: body.text }, length: body.end, close };
  }
  const length = Number(headers.get('content-length') ?? (close ? Number.NaN : 0));
  if (!Number.isInteger(length)) throw new Error(`an answer without a length: ${statusLine}`);
  if (bytes.length < start + length) return undefined;
  return { answer: { status, body: bytes.toString('utf8', start, start + length) }, length: start + length, close };
}

/** A chunked body from `start`: its text and where it ends, or undefined while incomplete. */
function dechunk(bytes: Buffer, start: number): { text: string; end: number } | undefined {
  const parts: Buffer[] = [];
  for (let at = start; ;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const sizeLine = bytes.toString('latin1', at, lineEnd);
    const size = parseInt(sizeLine, 16);
    if (!/^[0-9a-fA-F]+/.test(sizeLine) || !Number.isInteger(size))
      throw new Error(`a chunk size that is not one: ${JSON.stringify(sizeLine)}`);
    if (size === 0) {
      const end = bytes.indexOf('\r\n\r\n', lineEnd); // no trailers are sent: the empty line follows at once
      return end < 0 ? undefined : { text: Buffer.concat(parts).toString('utf8'), end: end + 4 };
    }
    if (bytes.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

export class LeanPool {
  private readonly idle: LeanConnection[] = [];
  private readonly waiting: Array<{ resolve: (connection: LeanConnection) => void; reject: (error: unknown) => void }> = [];
  private live = 0;

  private constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly size: number,
  ) {}

  /** Opens `size` connections to the server at `url` before the measured run, as a load tool does. */
  static async open(url: string, size: number): Promise<LeanPool> {
    const { hostname, port } = new URL(url);
    const pool = new LeanPool(hostname, Number(port), size);
    const outcomes = await Promise.allSettled(Array.from({ length: size }, () => pool.connect()));
    const opened = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) {
      for (const connection of opened) connection.destroy(); // none left open behind a pool that was never handed out
      throw failed.reason;
    }
    pool.idle.push(...opened);
    return pool;
  }

  /** One request; the answer's body as text. Waits for a free connection when all are busy (the wait counts in its latency). */
  async request(method: string, path: string, headers: Record<string, string>, body = ''): Promise<LeanAnswer> {
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const bytes = Buffer.from(
      `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    const connection = await this.take();
    try {
      return await connection.send(bytes);
    } finally {
      this.give(connection);
    }
  }

  close(): void {
    for (const connection of this.idle.splice(0)) connection.destroy();
  }

  private connect(): Promise<LeanConnection> {
    this.live += 1;
    return LeanConnection.open(this.host, this.port, (closed) => this.forget(closed)).catch((error: unknown) => {
      this.live -= 1;
      throw error;
    });
  }

  /** The longest idle connection (each is used in turn, so none idles into the server's keep-alive timeout). */
  private async take(): Promise<LeanConnection> {
    const idle = this.idle.shift();
    if (idle) return idle;
    if (this.live < this.size) return this.connect();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private give(connection: LeanConnection): void {
    if (connection.closed) return void this.replaceForWaiter();
    const next = this.waiting.shift();
    if (next) next.resolve(connection);
    else this.idle.push(connection);
  }

  private forget(connection: LeanConnection): void {
    this.live -= 1;
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
  }

  /** A connection closed under a request: a request waiting for one gets a new one. */
  private replaceForWaiter(): void {
    const next = this.waiting.shift();
    if (next) this.connect().then(next.resolve, next.reject);
  }
}
