import fc from 'fast-check';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { SlidingLogStorage } from './sliding-log-storage';

const TTL = 60_000;

/** One request of a generated run: who calls, after how long. */
const step = fc.record({ caller: fc.constantFrom('user:a', 'user:b', 'ip:c'), afterMs: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 70_000 })) });

describe('SlidingLogStorage', () => {
  let clock = 0;
  const now = () => clock;

  it('answers every request as @nestjs/throttler’s own storage does (generated runs, with and without a block)', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom(TTL, 0, 2 * TTL), async (steps, limit, blockDuration) => {
          clock = 1_000_000;
          jest.setSystemTime(clock);
          const library = new ThrottlerStorageService();
          const ours = new SlidingLogStorage(now);
          for (const { caller, afterMs } of steps) {
            clock += afterMs;
            jest.setSystemTime(clock);
            const expected = await library.increment(caller, TTL, limit, blockDuration, 'default');
            const actual = await ours.increment(caller, TTL, limit, blockDuration, 'default');
            // The library reports a meaningless negative block time when nothing is blocked; only a block's is read.
            if (!expected.isBlocked) expected.timeToBlockExpire = 0;
            expect(actual).toEqual(expected);
          }
          library.onApplicationShutdown();
        }),
        { numRuns: 300, seed: 20261127 },
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('costs the same per request however many hits are in the window, and forgets idle callers', async () => {
    clock = 0;
    const storage = new SlidingLogStorage(now);
    for (let i = 0; i < 200_000; i++) {
      clock += 1;
      await storage.increment('user:busy', TTL, 1_000_000_000, TTL, 'default');
    }
    clock += 1;
    const live = await storage.increment('user:busy', TTL, 1_000_000_000, TTL, 'default');
    expect(live.totalHits).toBe(TTL); // one hit per ms, the last minute's
    clock += 2 * TTL;
    await storage.increment('user:other', TTL, 10, TTL, 'default');
    expect((storage as unknown as { logs: Map<string, unknown> }).logs.size).toBe(1);
  });
});
