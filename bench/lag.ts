/**
 * Projection lag under a sustained command load: sales sent evenly at `rate` per second (an open
 * loop, load.ts `paced`) while probes record sales of their own and poll the read side for each.
 *
 * Lag of one probe = from the moment the probe receives the 201 of POST /sales (the append is
 * acknowledged, i.e. committed) to the moment it receives the first 200 of GET /sales/:id (the sale is
 * queryable in the `sales` read model), polling every POLL_MS. It is an upper bound: it includes one
 * read round trip and up to POLL_MS of polling granularity. PROBES workers probe one sale at a time,
 * PROBE_GAP_MS apart, so the probes add a few per cent to the load they measure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, waitForProjections, type ApiProcess } from './api-process';
import { BenchChannel, openLoadConnections, probeAgent, recordSale, send } from './bench-channel';
import { byFiveSeconds, paced, percentile } from './load';

const POLL_MS = 5;
const PROBES = 2;
/** Pause between two probes of one worker, so the polling stays a small part of the load. */
const PROBE_GAP_MS = 50;

export interface LagOptions {
  dataDir: string;
  label: string;
  /** Commands per second of the background load (default 1000). */
  rate?: number;
  seconds?: number;
  cpuProfDir?: string;
  /** Projections in their own process (see api-process.ts). */
  externalProjector?: boolean;
  /**
   * Sales sent at half the rate first (default 10 s), then a wait until every projection has caught
   * up: the JIT, the kept stream folds and SQLite's page cache warm, so the measured run starts from a
   * steady state, as a service under sustained load is — not from a cold start whose backlog a rate
   * without headroom never drains. 0: measure from the cold start.
   */
  warmupSeconds?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One probe after another until `until`: each records a sale, then polls until it is queryable. */
async function probe(api: ApiProcess, channel: BenchChannel, clients: string[], until: number, lags: number[]): Promise<void> {
  for (let i = 0; Date.now() < until; i++) {
    const res = await send(api, 'POST', '/sales', channel.distributor, BenchChannel.saleBody(clients, i), probeAgent);
    if (res.status !== 201) throw new Error(`probe sale: ${res.status} ${JSON.stringify(res.body)}`);
    const acknowledged = performance.now();
    for (;;) {
      const read = await send(api, 'GET', `/sales/${res.body.saleId}`, channel.distributor, undefined, probeAgent);
      if (read.status === 200) break;
      if (read.status !== 404) throw new Error(`probe read: ${read.status}`);
      await sleep(POLL_MS);
    }
    lags.push(performance.now() - acknowledged);
    await sleep(PROBE_GAP_MS);
  }
}

export async function lagBenchmark(options: LagOptions): Promise<string[]> {
  const { rate = 1000, seconds = 20, warmupSeconds = 10 } = options;
  const api = await startApi({ dataDir: options.dataDir, cpuProfDir: options.cpuProfDir, externalProjector: options.externalProjector });
  try {
    await waitForProjections(api);
    const channel = await BenchChannel.open(api);
    const clients = await channel.ownedClients(200);
    let sold = 0;
    let connections = await openLoadConnections(api);
    const sale = () => recordSale(connections, channel.distributor, BenchChannel.saleBody(clients, sold++));
    if (warmupSeconds > 0) {
      await paced(rate / 2, warmupSeconds, sale);
      await waitForProjections(api);
      connections.close(); // idle meanwhile: the API's keep-alive timeout may be closing them
      connections = await openLoadConnections(api);
    }
    const windows = byFiveSeconds(seconds);
    const background = paced(rate, seconds, sale, windows.record);
    await sleep(2000); // let the load settle before sampling
    const lags: number[] = [];
    await Promise.all(Array.from({ length: PROBES }, () => probe(api, channel, clients, Date.now() + (seconds - 3) * 1000, lags)));
    const load = await background;
    connections.close();
    const sustained = Math.round(load.rate);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const byWindow = windows.p99s();
    const warm = warmupSeconds > 0 ? `after ${warmupSeconds} s at ${rate / 2}/s` : 'from a cold start';
    return [
      `lag (${options.label}): POST /sales sent evenly at ${rate}/s for ${seconds} s ${warm}, sustained ${sustained}/s (command p50 ${load.p50} ms, p99 ${load.p99} ms; p99 by 5 s: ${byWindow} ms); ` +
        `append acknowledged → queryable in GET /sales/:id over ${lags.length} probes: p50 ${ms(percentile(lags, 50))}, p99 ${ms(percentile(lags, 99))}, max ${ms(Math.max(...lags))} (goal p99 < 100 ms)`,
    ];
  } finally {
    await api.stop();
  }
}

/** `node -r @swc-node/register bench/lag.ts [dataDir]` (default: a fresh data directory). */
if (require.main === module) {
  const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'cl-bench-lag-'));
  lagBenchmark({
    dataDir,
    label: process.env.BENCH_LABEL ?? 'fresh log',
    rate: Number(process.env.BENCH_LAG_RATE ?? 1000),
    cpuProfDir: process.env.BENCH_CPU_PROF,
    externalProjector: process.env.BENCH_PROJECTOR === 'external',
    warmupSeconds: Number(process.env.BENCH_LAG_WARMUP ?? 10),
  })
    .then((lines) => lines.forEach((l) => process.stdout.write(`${l}\n`)))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
