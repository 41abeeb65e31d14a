/**
 * The benchmarks that run the real API (bench/http.ts, bench/lag.ts) — with the projector inside the
 * API (the default) and in its own process — at each log size of BENCH_SIZES
 * (default 100000,1000000 events of the generated data set, bench/dataset.ts). Each size runs on a
 * copy of the data set's log, so what the benchmarks write never changes the cached data set.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATASET, defaultDatasetDir, generateDataset } from './dataset';
import { httpBenchmark } from './http';
import { lagBenchmark } from './lag';

export function benchSizes(env: Record<string, string | undefined> = process.env): number[] {
  return (env.BENCH_SIZES ?? '100000,1000000').split(',').map((s) => Number(s.trim()));
}

/** A private copy of the data set of `events` events (generated first if it is not cached). */
async function copyOfDataset(events: number): Promise<{ dataDir: string; cleanup: () => void }> {
  const params = { ...DEFAULT_DATASET, events };
  const info = await generateDataset({ ...params, dataDir: defaultDatasetDir(params) });
  const dataDir = mkdtempSync(join(tmpdir(), `cl-bench-api-${events}-`));
  // The read models too, when the rebuild benchmark left them at the log's head (npm run bench runs it
  // first): the API then starts caught up instead of projecting the whole log before /health answers.
  for (const file of ['events.db', 'events.db-wal', 'read-models.db', 'read-models.db-wal']) {
    if (existsSync(join(info.dataDir, file))) copyFileSync(join(info.dataDir, file), join(dataDir, file));
  }
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Runs every size; each line is handed to `print` as soon as it is measured (a 1M-event size takes a while). */
export async function apiBenchmarks(
  print: (line: string) => void,
  sizes = benchSizes(),
  runs = Number(process.env.BENCH_RUNS ?? 5),
): Promise<string[]> {
  const lines: string[] = [];
  const add = (more: string[]) => {
    more.forEach(print);
    lines.push(...more);
  };
  for (const events of sizes) {
    const { dataDir, cleanup } = await copyOfDataset(events);
    const label = `${events} events in the log`;
    try {
      const http = await httpBenchmark({ dataDir, label, runs });
      add(http.lines);
      add(await lagBenchmark({ dataDir, label })); // the goal's rate, 1000/s
      // And at half of the sale rate just measured: the lag of a load the API sustains on this machine.
      add(await lagBenchmark({ dataDir, label, rate: Math.max(1, Math.round(http.saleRate / 2)) }));
      // The same with the projections in their own process (PROJECTOR=external + apps/projector), the
      // deployment that gives the request thread to requests: on this 2-core machine it shares the
      // second core with the load generator.
      const separate = `${label}, projections in their own process`;
      add((await httpBenchmark({ dataDir, label: separate, runs, externalProjector: true })).lines);
      add(await lagBenchmark({ dataDir, label: separate, externalProjector: true }));
    } finally {
      cleanup();
    }
  }
  return lines;
}
