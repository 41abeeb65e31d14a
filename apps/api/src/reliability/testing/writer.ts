/**
 * The crash spec's writer, a process of its own: registers clients and claims them over HTTP as fast
 * as the API answers, each request with an Idempotency-Key. Every acknowledgement (201) is appended to
 * ACK_FILE before the next request, so the file lists exactly what the API promised. A request whose
 * answer never came (the API was killed) is retried later with the same key, as a real client would;
 * a 409 IDEMPOTENCY.IN_PROGRESS (the attempt of the killed process is still fresh) is retried later too.
 *
 * Env: BASE_URL, TOKEN, ACK_FILE, WORKERS (default 3), PREFIX (client id prefix). Stops on SIGTERM.
 */
import { appendFileSync } from 'node:fs';

interface Job {
  kind: 'register' | 'claim';
  clientId: string;
  key: string;
  notBefore: number;
}

const base = process.env.BASE_URL!;
const token = process.env.TOKEN!;
const ackFile = process.env.ACK_FILE!;
const prefix = process.env.PREFIX ?? 'w';
const workers = Number(process.env.WORKERS ?? 3);
const retries: Job[] = [];
const stats = { sent: 0, acked: 0, unanswered: 0, inProgress: 0, unexpected: 0 };
let next = 0;
let stopping = false;

process.once('SIGTERM', () => (stopping = true));

const registerBody = (clientId: string) => ({
  clientId,
  legalName: `Crash test ${clientId}`,
  // Derived from the id: a retry must send the very same body, or the key is refused as reused (422).
  taxId: `DE${clientId.replace(/\D/g, '').padStart(9, '0')}`,
  // No distributor holds DE-BE: the company may claim it without a policy having a say.
  territory: 'DE-BE',
  segment: 'retail',
  annualVolume: { minor: 1_000_000, currency: 'EUR' },
});

function nextJob(): Job {
  const due = retries.findIndex((j) => j.notBefore <= Date.now());
  if (due >= 0) return retries.splice(due, 1)[0];
  const clientId = `${prefix}-${process.pid}-${next++}`;
  return { kind: 'register', clientId, key: `register-${clientId}`, notBefore: 0 };
}

async function send(job: Job): Promise<void> {
  stats.sent++;
  const path = job.kind === 'register' ? '/clients' : `/clients/${job.clientId}/claims`;
  const body = job.kind === 'register' ? registerBody(job.clientId) : {};
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': job.key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    stats.unanswered++;
    retries.push({ ...job, notBefore: Date.now() + 200 });
    await new Promise((r) => setTimeout(r, 50)); // the API is down: do not spin
    return;
  }
  const answer = (await res.json().catch(() => ({}))) as { code?: string };
  if (res.status === 201) {
    stats.acked++;
    appendFileSync(ackFile, `${JSON.stringify({ kind: job.kind, clientId: job.clientId, key: job.key, replayed: res.headers.get('idempotent-replayed') === 'true' })}\n`);
    if (job.kind === 'register') retries.push({ kind: 'claim', clientId: job.clientId, key: `claim-${job.clientId}`, notBefore: 0 });
  } else if (res.status === 409 && answer.code === 'IDEMPOTENCY.IN_PROGRESS') {
    stats.inProgress++;
    retries.push({ ...job, notBefore: Date.now() + 2_000 });
  } else if (res.status === 503 || res.status >= 500) {
    stats.unanswered++;
    retries.push({ ...job, notBefore: Date.now() + 200 });
  } else {
    stats.unexpected++;
    process.stderr.write(`unexpected ${res.status} for ${job.kind} ${job.clientId}: ${JSON.stringify(answer)}\n`);
  }
}

async function worker(): Promise<void> {
  while (!stopping) await send(nextJob());
}

void Promise.all(Array.from({ length: workers }, worker)).then(() => {
  process.stdout.write(`writer stats ${JSON.stringify({ ...stats, pendingRetries: retries.length })}\n`);
  process.exit(0);
});
