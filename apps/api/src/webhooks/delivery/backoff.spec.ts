import { retryDelayMs } from './backoff';

describe('retry delay (exponential backoff, full jitter)', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it('draws up to base × 2^(n−1), capped at the maximum', () => {
    const ceiling = (n: number) => retryDelayMs(n, options, () => 0.999999) + 1;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30, 1000].map(ceiling)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('is spread over the whole range, down to zero', () => {
    expect(retryDelayMs(3, options, () => 0)).toBe(0);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(2000);
    const draws = Array.from({ length: 500 }, () => retryDelayMs(4, options));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(8000);
    expect(new Set(draws.map((d) => Math.floor(d / 1000))).size).toBe(8);
  });
});
