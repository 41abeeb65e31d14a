/**
 * Commands over HTTP vs the same app's `GET /health`, measured side by side: the real API in a child
 * process (bench/api-process.ts) under autocannon. Runs alternate health → record a sale → claim a
 * client → read a sale, so drift on the machine affects every case alike; each figure is a median.
 * Then the latency of recording sales sent evenly at half the rate measured (load.ts `paced`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { startApi, waitForProjections, type ApiProcess } from './api-process';
import { BenchChannel, inPool, openLoadConnections, recordSale, send } from './bench-channel';
import { byFiveSeconds, describe, load, medianOf, paced, type LoadResult } from './load';

export interface HttpOptions {
  dataDir: string;
  /** Printed with each line: what the log holds (e.g. "100000 events"). */
  label: string;
  runs?: number;
  seconds?: number;
  connections?: number;
  claimsPerRun?: number;
  /**
   * Length of the run at half saturation. Long enough that one of this VM's rare fsync stalls (tens of
   * ms, seen with nothing else running) is one event among many, not the p99 itself.
   */
  pacedSeconds?: number;
  cpuProfDir?: string;
  /** Projections in their own process (see api-process.ts); the label says so. */
  externalProjector?: boolean;
}

interface Cases {
  health: () => Promise<LoadResult>;
  sale: () => Promise<LoadResult>;
  /** Sales sent evenly at `rate` per second (an open loop, see load.ts `paced`). */
  pacedSales: (rate: number, seconds: number, onAnswer?: (dueMs: number, latencyMs: number) => void) => Promise<LoadResult>;
  claim: () => Promise<LoadResult>;
  read: () => Promise<LoadResult>;
}

const json = (auth: string) => ({ authorization: auth, 'content-type': 'application/json' });

async function prepare(api: ApiProcess, o: Required<Omit<HttpOptions, 'cpuProfDir' | 'externalProjector'>>): Promise<Cases> {
  const channel = await BenchChannel.open(api);
  const owned = await channel.ownedClients(200);
  const unowned = await channel.registerClients(o.runs * o.claimsPerRun + o.claimsPerRun);
  const saleIds = await inPool(
    Array.from({ length: 200 }, (_, i) => i),
    8,
    async (i) => {
      const res = await send(api, 'POST', '/sales', channel.distributor, BenchChannel.saleBody(owned, i));
      return res.body.saleId as string;
    },
  );
  let sold = 0;
  let claimed = 0;
  let read = 0;
  const base: autocannon.Options = { url: api.url, connections: o.connections };
  return {
    health: () => load({ ...base, duration: o.seconds, requests: [{ method: 'GET', path: '/health' }] }),
    sale: () =>
      load({
        ...base,
        duration: o.seconds,
        requests: [
          {
            method: 'POST',
            path: '/sales',
            headers: json(channel.distributor),
            setupRequest: (req) => ({ ...req, body: JSON.stringify(BenchChannel.saleBody(owned, sold++)) }),
          },
        ],
      }),
    pacedSales: async (rate, seconds, onAnswer) => {
      const connections = await openLoadConnections(api);
      try {
        return await paced(
          rate,
          seconds,
          () => recordSale(connections, channel.distributor, BenchChannel.saleBody(owned, sold++)),
          onAnswer,
        );
      } finally {
        connections.close();
      }
    },
    claim: () =>
      load({
        ...base,
        amount: o.claimsPerRun,
        requests: [
          {
            method: 'POST',
            headers: { authorization: channel.distributor },
            setupRequest: (req) => ({ ...req, path: `/clients/${unowned[claimed++]}/claims` }),
          },
        ],
      }),
    read: () =>
      load({
        ...base,
        duration: o.seconds,
        requests: [
          {
            method: 'GET',
            headers: { authorization: channel.distributor },
            setupRequest: (req) => ({ ...req, path: `/sales/${saleIds[read++ % saleIds.length]}` }),
          },
        ],
      }),
  };
}

export interface HttpReport {
  lines: string[];
  /** The median rate of recording sales (saturation), for the lag benchmark's second rate. */
  saleRate: number;
}

export async function httpBenchmark(options: HttpOptions): Promise<HttpReport> {
  const o = { runs: 5, seconds: 5, connections: 10, claimsPerRun: 1500, pacedSeconds: 30, ...options };
  const api = await startApi({ dataDir: o.dataDir, cpuProfDir: o.cpuProfDir, externalProjector: o.externalProjector });
  try {
    await waitForProjections(api);
    const cases = await prepare(api, o);
    await cases.health(); // warm-up: JIT, connections, SQLite page cache
    await cases.sale();
    const results: Record<'health' | 'sale' | 'claim' | 'read', LoadResult[]> = { health: [], sale: [], claim: [], read: [] };
    for (let r = 0; r < o.runs; r++) {
      results.health.push(await cases.health());
      results.sale.push(await cases.sale());
      results.claim.push(await cases.claim());
      results.read.push(await cases.read());
    }
    const [health, sale, claim, read] = (['health', 'sale', 'claim', 'read'] as const).map((k) => medianOf(results[k]));
    const half = Math.max(1, Math.round(sale.rate / 2));
    // Measured in steady state: not while the projector still applies the saturating runs' sales.
    await waitForProjections(api);
    const windows = byFiveSeconds(o.pacedSeconds);
    const atHalf = await cases.pacedSales(half, o.pacedSeconds, windows.record);
    const ratio = (c: LoadResult) => (c.rate / health.rate).toFixed(2);
    const at = `${o.label}, ${o.connections} connections, median of ${o.runs} runs`;
    const lines = [
      `http (${at}): GET /health ${describe(health)}`,
      `http (${at}): POST /sales ${describe(sale)}, ratio to health ${ratio(sale)} (goal ≥ 0.4)`,
      `http (${at}): POST /clients/:id/claims ${describe(claim)}, ratio to health ${ratio(claim)} (goal ≥ 0.4)`,
      `http (${at}): GET /sales/:id ${describe(read)}, ratio to health ${ratio(read)}`,
      `http (${o.label}): POST /sales sent evenly at ${half} req/s (half of saturation) for ${o.pacedSeconds} s: p50 ${atHalf.p50} ms, p99 ${atHalf.p99} ms (by 5 s: ${windows.p99s()} ms), max ${atHalf.max} ms (goal p99 < 20 ms)`,
    ];
    return { lines, saleRate: sale.rate };
  } finally {
    await api.stop();
  }
}

/** `node -r @swc-node/register bench/http.ts [dataDir]`: one run on that data directory (default: a fresh one). */
if (require.main === module) {
  const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'cl-bench-http-'));
  httpBenchmark({
    dataDir,
    label: process.env.BENCH_LABEL ?? 'fresh log',
    runs: Number(process.env.BENCH_RUNS ?? 5),
    cpuProfDir: process.env.BENCH_CPU_PROF,
    externalProjector: process.env.BENCH_PROJECTOR === 'external',
  })
    .then(({ lines }) => lines.forEach((l) => process.stdout.write(`${l}\n`)))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
