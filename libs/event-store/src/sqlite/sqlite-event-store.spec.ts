import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract, newEvent } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-es-'));
  return { file: join(dir, 'events.db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
};

eventStoreContract('SQLite (embedded default)', async () => {
  const { file, cleanup } = tempFile();
  return { store: new SqliteEventStore(file), cleanup };
});

eventStoreContract('SQLite with WAL checkpoints on a worker thread (as the API and projector run it)', async () => {
  const { file, cleanup } = tempFile();
  return { store: new SqliteEventStore(file, { backgroundCheckpoints: { everyMs: 1 } }), cleanup };
});

describe('SqliteEventStore specifics', () => {
  it('assigns gap-free positions even when appends are rejected', async () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('s-1', [newEvent('A')], { expectedRevision: 'no_stream' });
    await expect(store.appendToStream('s-1', [newEvent('B')], { expectedRevision: 'no_stream' })).rejects.toThrow();
    await store.appendToStream('s-2', [newEvent('C'), newEvent('D')]);
    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2, 3]);
    await store.close();
    await cleanup();
  });

  it('leaves no listener behind when a subscription closes', async () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteEventStore(file);
    for (let i = 0; i < 20; i++) await store.subscribeToAll().close();
    const emitter = (store as unknown as { appended: import('node:events').EventEmitter }).appended;
    expect(emitter.listenerCount('append') + emitter.listenerCount('close')).toBe(0);
    await store.close();
    await cleanup();
  });

  it('does not wake a filtered subscription for an append it cannot match (type or stream prefix)', async () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteEventStore(file, { pollIntervalMs: 60_000 }); // only signals wake it here
    const subscription = store.subscribeToAll({ filter: { eventTypes: ['A'], streamPrefixes: ['x-'] } });
    const first = subscription[Symbol.asyncIterator]().next();
    await new Promise((r) => setImmediate(r));
    const reads = jest.spyOn(store, 'readAll');
    await store.appendToStream('x-1', [newEvent('B')]);
    await store.appendToStream('y-1', [newEvent('A')]);
    await new Promise((r) => setImmediate(r));
    expect(reads).not.toHaveBeenCalled();
    await store.appendToStream('x-2', [newEvent('B'), newEvent('A')]);
    await expect(first).resolves.toEqual({ done: false, value: expect.objectContaining({ stream: 'x-2', type: 'A', position: 4 }) });
    expect(reads).toHaveBeenCalledTimes(1);
    await subscription.close();
    await store.close();
    await cleanup();
  });

  it('keeps events across a reopen of the file', async () => {
    const { file, cleanup } = tempFile();
    const first = new SqliteEventStore(file);
    await first.appendToStream('s-1', [newEvent('A', { x: 1 })]);
    await first.close();
    const second = new SqliteEventStore(file);
    expect((await second.readStream('s-1'))[0].data).toEqual({ x: 1 });
    await second.close();
    await cleanup();
  });

  it('delivers to a live subscription events appended by another connection to the same file', async () => {
    const { file, cleanup } = tempFile();
    const reader = new SqliteEventStore(file, { pollIntervalMs: 10 });
    const writer = new SqliteEventStore(file);
    const sub = reader.subscribeToAll();
    await writer.appendToStream('s-1', [newEvent('A')]);
    const { value } = await sub[Symbol.asyncIterator]().next();
    expect(value.type).toBe('A');
    await sub.close();
    await reader.close();
    await writer.close();
    await cleanup();
  });

  it('with watchOtherWriters, wakes a waiting subscription at another connection\'s append, not at the next poll', async () => {
    const { file, cleanup } = tempFile();
    const writer = new SqliteEventStore(file);
    await writer.appendToStream('s-0', [newEvent('before')]); // the WAL exists; the watch must see writes to it
    const reader = new SqliteEventStore(file, { pollIntervalMs: 600_000, watchOtherWriters: true });
    const sub = reader.subscribeToAll({ after: 1 });
    const next = sub[Symbol.asyncIterator]().next();
    await new Promise((r) => setTimeout(r, 50)); // the subscription has read nothing and waits
    await writer.appendToStream('s-1', [newEvent('A')]);
    expect((await next).value.type).toBe('A'); // a ten-minute poll would time this test out
    await sub.close();
    await reader.close();
    await writer.close();
    await cleanup();
  });

  it('returns to a read past the end what another connection appended since (PRAGMA data_version)', async () => {
    const { file, cleanup } = tempFile();
    const reader = new SqliteEventStore(file);
    const writer = new SqliteEventStore(file);
    await reader.appendToStream('s-1', [newEvent('A')]);
    expect(await reader.readStream('s-1', { fromRevision: 1 })).toEqual([]);
    expect(await reader.readStream('s-2')).toEqual([]);
    await writer.appendToStream('s-1', [newEvent('B')]);
    await writer.appendToStream('s-2', [newEvent('C')]);
    expect((await reader.readStream('s-1', { fromRevision: 1 })).map((e) => e.type)).toEqual(['B']);
    expect((await reader.readStream('s-2')).map((e) => e.type)).toEqual(['C']);
    await reader.close();
    await writer.close();
    await cleanup();
  });

  it('answers a read past the end without a query while no other connection commits', async () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('s-1', [newEvent('A')]);
    await store.readStream('s-1');
    const query = jest.spyOn(store as unknown as { select: (...a: unknown[]) => unknown[] }, 'select');
    expect(await store.readStream('s-1', { fromRevision: 1 })).toEqual([]);
    expect(query).not.toHaveBeenCalled();
    expect(await store.readStream('s-1', { fromRevision: 0 })).toHaveLength(1);
    expect(query).toHaveBeenCalledTimes(1);
    await store.close();
    await cleanup();
  });

  it('learns no stream end from a read from a fractional revision', async () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('s-1', [newEvent('A'), newEvent('B'), newEvent('C')]);
    expect(await store.readStream('s-1', { fromRevision: 2.5 })).toEqual([]);
    expect((await store.readStream('s-1', { fromRevision: 2 })).map((e) => e.type)).toEqual(['C']);
    await store.close();
    await cleanup();
  });

  it('reads with any count: none, zero, negative (no limit), and more distinct counts than it keeps statements for', async () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteEventStore(file);
    await store.appendToStream('s-1', ['A', 'B', 'C'].map((t) => newEvent(t)));
    const types = async (options: Parameters<SqliteEventStore['readStream']>[1]) => (await store.readStream('s-1', options)).map((e) => e.type);
    expect(await types({})).toEqual(['A', 'B', 'C']);
    expect(await types({ maxCount: 0 })).toEqual([]);
    expect(await types({ maxCount: -1 })).toEqual(['A', 'B', 'C']);
    expect(await types({ maxCount: 2 })).toEqual(['A', 'B']);
    expect(await types({ direction: 'backwards', maxCount: 2 })).toEqual(['C', 'B']);
    expect(await types({ direction: 'backwards', fromRevision: 1 })).toEqual(['B', 'A']);
    for (let n = 1; n <= 300; n++) expect(await store.readAll({ maxCount: n })).toHaveLength(Math.min(n, 3));
    expect(await types({ fromRevision: 1, maxCount: 1 })).toEqual(['B']);
    await store.close();
    await cleanup();
  });
});
