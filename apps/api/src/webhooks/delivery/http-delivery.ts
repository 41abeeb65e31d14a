/**
 * One delivery attempt: POST the body, and succeed only on a 2xx status received within the timeout.
 * Redirects are not followed (they would lead the request where the URL checks never looked), and the
 * receiver's response body is not read beyond draining it: only the status matters.
 */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, literalAddressProblem } from '../webhook-url';

export interface DeliveryRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborts the attempt (the service is stopping); the result is then a failure. */
  signal?: AbortSignal;
}

export type DeliveryResult = { ok: true; status: number } | { ok: false; error: string };

export type Send = (request: DeliveryRequest) => Promise<DeliveryResult>;

const MAX_ERROR_LENGTH = 300;

export const httpSend: Send = (request) => {
  const url = new URL(request.url);
  const refused = literalAddressProblem(url);
  if (refused) return Promise.resolve({ ok: false, error: refused });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: DeliveryResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: guardedLookup(url.protocol),
        signal: request.signal,
        agent: false,
      },
      (res) => {
        finish(statusResult(res.statusCode ?? 0, res.statusMessage));
        res.resume(); // drain and discard; the timer below still bounds a body that never ends
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, error: `no answer within ${request.timeoutMs} ms` });
      req.destroy();
    }, request.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, error: clip(error.code ? `${error.code}: ${error.message}` : error.message) }));
    req.end(request.body);
  });
};

function statusResult(status: number, message = ''): DeliveryResult {
  if (status >= 200 && status < 300) return { ok: true, status };
  const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
  return { ok: false, error: clip(`HTTP ${status} ${message}${redirect}`.trim()) };
}

const clip = (text: string) => (text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text);
