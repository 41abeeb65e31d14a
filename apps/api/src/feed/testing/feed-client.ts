/**
 * A bare HTTP client for the feed specs, on node:http over loopback: JSON pages, and SSE streams
 * parsed as a browser's EventSource would (messages, comments, `id`-only messages), which can stop
 * reading like a stalled consumer.
 */
import { request, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { FeedItem } from '../feed-item';

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

export interface JsonAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Whatever the route answered; the spec checks it. */
  body: any;
}

/** Starts the app on a free loopback port (if it is not listening yet) and answers the port. */
export async function listen(app: INestApplication): Promise<number> {
  const server = app.getHttpServer();
  if (!server.listening) await app.listen(0, '127.0.0.1');
  return (server.address() as AddressInfo).port;
}

export function getJson(port: number, path: string, headers: Record<string, string>): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { accept: 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens an SSE stream; a refusal (not 200) answers its JSON problem instead. `paused`: read nothing until resume(). */
export function openStream(
  port: number,
  path: string,
  headers: Record<string, string>,
  options: { paused?: boolean } = {},
): Promise<SseStream | JsonAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode === 200) return resolve(new SseStream(req, res, options.paused ?? false));
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end();
  });
}

export function isStream(answer: SseStream | JsonAnswer): answer is SseStream {
  return answer instanceof SseStream;
}

export class SseStream {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  /** Resolves when the server ended the response or the connection closed. */
  readonly closed: Promise<void>;
  private text = '';
  private reading = false;

  constructor(
    private readonly req: ClientRequest,
    readonly res: IncomingMessage,
    paused: boolean,
  ) {
    res.setEncoding('utf8');
    this.closed = new Promise((resolve) => res.on('close', resolve));
    res.on('error', () => undefined); // a connection the server destroys: `closed` reports it
    if (!paused) this.resume();
  }

  /** The feed items received, in order (not `disconnect`, not `id`-only messages). */
  get items(): FeedItem[] {
    return this.messages.filter((m) => m.data !== undefined && m.event !== 'disconnect').map((m) => JSON.parse(m.data!) as FeedItem);
  }

  get disconnect(): { reason: string; lastPosition: number } | undefined {
    const notice = this.messages.find((m) => m.event === 'disconnect');
    return notice ? JSON.parse(notice.data!) : undefined;
  }

  /** What an EventSource would send as Last-Event-ID on reconnecting. */
  get lastEventId(): string | undefined {
    return [...this.messages].reverse().find((m) => m.id !== undefined)?.id;
  }

  resume(): void {
    if (!this.reading) this.res.on('data', (chunk: string) => this.parse(chunk));
    this.reading = true;
    this.res.resume();
  }

  /** Hangs up, as a consumer that goes away does. */
  close(): void {
    this.req.destroy();
  }

  async waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${this.messages.length} messages so far`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private parse(chunk: string): void {
    this.text += chunk;
    let start = 0;
    for (let end = this.text.indexOf('\n\n'); end >= 0; end = this.text.indexOf('\n\n', start)) {
      this.block(this.text.slice(start, end));
      start = end + 2;
    }
    this.text = this.text.slice(start);
  }

  private block(block: string): void {
    const message: SseMessage = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = line.slice(0, colon) as keyof SseMessage;
      if (field === 'id' || field === 'event' || field === 'data') message[field] = line.slice(colon + 1).replace(/^ /, '');
    }
    if (Object.keys(message).length > 0) this.messages.push(message);
  }
}
