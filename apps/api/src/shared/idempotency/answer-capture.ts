import type { Response } from 'express';

/** What a response is about to send: its status, the headers a replay repeats, and its JSON body. */
export interface CapturedAnswer {
  statusCode: number;
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there is none. */
  body?: unknown;
  /** False when the body is not JSON: it cannot be stored for a replay. */
  json: boolean;
}

const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * Holds back the response's single `send` until `settle(answer)` has finished, so the answer is
 * stored before the client can see it and retry. Everything Nest sends goes through `res.send`: a
 * handler's result via `res.json`, a problem from the exception filter directly.
 */
export function holdAnswer(res: Response, settle: (answer: CapturedAnswer) => Promise<void>): void {
  const send = res.send;
  let held = false;
  res.send = function heldSend(this: Response, chunk?: unknown) {
    // express calls `send` again from `json` with the serialised text: only the first call is held.
    if (held) return send.call(this, chunk);
    held = true;
    void settle(capture(this, chunk)).finally(() => send.call(this, chunk));
    return this;
  } as Response['send'];
}

function capture(res: Response, chunk: unknown): CapturedAnswer {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  const answer = { statusCode: res.statusCode, headers };
  if (chunk === undefined || chunk === null || chunk === '') return { ...answer, json: true };
  if (typeof chunk === 'object' && !ArrayBuffer.isView(chunk)) return { ...answer, body: chunk, json: true };
  const type = String(res.getHeader('content-type') ?? '');
  if (!/[/+]json\b/.test(type)) return { ...answer, json: false };
  try {
    return { ...answer, body: JSON.parse(String(chunk)), json: true };
  } catch {
    return { ...answer, json: false };
  }
}
