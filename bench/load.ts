/** autocannon, run from the benchmark process, reduced to what the reports need. */
import autocannon from 'autocannon';
import { median } from './stats';

export interface LoadResult {
  /** Answered requests per second. */
  rate: number;
  /** Latency in ms (autocannon corrects for coordinated omission when a rate is set). */
  p50: number;
  p99: number;
  /** The slowest answer (measured by `paced` only). */
  max?: number;
  answered: number;
}

/**
 * One autocannon run; anything but a 2xx means the benchmark itself is wrong (a refused or duplicate
 * command would measure the wrong path), so it stops the benchmark.
 */
export async function load(options: autocannon.Options): Promise<LoadResult> {
  const started = performance.now();
  let lastAnswer = started;
  const run = autocannon({ connections: 10, timeout: 30, ...options });
  run.on('response', () => (lastAnswer = performance.now()));
  const result = await run;
  // autocannon ends an `amount` run only at its next one-second tick, so its duration is rounded up to
  // whole seconds (1,500 claims read as 500/s for anything from 2.0 to 3.0 s): time to the last answer.
  const seconds = options.amount ? (lastAnswer - started) / 1000 : result.duration;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${options.requests?.[0]?.path ?? options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors (${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return {
    rate: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answered: result.requests.total,
  };
}

/** The medians of several runs of one case. */
export function medianOf(results: LoadResult[]): LoadResult {
  return {
    rate: median(results.map((r) => r.rate)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    answered: results.reduce((n, r) => n + r.answered, 0),
  };
}

export const describe = (r: LoadResult) => `${Math.round(r.rate)} req/s (p50 ${r.p50} ms, p99 ${r.p99} ms)`;

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Latencies kept per 5-second window of a paced run (`paced`'s `onAnswer`), to see when a tail happened. */
export function byFiveSeconds(seconds: number): { record: (dueMs: number, latencyMs: number) => void; p99s: () => string } {
  const windows: number[][] = Array.from({ length: Math.max(1, Math.ceil(seconds / 5)) }, () => []);
  return {
    record: (due, latency) => windows[Math.min(Math.floor(due / 5000), windows.length - 1)].push(latency),
    p99s: () => windows.map((w) => (w.length ? percentile(w, 99).toFixed(0) : '-')).join(' / '),
  };
}

/**
 * An open-loop load at `rate` requests per second, evenly spaced (a timer set for when the next one is
 * due sends whatever is due then), whatever the answers take. autocannon's overallRate paces each connection on its
 * own timer, and those timers fire together: `connections` requests arrive as one burst, which
 * measures the burst, not the rate. Latency counts from when a request was due, so a stalled server
 * cannot hide its backlog (no coordinated omission).
 */
export async function paced(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<void>,
  /** Called with each answer: when it was due (ms from the start) and how long it took from then. */
  onAnswer?: (dueMs: number, latencyMs: number) => void,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const total = Math.round(rate * seconds);
  const dueAt = (n: number) => start + (n * 1000) / rate;
  let failure: unknown;
  for (let i = 0; i < total && failure === undefined;) {
    const now = performance.now();
    for (; i < total && dueAt(i) <= now; i++) {
      const due = dueAt(i);
      const request: Promise<void> = send(i).then(
        () => {
          const latency = performance.now() - due;
          latencies.push(latency);
          onAnswer?.(due - start, latency);
        },
        (error: unknown) => void (failure ??= error),
      );
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    // Woken when the next one is due, not every millisecond: at 400/s a 1 ms tick was ~60% idle wake-ups,
    // CPU taken from the cores the server under test runs on. Rounded up: a timer never fires early.
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(1, Math.ceil(dueAt(i) - performance.now()))));
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  const elapsed = (performance.now() - start) / 1000;
  return {
    rate: latencies.length / elapsed,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(Math.max(...latencies)),
    answered: latencies.length,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
