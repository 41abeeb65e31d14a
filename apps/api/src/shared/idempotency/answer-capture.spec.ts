import express from 'express';
import request from 'supertest';
import { holdAnswer, type CapturedAnswer } from './answer-capture';

/** A real express response: what the handler sends is captured, and reaches the client only after `settle`. */
function appSending(send: (res: express.Response) => void) {
  const log: string[] = [];
  const seen: CapturedAnswer[] = [];
  const errors: unknown[] = [];
  const app = express().post('/x', (_req, res) => {
    holdAnswer(res, async (answer) => {
      seen.push(answer);
      await new Promise((r) => setTimeout(r, 20));
      log.push('settled');
    }, (error) => errors.push(error));
    send(res);
  });
  return { app, log, seen, errors };
}

/** superagent would parse the JSON-typed body itself (and fail). */
const asText = (res: request.Response, done: (err: Error | null, body: string) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  stream.on('end', () => done(null, text));
};

describe('holdAnswer', () => {
  it('captures a JSON answer with the replayed headers and sends it once settled', async () => {
    const { app, log, seen } = appSending((res) => res.status(201).setHeader('Location', '/things/1').setHeader('X-Other', 'no').json({ id: 1 }));
    const res = await request(app).post('/x');
    log.push('received');
    expect(log).toEqual(['settled', 'received']);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 1 });
    expect(seen).toEqual([{ statusCode: 201, headers: { location: '/things/1' }, body: { id: 1 }, json: true }]);
  });

  it('captures a problem sent as text by the exception filter, parsed', async () => {
    const problem = { status: 409, code: 'X.CONFLICT' };
    const { app, seen } = appSending((res) => res.status(409).type('application/problem+json').send(JSON.stringify(problem)));
    const res = await request(app).post('/x');
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text)).toEqual(problem);
    expect(seen).toEqual([{ statusCode: 409, headers: {}, body: problem, json: true }]);
  });

  it('captures an empty answer, and marks a body that is not JSON as not storable', async () => {
    const empty = appSending((res) => res.status(204).send());
    expect((await request(empty.app).post('/x')).status).toBe(204);
    expect(empty.seen).toEqual([{ statusCode: 204, headers: {}, json: true }]);
    const text = appSending((res) => res.status(200).type('text/plain').send('{"looks":"like json"}'));
    expect((await request(text.app).post('/x')).text).toBe('{"looks":"like json"}');
    expect(text.seen).toEqual([{ statusCode: 200, headers: {}, json: false }]);
  });

  it('still sends a JSON-typed body that does not parse, as not storable', async () => {
    const { app, seen } = appSending((res) => res.status(200).type('application/json').send('{oops'));
    const res = await request(app).post('/x').buffer(true).parse(asText);
    expect(res.body).toBe('{oops');
    expect(seen[0].json).toBe(false);
  });

  it('refuses a second send while the first is held, as express refuses one after the first', async () => {
    let second: unknown;
    const { app } = appSending((res) => {
      res.status(201).json({ id: 1 });
      try {
        res.status(500).json({ id: 2 });
      } catch (error) {
        second = error;
      }
    });
    const res = await request(app).post('/x');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 1 });
    expect(second).toBeInstanceOf(Error);
  });

  it('reports a held send that fails (the response was ended meanwhile) instead of leaving it unhandled', async () => {
    const { app, errors } = appSending((res) => {
      res.status(201).json({ id: 1 });
      res.status(200).end('ended directly');
    });
    const res = await request(app).post('/x').buffer(true).parse(asText);
    expect(res.body).toBe('ended directly');
    await new Promise((r) => setTimeout(r, 50)); // the held send runs once settle's 20 ms are over
    expect(errors).toEqual([expect.objectContaining({ code: 'ERR_HTTP_HEADERS_SENT' })]);
  });
});
