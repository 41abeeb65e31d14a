/**
 * The data-set benchmarks of `npm run bench`: for each size in BENCH_SIZES (default 100,000 and
 * 1,000,000 events), the generated data set (bench/dataset.ts, cached under bench/.data), a rebuild of
 * every read model (bench/rebuild.ts) and the query latencies (bench/queries.ts); then how each figure
 * grows from the smallest size to the largest.
 */
import { defaultDatasetDir, DEFAULT_DATASET, generateDataset, type DatasetInfo } from './dataset';
import { queryTimings, type QueryTiming } from './queries';
import { liveDuringRebuild } from './live-during-rebuild';
import { rebuildBenchmark, type RebuildRun } from './rebuild';
import { median } from './stats';

export const benchSizes = (env = process.env.BENCH_SIZES): number[] =>
  (env ?? '100000,1000000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);

/** The data set of one size, generated on first use and reused afterwards. */
export async function datasetOf(events: number): Promise<DatasetInfo> {
  const params = { ...DEFAULT_DATASET, events };
  return generateDataset({ ...params, dataDir: defaultDatasetDir(params) });
}

interface SizeResult {
  events: number;
  rebuild: RebuildRun[];
  queries: QueryTiming[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

export async function scaleBenchmarks(
  sizes = benchSizes(),
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<void> {
  const results: SizeResult[] = [];
  for (const events of sizes) {
    const started = Date.now();
    const info = await datasetOf(events);
    write(
      `data set ${int(info.events)} events (${info.params.distributors} distributors, ${int(info.params.clients)} clients, seed ${info.params.seed}) ` +
        `in ${info.dataDir}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (generated in ${info.generationSeconds.toFixed(0)} s)`,
    );
    const runs = Number(process.env.BENCH_REBUILD_RUNS ?? (events > 200_000 ? 1 : 3));
    const rebuild = rebuildBenchmark(info.dataDir, runs);
    rebuild.lines.forEach(write);
    const queries = await queryTimings(info, Number(process.env.BENCH_QUERY_CALLS ?? 500));
    for (const t of queries)
      write(
        `query at ${int(info.events)} events, ${t.name}: p50 ${t.p50Ms.toFixed(2)} ms, p99 ${t.p99Ms.toFixed(2)} ms (${t.calls} calls)`,
      );
    const live = await liveDuringRebuild(info.dataDir, Number(process.env.BENCH_LIVE_SECONDS ?? 20));
    live.forEach((l) => write(`at ${int(info.events)} events, ${l}`));
    results.push({ events: info.events, rebuild: rebuild.runs, queries });
  }
  if (results.length > 1) growth(results[0], results[results.length - 1]).forEach(write);
}

/** Each figure at the largest size over the same at the smallest: 1.0 means flat. */
function growth(small: SizeResult, large: SizeResult): string[] {
  const m = (r: SizeResult, f: (x: RebuildRun) => number) => median(r.rebuild.map(f));
  const label = `${int(small.events)} → ${int(large.events)} events (×${(large.events / small.events).toFixed(0)})`;
  const lines = [
    `growth ${label}: rebuild rate ×${(m(large, (r) => r.rebuildPerSecond) / m(small, (r) => r.rebuildPerSecond)).toFixed(2)}, ` +
      `peak RSS ×${(Math.max(...large.rebuild.map((r) => r.maxRssMb)) / Math.max(...small.rebuild.map((r) => r.maxRssMb))).toFixed(2)}`,
  ];
  for (const q of large.queries) {
    const before = small.queries.find((s) => s.name === q.name);
    if (before)
      lines.push(`growth ${label}, ${q.name}: p50 ×${(q.p50Ms / before.p50Ms).toFixed(2)}, p99 ×${(q.p99Ms / before.p99Ms).toFixed(2)}`);
  }
  return lines;
}
