/**
 * A real HTTP receiver on loopback for the delivery specs. Each request is recorded, then answered
 * as the current behaviour says: 'ok' (204), 'fail' (500), or 'hang' (never answered until close(),
 * so the sender's timeout fires). Signatures are checked with the snippet of docs/webhooks.md itself.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { WebhookPayload } from '../delivery/payload';

export type Behaviour = 'ok' | 'fail' | 'hang';

export interface Received {
  /** 1-based order of arrival. */
  n: number;
  webhookId: string;
  eventId: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: WebhookPayload;
  answered: Behaviour;
}

export class Receiver {
  readonly received: Received[] = [];
  /** Answers 'ok' and 'fail' this long after the request arrived (a slow receiver). */
  answerDelayMs = 0;
  private behaviour: (request: Omit<Received, 'answered'>) => Behaviour = () => 'ok';
  private readonly hanging = new Set<ServerResponse>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/hooks'): Promise<Receiver> {
    let receiver: Receiver | undefined;
    const server = createServer((req, res) => void receiver!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return receiver;
  }

  behave(decide: (request: Omit<Received, 'answered'>) => Behaviour): void {
    this.behaviour = decide;
  }

  /** Requests answered 2xx, in order of arrival. */
  get acked(): Received[] {
    return this.received.filter((r) => r.answered === 'ok');
  }

  ackedIds(): Set<string> {
    return new Set(this.acked.map((r) => r.eventId));
  }

  async waitUntil(condition: () => boolean, timeoutMs = 15_000, what = 'the receiver'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what}: condition not met within ${timeoutMs} ms (${this.received.length} requests so far)`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, 50);
        this.waiters.add(wake);
      });
    }
  }

  async close(): Promise<void> {
    // Unanswered and still delayed responses: the sender has given up on them (timeout or shutdown).
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const request = {
      n: this.received.length + 1,
      webhookId: String(req.headers['webhook-id']),
      eventId: String(req.headers['webhook-event-id']),
      timestamp: String(req.headers['webhook-timestamp']),
      signature: String(req.headers['webhook-signature']),
      body,
      payload: JSON.parse(body) as WebhookPayload,
    };
    const answered = this.behaviour(request);
    this.received.push({ ...request, answered });
    this.waiters.forEach((wake) => wake());
    this.hanging.add(res);
    if (answered === 'hang') return;
    if (this.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.answerDelayMs));
    this.hanging.delete(res);
    if (!res.destroyed) res.writeHead(answered === 'ok' ? 204 : 500).end();
  }
}

/**
 * The receiver-side check of docs/webhooks.md: the snippet after `<!-- verify-snippet -->` is read
 * from the document and run as it stands, so the documented procedure is the one tested.
 */
export function verifyAsDocumented(secret: string, r: Pick<Received, 'timestamp' | 'signature' | 'body'>, nowSeconds?: number): boolean {
  const headers = { 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature };
  return documentedVerifier()(secret, headers, r.body, nowSeconds);
}

type Verifier = (secret: string, headers: Record<string, string>, rawBody: string, nowSeconds?: number) => boolean;
let verifier: Verifier | undefined;

function documentedVerifier(): Verifier {
  if (verifier) return verifier;
  const doc = readFileSync(join(__dirname, '../../../../../docs/webhooks.md'), 'utf8');
  const snippet = /<!-- verify-snippet -->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!snippet) throw new Error('docs/webhooks.md has no verify-snippet');
  verifier = new Function('require', `${snippet}\nreturn verifyWebhook;`)(require) as Verifier;
  return verifier;
}
