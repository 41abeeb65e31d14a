/**
 * What the HTTP benchmarks act on, set up through the API itself on top of whatever the log already
 * holds: a distributor of their own with the sample terms signed for the current year (PUMP-100 ≥
 * PLN 1 250.00), clients the company registers in its territory (unowned: each claim is a real one),
 * and clients the distributor owns (its sales are recorded, never refused, never a channel conflict).
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { sampleTerms } from '../libs/domain/policy/example-terms';
import { termsHash } from '../libs/projections/src/policies/terms-hash';
import type { ApiProcess } from './api-process';
import { LeanPool } from './lean-http';

export const PUMP_FLOOR_MINOR = 125_000;
const YEAR = new Date().getUTCFullYear();

export const today = () => new Date().toISOString().slice(0, 10);

/** Runs `work` over `items` with at most `concurrency` in flight; answers the results in order. */
export async function inPool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Keep-alive connections shared by every request of the benchmark process (lighter than fetch under
 * load). An idle one is dropped after 4 s, before the API's 5 s keep-alive timeout closes it from
 * its side: a POST written to a connection the server is closing fails with ECONNRESET (it did once,
 * at the start of a paced run that followed minutes of autocannon), and a POST is not retried.
 *
 * A measured run's load uses CONNECTIONS connections of its own, opened before it (`openLoadConnections`),
 * as a load tool's fixed connections are: a request finding all busy waits for one, and its latency,
 * counted from when it was due, includes the wait. With up to 256 opened on demand, a run whose latency rose opened
 * connections mid-run, and a new connection to an API that busy took seconds to be answered (requests
 * due at the same moment took 2–7 s on a new connection and ~65 ms on an open one, 2026-11-29).
 */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, timeout: 4_000 });

/** Connections of their own for a benchmark's probes, so that they never wait behind the load's requests. */
export const probeAgent = new Agent({ keepAlive: true, maxSockets: 4, timeout: 4_000 });

/**
 * The measured runs' CONNECTIONS connections (lean-http.ts: Node's http client cost the load generator
 * twice the CPU on the cores it shares with the API), opened before the run.
 */
export const openLoadConnections = (api: ApiProcess): Promise<LeanPool> => LeanPool.open(api.url, CONNECTIONS);

/** Records a sale over the load's connections; anything but 201 stops the benchmark (it would measure another path). */
export async function recordSale(pool: LeanPool, auth: string, body: object): Promise<void> {
  const res = await pool.request('POST', '/sales', { authorization: auth, 'content-type': 'application/json' }, JSON.stringify(body));
  if (res.status !== 201) throw new Error(`POST /sales: ${res.status} ${res.body}`);
}

export function send(
  api: ApiProcess,
  method: string,
  path: string,
  auth: string,
  body?: object,
  via: Agent = agent,
): Promise<{ status: number; body: any }> {
  const payload = body ? JSON.stringify(body) : undefined;
  const headers: Record<string, string | number> = auth ? { authorization: auth } : {};
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}${path}`, { method, headers, agent: via }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function expectStatus(api: ApiProcess, method: string, path: string, auth: string, body?: object): Promise<any> {
  const res = await send(api, method, path, auth, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export class BenchChannel {
  private readonly run = randomBytes(4).toString('hex');
  private clientCount = 0;

  private constructor(
    readonly api: ApiProcess,
    readonly distributorId: string,
    readonly territory: string,
    readonly company: string,
    readonly distributor: string,
  ) {}

  /** A distributor of its own, with the sample terms signed by both sides, in a territory nobody else's policy names. */
  static async open(api: ApiProcess, territory = 'IS'): Promise<BenchChannel> {
    const distributorId = `bench-${randomBytes(4).toString('hex')}`;
    const company = await api.auth('company', 'bench-company');
    const distributor = await api.auth('distributor', `${distributorId}-user`, distributorId);
    const terms = sampleTerms(YEAR, { territories: [territory] });
    const policyId = `${distributorId}-${YEAR}`;
    const signature = { termsVersion: 1, termsHash: termsHash(terms) };
    await expectStatus(api, 'POST', '/distributors', company, {
      id: distributorId,
      name: `${distributorId} distribution`,
      territories: [territory],
    });
    await expectStatus(api, 'POST', '/policies', company, { distributorId, year: YEAR, terms });
    await expectStatus(api, 'POST', `/policies/${policyId}/signatures`, distributor, signature);
    await expectStatus(api, 'POST', `/policies/${policyId}/signatures`, company, signature);
    return new BenchChannel(api, distributorId, territory, company, distributor);
  }

  /** `n` retail clients the company registers in the territory; nobody owns them yet. */
  registerClients(n: number, concurrency = 8): Promise<string[]> {
    const serials = Array.from({ length: n }, () => ++this.clientCount);
    return inPool(serials, concurrency, async (serial) => {
      const clientId = `c-${this.run}-${serial}`;
      const taxId = `IS${this.run}${String(serial).padStart(8, '0')}`;
      const body = {
        clientId,
        legalName: `Bench client ${clientId}`,
        taxId,
        territory: this.territory,
        segment: 'retail',
        annualVolume: { minor: 12_000_000, currency: 'PLN' },
      };
      await expectStatus(this.api, 'POST', '/clients', this.company, body);
      return clientId;
    });
  }

  /** Clients the distributor owns: registered, then claimed. */
  async ownedClients(n: number): Promise<string[]> {
    const ids = await this.registerClients(n);
    await inPool(ids, 8, (id) => expectStatus(this.api, 'POST', `/clients/${id}/claims`, this.distributor));
    return ids;
  }

  /** A valid sale body, different for each `i`: another client, quantity and price at or above the floor. */
  static saleBody(clients: string[], i: number): object {
    const quantity = 1 + (i % 7);
    const unitPrice = { minor: PUMP_FLOOR_MINOR + (i % 997), currency: 'PLN' };
    return { clientId: clients[i % clients.length], date: today(), currency: 'PLN', lines: [{ sku: 'PUMP-100', quantity, unitPrice }] };
  }
}
