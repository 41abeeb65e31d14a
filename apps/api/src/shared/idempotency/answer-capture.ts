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
 * handler's result via `res.json`, a problem from the exception filter directly. `settle` must not
 * reject; an error from the postponed send (the response was ended some other way meanwhile) goes to
 * `onError` rather than becoming an unhandled rejection.
 */
export function holdAnswer(res: Response, settle: (answer: CapturedAnswer) => Promise<void>, onError: (error: unknown) => void): void {
  const send = res.send;
  let state: 'open' | 'held' | 'sending' = 'open';
  res.send = function heldSend(this: Response, chunk?: unknown) {
    // express calls `send` again from `json` with the serialised text while the held answer goes out.
    if (state === 'sending') return send.call(this, chunk);
    // As express would refuse a second answer once the first was sent.
    if (state === 'held') throw new Error('A response is already being sent for this request');
    state = 'held';
    const answer = capture(this, chunk);
    void settle(answer)
      .catch(onError)
      .then(() => {
        state = 'sending';
        try {
          this.statusCode = answer.statusCode; // what was stored, whatever was attempted meanwhile
          send.call(this, chunk);
        } catch (error) {
          onError(error);
        }
      });
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
