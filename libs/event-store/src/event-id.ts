/**
 * Event ids are UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version, then 74 random bits.
 * Anything keyed by event id — the log's unique index on `id`, the client timeline's `_id` — then grows
 * at its end, as the log does. With random (v4) ids each new row rewrote a random page of an index that
 * no cache holds at a million rows: rebuilding the read models of the 1M-event benchmark log wrote
 * ~12 GB through the WAL, ~5 GB with time-ordered keys (docs/benchmarks.md).
 */
import { randomFillSync } from 'node:crypto';

const hex = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('hex');

/** A UUIDv7 for `unixMs`; `random` supplies the 10 random bytes (a seeded source in the benchmark's generator). */
export function uuidV7(unixMs: number, random: Uint8Array = randomFillSync(new Uint8Array(10))): string {
  if (!Number.isSafeInteger(unixMs) || unixMs < 0 || unixMs >= 2 ** 48) throw new RangeError(`uuidV7: ${unixMs} is not a 48-bit millisecond time`);
  if (random.length < 10) throw new RangeError('uuidV7: 10 random bytes are needed');
  const b = new Uint8Array(16);
  for (let i = 5, t = unixMs; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256;
  b.set(random.subarray(0, 10), 6);
  b[6] = 0x70 | (b[6] & 0x0f); // version 7
  b[8] = 0x80 | (b[8] & 0x3f); // variant 10
  return `${hex(b, 0, 4)}-${hex(b, 4, 6)}-${hex(b, 6, 8)}-${hex(b, 8, 10)}-${hex(b, 10, 16)}`;
}

/** A fresh event id, ordered by the time it was made. */
export const newEventId = (): string => uuidV7(Date.now());

/** The millisecond time a UUIDv7 carries. */
export const timeOfUuidV7 = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
