/**
 * Event ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version, then 74 random bits.
 * Anything keyed by event id — the log's unique index on `id`, the client timeline's `_id` — then grows
 * at its end, as the log does. With random (v4) ids each new row rewrote a random page of an index that
 * no cache holds at a million rows: rebuilding the read models of the 1M-event benchmark log wrote
 * ~12 GB through the WAL, ~5 GB with time-ordered keys (docs/benchmarks.md).
 */
import { randomFillSync } from 'node:crypto';

/**
 * Random bytes drawn from the CSPRNG 4 KB at a time and handed out 10 per id, as Node's own
 * `randomUUID` buffers them: one draw per id was 1.4% of the API's CPU under sale load.
 */
const POOL_BYTES = 4_096;
let pool = new Uint8Array(0);
let taken = 0;

function randomBytes10(): Uint8Array {
  if (taken + 10 > pool.length) {
    pool = randomFillSync(new Uint8Array(POOL_BYTES));
    taken = 0;
  }
  taken += 10;
  return pool.subarray(taken - 10, taken);
}

/** A UUIDv7 for `unixMs`; `random` supplies the 10 random bytes (a seeded source in the benchmark's generator). */
export function uuidV7(unixMs: number, random: Uint8Array = randomBytes10()): string {
  if (!Number.isSafeInteger(unixMs) || unixMs < 0 || unixMs >= 2 ** 48) throw new RangeError(`uuidV7: ${unixMs} is not a 48-bit millisecond time`);
  if (random.length < 10) throw new RangeError('uuidV7: 10 random bytes are needed');
  const b = Buffer.alloc(16);
  for (let i = 5, t = unixMs; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256;
  b.set(random.subarray(0, 10), 6);
  b[6] = 0x70 | (b[6] & 0x0f); // version 7
  b[8] = 0x80 | (b[8] & 0x3f); // variant 10
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A fresh event id, ordered by the time it was made. */
export const newEventId = (): string => uuidV7(Date.now());

/** The millisecond time a UUIDv7 carries. */
export const timeOfUuidV7 = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
