/**
 * A bare HTTP client for hostile-input specs: unlike supertest it adds no Content-Type of its own,
 * sends bytes exactly as given, and keeps one connection alive across thousands of requests.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export interface RawClient {
  send: (req: RawRequest) => Promise<RawResponse>;
  close: () => void;
}

/** Starts the app listening on a free local port (if it is not yet) and returns a client for it. */
export async function rawClient(app: INestApplication): Promise<RawClient> {
  const server = app.getHttpServer();
  if (!server.listening) await app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return { send: (req) => sendRaw(agent, port, req), close: () => agent.destroy() };
}

function sendRaw(agent: Agent, port: number, req: RawRequest): Promise<RawResponse> {
  const headers = { ...req.headers, 'content-length': String(req.body?.length ?? 0) };
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, agent, method: req.method, path: req.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text, res.headers['content-type']) });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

function parseJson(text: string, contentType: string | undefined): unknown {
  if (!/json/.test(contentType ?? '')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // a JSON content type with a body that does not parse: the spec reports it as "no code"
  }
}
