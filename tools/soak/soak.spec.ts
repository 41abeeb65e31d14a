/**
 * The soak's code, shortened: 36 s of the same mixed load, sampled every 4 s. Asserts no runaway
 * growth with tolerant bounds (never a speed): every request answered without error, memory not
 * climbing past the trend tolerance, the projections keeping up. The 10-minute figures come from
 * `npm run soak` (docs/reliability.md).
 */
import { fitTrend, runSoak, type Sample } from './soak-run';

describe('soak (short run)', () => {
  it('shows no runaway growth of memory or projection lag under 36 s of mixed load', async () => {
    const result = await runSoak({ seconds: 36, sampleEverySeconds: 4, concurrency: 4, log: (l) => console.log(`soak: ${l}`) });
    console.log(`soak: trends ${JSON.stringify(result.trends)}; ${result.requests} requests → ${result.verdict}`);
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
