/**
 * The soak, shortened: 36 s of the same mixed load, sampled every 4 s. Asserts no runaway growth with
 * tolerant bounds (never a speed): every request answered without error, memory not climbing past the
 * trend tolerance, the projections keeping up. The 10-minute figures come from `npm run soak`
 * (docs/reliability.md).
 *
 * It runs `npm run soak`'s own program in a fresh process: measured inside a Jest worker, RSS and heap
 * were the worker's, which carries whatever the suites before it left (a clean-clone CI run sampled
 * 2.6 GB RSS and 1.1 GB heap at the first sample, falling from there).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fitTrend, type Sample, type SoakResult } from './soak-run';

function shortSoak(): SoakResult {
  const run = spawnSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', 'tools/soak/soak.ts'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, SOAK_SECONDS: '36', SOAK_SAMPLE_SECONDS: '4', SOAK_CONCURRENCY: '4', SOAK_JSON: '1' },
    encoding: 'utf8',
    timeout: 85_000,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('soak-result '));
  if (!line) throw new Error(`the soak printed no result (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  console.log(run.stdout.split('\n').filter((l) => !l.startsWith('soak-result ')).join('\n'));
  return JSON.parse(line.slice('soak-result '.length)) as SoakResult;
}

describe('soak (short run)', () => {
  it('shows no runaway growth of memory or projection lag under 36 s of mixed load', () => {
    const result = shortSoak();
    expect(result.errors).toBe(0);
    expect(result.samples.length).toBeGreaterThanOrEqual(8);
    // Tolerant: a leak big enough to matter in production climbs far faster than this on a short run.
    const heap = result.trends.find((t) => t.series === 'heapMb')!;
    expect(heap.fittedGrowth).toBeLessThan(128);
    expect(Math.max(...result.samples.map((s) => s.rssMb))).toBeLessThan(1024);
    expect(result.samples.at(-1)!.lag).toBeLessThan(1000);
  }, 90_000);

  it('fits the trend of a series by least squares', () => {
    const at = (t: number, heapMb: number): Sample => ({ t, heapMb, rssMb: 100, lag: 0, requests: 0, errors: 0 });
    const climbing = fitTrend([at(0, 50), at(10, 60), at(20, 70), at(30, 80)], 'heapMb');
    expect(climbing.slopePerMinute).toBeCloseTo(60);
    expect(climbing.fittedGrowth).toBeCloseTo(30);
    expect(climbing.growing).toBe(true);
    const flat = fitTrend([at(0, 80), at(10, 60), at(20, 80), at(30, 60)], 'heapMb');
    expect(flat.growing).toBe(false);
  });
});
