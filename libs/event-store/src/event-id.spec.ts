import { randomUUID } from 'node:crypto';
import { newEventId, timeOfUuidV7, uuidV7 } from './event-id';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids (UUIDv7)', () => {
  it('are RFC 9562 version-7 UUIDs carrying the time they were made', () => {
    const before = Date.now();
    const id = newEventId();
    expect(id).toMatch(V7);
    expect(timeOfUuidV7(id)).toBeGreaterThanOrEqual(before);
    expect(timeOfUuidV7(id)).toBeLessThanOrEqual(Date.now());
  });

  it('set the version and variant bits whatever the random bytes, and keep the rest', () => {
    expect(uuidV7(0, new Uint8Array(10).fill(0xff))).toBe('00000000-0000-7fff-bfff-ffffffffffff');
    expect(uuidV7(2 ** 48 - 1, new Uint8Array(10))).toBe('ffffffff-ffff-7000-8000-000000000000');
    expect(uuidV7(0x0123456789ab, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBe('01234567-89ab-7102-8304-05060708090a');
    expect(() => uuidV7(-1)).toThrow(RangeError);
    expect(() => uuidV7(2 ** 48)).toThrow(RangeError);
    expect(() => uuidV7(1, new Uint8Array(9))).toThrow(RangeError);
  });

  it('sort by the time they were made (what keeps an index keyed by them growing at its end)', () => {
    const times = Array.from({ length: 2_000 }, (_, i) => 1_700_000_000_000 + i * 7);
    const ids = times.map((t) => uuidV7(t));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(timeOfUuidV7)).toEqual(times);
  });

  it('are unique, and shaped as the UUIDs stored before them (v4) so every reader of ids takes both', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newEventId));
    expect(ids.size).toBe(10_000);
    expect(randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(newEventId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
