import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent, Subscription } from '@cl/event-store';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { eventStoreContract, newEvent } from '@cl/event-store/testing/event-store.contract';
import { followingSharedTail, SharedTail } from './shared-tail';

const tempDir = () => mkdtempSync(join(tmpdir(), 'cl-tail-'));

eventStoreContract('SQLite followed through the shared tail (what projections and reactors see)', async () => {
  const dir = tempDir();
  const inner = new SqliteEventStore(join(dir, 'events.db'));
  const tail = new SharedTail(inner, { windowSize: 20, pageSize: 7 });
  const store = followingSharedTail(inner, tail);
  return {
    store,
    cleanup: async () => {
      await tail.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

async function take(sub: Subscription, n: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of sub) {
    out.push(e);
    if (out.length === n) break;
  }
  return out;
}

describe('SharedTail', () => {
  let dir: string;
  let inner: SqliteEventStore;
  let tail: SharedTail;
  beforeEach(() => {
    dir = tempDir();
    inner = new SqliteEventStore(join(dir, 'events.db'));
    tail = new SharedTail(inner, { windowSize: 10, pageSize: 4 });
  });
  afterEach(async () => {
    await tail.stop();
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (n: number) => {
    for (let i = 0; i < n; i++) await inner.appendToStream(`s-${i % 3}`, [newEvent('Happened', { i })]);
  };

  it('delivers every event once, in order, to a follower behind the window, one in it and one at the tail', async () => {
    await append(5);
    const subs = [0, 3, 5].map((after) => tail.subscribe({ after }));
    const reading = subs.map((s, i) => take(s, 40 - [0, 3, 5][i]));
    await append(35); // more than the window holds: the first follower reads the store, then the window
    const seen = await Promise.all(reading);
    seen.forEach((events, i) =>
      expect(events.map((e) => e.position)).toEqual(Array.from({ length: events.length }, (_, k) => [0, 3, 5][i] + k + 1)),
    );
    await Promise.all(subs.map((s) => s.close()));
  });

  it('hands every follower the same frozen events, read from the store once', async () => {
    const subs = Array.from({ length: 10 }, () => tail.subscribe({ after: 0 }));
    const reading = subs.map((s) => take(s, 3));
    await new Promise((r) => setTimeout(r, 20)); // both followers wait at the tail
    const readAll = jest.spyOn(inner, 'readAll');
    await inner.appendToStream('s', [newEvent('A'), newEvent('B'), newEvent('C')]);
    const [a, b] = await Promise.all(reading);
    expect(a[0]).toBe(b[0]);
    expect(Object.isFrozen(a[0].data)).toBe(true);
    expect(readAll.mock.calls.length).toBeLessThanOrEqual(2); // the one tail reader's, not one per follower
    await Promise.all(subs.map((s) => s.close()));
  });

  it('tries to start again after a start that failed, instead of failing every follower from then on', async () => {
    const head = jest.spyOn(inner, 'headPosition').mockRejectedValueOnce(new Error('the store is unreachable'));
    await append(2);
    await expect(take(tail.subscribe({ after: 0 }), 1)).rejects.toThrow('the store is unreachable');
    await expect(take(tail.subscribe({ after: 0 }), 2)).resolves.toEqual([
      expect.objectContaining({ position: 1 }),
      expect.objectContaining({ position: 2 }),
    ]);
    expect(head).toHaveBeenCalledTimes(2);
  });

  it('ends a waiting follower when it is closed', async () => {
    const sub = tail.subscribe({ after: 0 });
    const reading = take(sub, 1);
    await new Promise((r) => setTimeout(r, 20));
    await sub.close();
    await expect(reading).resolves.toEqual([]);
  });
});
