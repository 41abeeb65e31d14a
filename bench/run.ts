/** `npm run bench`: prints each benchmark's medians and ratios, measured side by side in one run. */
import { appendBenchmark } from './append';
import { apiBenchmarks } from './api-benchmarks';
import { scaleBenchmarks } from './scale';

async function main(): Promise<void> {
  const started = new Date().toISOString();
  process.stdout.write(`channel-ledger benchmarks, ${started}, node ${process.version}\n`);
  for (const line of await appendBenchmark(Number(process.env.BENCH_RUNS ?? 5))) process.stdout.write(`${line}\n`);
  await scaleBenchmarks(); // data sets per BENCH_SIZES: rebuild, queries, growth
  await apiBenchmarks((line) => process.stdout.write(`${line}\n`)); // HTTP and lag, per BENCH_SIZES
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
