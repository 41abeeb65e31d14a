/**
 * The rate limiter's counters, with @nestjs/throttler's in-memory semantics (a sliding log of hits per
 * key, a block of `blockDuration` once the limit is passed) at a constant cost per request. The
 * library's storage filters the whole log and spreads it into `Math.min` on every request: with a high
 * limit (an integration allowed thousands of requests a minute) each request allocated and scanned
 * tens of thousands of timestamps — measured at ~4% of a saturated API's CPU plus the garbage.
 *
 * Hits of one key are pushed in time order with one ttl (one throttler per key, see RateLimitGuard's
 * key), so their expiry times only grow: the expired ones are always at the front of the log.
 */
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Log {
  /** Expiry times of the live hits from `head` on (the slots before `head` are spent). */
  expiries: number[];
  head: number;
  /** Fixed window of the X-RateLimit-Reset header, as the library keeps it. */
  windowEndsAt: number;
  blockedUntil: number;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

export class SlidingLogStorage implements ThrottlerStorage {
  private readonly logs = new Map<string, Log>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  // The port is async; nothing here waits.
  // eslint-disable-next-line @typescript-eslint/require-await
  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    const log = this.logOf(`${throttlerName}\u0000${key}`, now, ttl);
    dropExpired(log, now);
    if (log.windowEndsAt <= now) log.windowEndsAt = now + ttl;
    const timeToExpire = seconds(log.windowEndsAt - now);
    if (blockDuration <= 0) return withoutBlock(log, now, ttl, limit, timeToExpire);
    const blocked = log.blockedUntil > now;
    if (log.blockedUntil !== 0 && !blocked) {
      // The block ran out: the library starts the count again from this request.
      log.blockedUntil = 0;
      log.expiries.length = 0;
      log.head = 0;
    }
    if (!blocked) log.expiries.push(now + ttl);
    const hits = log.expiries.length - log.head;
    if (!blocked && hits > limit) log.blockedUntil = now + blockDuration;
    const isBlocked = log.blockedUntil > now;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? seconds(log.blockedUntil - now) : 0 };
  }

  private logOf(id: string, now: number, ttl: number): Log {
    let log = this.logs.get(id);
    if (!log) {
      log = { expiries: [], head: 0, windowEndsAt: now + ttl, blockedUntil: 0 };
      this.logs.set(id, log);
    }
    return log;
  }

  /** Forgets callers idle for a whole ttl, at most once per ttl (memory stays bounded by active callers). */
  private sweep(now: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    for (const [id, log] of this.logs) {
      dropExpired(log, now);
      if (log.expiries.length === log.head && log.blockedUntil <= now && log.windowEndsAt <= now) this.logs.delete(id);
    }
  }
}

/** Without a block (blockDuration 0): a request over the limit is refused and not counted. */
function withoutBlock(log: Log, now: number, ttl: number, limit: number, timeToExpire: number): ThrottlerStorageRecord {
  const full = log.expiries.length - log.head >= limit;
  if (!full) log.expiries.push(now + ttl);
  const hits = log.expiries.length - log.head;
  const timeToBlockExpire = full ? seconds(log.expiries[log.head] - now) : 0;
  return { totalHits: hits + (full ? 1 : 0), timeToExpire, isBlocked: full, timeToBlockExpire };
}

/** Moves `head` past expired hits; compacts once the spent prefix is the larger half (amortised O(1)). */
function dropExpired(log: Log, now: number): void {
  const { expiries } = log;
  while (log.head < expiries.length && expiries[log.head] <= now) log.head += 1;
  if (log.head > 1024 && log.head * 2 > expiries.length) {
    expiries.splice(0, log.head);
    log.head = 0;
  }
}
