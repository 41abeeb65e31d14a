/**
 * The soak run: the real API (embedded stores, in-process projector) in this process, listening on
 * loopback, under a steady mixed load of commands and queries over HTTP; every sample interval it
 * records RSS, heap and projection lag, then fits a least-squares line to each series. "No growth
 * trend" means the fitted growth over the run stays within a tolerance — a leak shows up as a slope
 * that keeps the line climbing whatever the noise.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { ProjectorService } from '../../apps/api/src/infrastructure/projector.service';
import { issueToken } from '../../apps/api/src/shared/auth/token-verifier';

/**
 * A full GC before each sample (`node --expose-gc`, as `npm run soak` and the short run under Jest start
 * it): without it the heap series measures garbage, not retention.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the soak samples the heap after a full GC: run it with node --expose-gc');
  gc();
}

const SECRET = 'soak-secret-for-the-soak-run-only-0123456789';

export interface SoakOptions {
  seconds: number;
  sampleEverySeconds: number;
  /** Requests kept in flight. */
  concurrency: number;
  log?: (line: string) => void;
}

export interface Sample {
  t: number;
  rssMb: number;
  heapMb: number;
  /**
   * What V8 holds committed for its heap, and memory outside it (Buffers, ArrayBuffers): printed beside
   * RSS to tell an RSS swing of the committed heap, which V8 grows and gives back, from native growth.
   */
  heapCommittedMb?: number;
  externalMb?: number;
  lag: number;
  requests: number;
  errors: number;
}

export interface Trend {
  series: 'rssMb' | 'heapMb' | 'lag';
  slopePerMinute: number;
  /** Fitted change from the first to the last sample. */
  fittedGrowth: number;
  tolerance: number;
  growing: boolean;
}

export interface SoakResult {
  samples: Sample[];
  trends: Trend[];
  verdict: 'no growth trend' | 'growth trend';
  requests: number;
  errors: number;
}

/** Tolerances: memory may wander by 10 % of its mean or 24 MB, the lag by 200 events, before it counts as growth. */
const tolerance = (series: Trend['series'], mean: number) => (series === 'lag' ? 200 : Math.max(24, mean * 0.1));

export function fitTrend(samples: Sample[], series: Trend['series']): Trend {
  const xs = samples.map((s) => s.t);
  const ys = samples.map((s) => s[series]);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx;
  const fittedGrowth = slope * (xs[n - 1] - xs[0]);
  const tol = tolerance(series, my);
  return { series, slopePerMinute: slope * 60, fittedGrowth, tolerance: tol, growing: fittedGrowth > tol };
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'cl-soak-'));
  const app = await createApp({ ...process.env, DATA_DIR: dataDir, JWT_SECRET: SECRET, LOG_LEVEL: 'silent', PORT: '0', RATE_LIMIT_PER_MINUTE: '100000000' });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const projector = app.get(ProjectorService);
  const token = `Bearer ${await issueToken(SECRET, { party: 'company', sub: 'soak' }, '2h')}`;
  const counters = { requests: 0, errors: 0, next: 0 };
  const deadline = Date.now() + options.seconds * 1000;
  const started = Date.now();

  const call = async (method: string, path: string, body?: object) => {
    counters.requests++;
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: token, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      await res.arrayBuffer();
      if (res.status >= 400) counters.errors++;
    } catch {
      counters.errors++;
    }
  };
  /** One unit of the mix: a client registered and claimed, a page of the list, the health check. */
  const unit = async () => {
    const clientId = `soak-${counters.next++}`;
    await call('POST', '/clients', {
      clientId,
      legalName: `Soak ${clientId}`,
      taxId: `DE${String(counters.next).padStart(9, '0')}`,
      territory: 'DE-BE',
      segment: 'retail',
      annualVolume: { minor: 1_000_000, currency: 'EUR' },
    });
    await call('POST', `/clients/${clientId}/claims`);
    await call('GET', '/clients?limit=20');
    if (counters.next % 10 === 0) await call('GET', '/health');
  };
  const worker = async () => {
    while (Date.now() < deadline) await unit();
  };

  const samples: Sample[] = [];
  const sample = async () => {
    collectGarbage(); // measure what is retained, not what awaits collection
    const lag = Math.max(0, ...(await projector.lag()).map((l) => l.lag));
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const s = {
      t: (Date.now() - started) / 1000,
      rssMb: rss / 2 ** 20,
      heapMb: heapUsed / 2 ** 20,
      heapCommittedMb: heapTotal / 2 ** 20,
      externalMb: external / 2 ** 20,
      lag,
      requests: counters.requests,
      errors: counters.errors,
    };
    samples.push(s);
    log(
      `t=${s.t.toFixed(0)}s rss=${s.rssMb.toFixed(1)}MB heap=${s.heapMb.toFixed(1)}MB (committed ${s.heapCommittedMb.toFixed(1)}MB) ` +
        `external=${s.externalMb.toFixed(1)}MB lag=${lag} requests=${s.requests} errors=${s.errors}`,
    );
  };
  // Sampled in a loop of its own (not setInterval), so the last sample has finished before the app closes.
  const sampler = async () => {
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, Math.min(options.sampleEverySeconds * 1000, Math.max(0, deadline - Date.now()))));
      if (Date.now() < deadline) await sample();
    }
  };
  await Promise.all([sampler(), ...Array.from({ length: options.concurrency }, worker)]);
  await sample();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });

  // The first sample is the warm-up (JIT, caches, first tables): the trend is fitted from the second on.
  const fitted = samples.length > 3 ? samples.slice(1) : samples;
  const trends = (['rssMb', 'heapMb', 'lag'] as const).map((series) => fitTrend(fitted, series));
  return {
    samples,
    trends,
    verdict: trends.some((t) => t.growing) ? 'growth trend' : 'no growth trend',
    requests: counters.requests,
    errors: counters.errors,
  };
}
