import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { ChainedEventStore } from '../audit/chained-event-store';
import { WrongExpectedRevisionError } from '../errors';
import { eventStoreContract, newEvent } from '../testing/event-store.contract';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'cl-append-thread-'));
const threaded = (dir: string, options: SqliteEventStoreOptions = {}) =>
  new SqliteEventStore(join(dir, 'events.db'), { appendThread: true, ...options });

eventStoreContract('SQLite with appends on a writer thread', async () => {
  const dir = tempDir();
  return { store: threaded(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

eventStoreContract('SQLite with appends on a writer thread, under the hash chain (what stores.ts composes)', async () => {
  const dir = tempDir();
  const store = new ChainedEventStore(threaded(dir, { backgroundCheckpoints: { everyMs: 1 } }));
  return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('SqliteEventStore with appends on a writer thread', () => {
  let dir: string;
  let store: SqliteEventStore;
  const open = (options: SqliteEventStoreOptions = {}) => (store = threaded(dir, options));
  beforeEach(() => (dir = tempDir()));
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Pages written to the WAL since the last call: each commit writes the pages it changed, so fewer commits write fewer. */
  const walFrames = () => {
    const [{ log }] = store.database.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    return log;
  };
  const appendTo = (streams: string[]) =>
    Promise.all(streams.map((s) => store.appendToStream(s, [newEvent('Happened')], { expectedRevision: 'no_stream' })));
  const worker = () => (store as unknown as { thread: { worker: Worker } }).thread.worker;

  it('starts its thread at the first append: a process that only reads has none', async () => {
    open();
    await store.readAll();
    await store.readStream('s-1');
    expect((store as unknown as { thread?: unknown }).thread).toBeUndefined();
    await store.appendToStream('s-1', [newEvent('A')]);
    expect(worker().threadId).toBeGreaterThan(0);
  });

  it('writes the appends of one turn in one transaction, each with its own result', async () => {
    open();
    walFrames();
    const results = await appendTo(['a', 'b', 'c']);
    const grouped = walFrames();
    for (const s of ['d', 'e', 'f']) await appendTo([s]);
    const oneByOne = walFrames();
    expect(results.map((r) => [r.position, r.nextExpectedRevision])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    expect((await store.readAll()).map((e) => e.stream)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(grouped).toBeLessThan(oneByOne);
  });

  it('refuses only the append whose expected revision is wrong; the rest of its group is committed', async () => {
    open();
    const [first, second, third] = await Promise.allSettled([
      store.appendToStream('a', [newEvent('Happened')], { expectedRevision: 'no_stream' }),
      store.appendToStream('a', [newEvent('Happened')], { expectedRevision: 'no_stream' }),
      store.appendToStream('b', [newEvent('Happened')], { expectedRevision: 'no_stream' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && second.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(second.status === 'rejected' && second.reason).toMatchObject({ stream: 'a', expected: 'no_stream', actual: 0 });
    expect(third.status).toBe('fulfilled');
    expect((await store.readAll()).map((e) => e.stream)).toEqual(['a', 'b']);
  });

  it("refuses an append SQLite refuses (a duplicate event id) with SQLite's code, and commits the rest of its group", async () => {
    open();
    const event = newEvent('Happened');
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [event]),
      store.appendToStream('b', [event]),
      store.appendToStream('c', [newEvent('Happened')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1].status === 'rejected' && outcomes[1].reason).toMatchObject({
      name: 'AppendThreadError',
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect((await store.readAll()).map((e) => e.stream)).toEqual(['a', 'c']);
  });

  it('acknowledges nothing of a group whose COMMIT fails, and leaves nothing of it in the log', async () => {
    // A deferred foreign key is checked at COMMIT: an event on the stream "poison" makes the commit fail.
    // foreign_keys is a setting of the connection, so the writer's own connection gets it.
    open({ appendThreadSetupSql: 'PRAGMA foreign_keys = ON' });
    store.database.exec(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (pid INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison AFTER INSERT ON events WHEN NEW.stream = 'poison' BEGIN INSERT INTO child VALUES (42); END;
    `);
    const outcomes = await Promise.allSettled([
      store.appendToStream('fine', [newEvent('Happened')]),
      store.appendToStream('poison', [newEvent('Happened')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await store.readAll()).toEqual([]);
    expect(await store.readStream('fine')).toEqual([]);
    await expect(store.appendToStream('fine', [newEvent('Happened')])).resolves.toMatchObject({ nextExpectedRevision: 0 });
    expect((await store.readStream('fine')).map((e) => e.revision)).toEqual([0]);
    expect(await store.readStream('fine', { fromRevision: 1 })).toEqual([]);
  });

  it('answers a read past the end from what it knows, and sees what another connection appended since', async () => {
    open();
    const other = new SqliteEventStore(join(dir, 'events.db'));
    await store.appendToStream('s-1', [newEvent('A')]);
    await store.readStream('s-1');
    const query = jest.spyOn(store as unknown as { select: (...a: unknown[]) => unknown[] }, 'select');
    expect(await store.readStream('s-1', { fromRevision: 1 })).toEqual([]);
    expect(query).not.toHaveBeenCalled(); // its own append (another connection's commit to SQLite) did not forget the bound
    await other.appendToStream('s-1', [newEvent('B')]);
    expect((await store.readStream('s-1', { fromRevision: 1 })).map((e) => e.type)).toEqual(['B']);
    await other.close();
  });

  it('answers the appends in flight before it closes', async () => {
    open();
    const appended = store.appendToStream('s-1', [newEvent('A')]);
    await store.close();
    await expect(appended).resolves.toMatchObject({ position: 1 });
    await expect(store.appendToStream('s-1', [newEvent('B')])).rejects.toThrow('closed');
    open();
    expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A']);
  });

  it('refuses what it had not answered when the writer thread dies, and writes the next append from a new one', async () => {
    open();
    await store.appendToStream('s-1', [newEvent('A')]);
    const dead = worker();
    const lost = store.appendToStream('s-2', [newEvent('B')]); // posted at the next turn, to a dead worker
    await dead.terminate();
    await expect(lost).rejects.toThrow('the append thread stopped');
    await expect(store.appendToStream('s-3', [newEvent('C')])).resolves.toMatchObject({ position: 2 });
    expect(worker()).not.toBe(dead);
    expect((await store.readAll()).map((e) => e.stream)).toEqual(['s-1', 's-3']);
  });

  it('refuses appends with a clear error when the writer cannot open the log', async () => {
    open({ appendThreadSetupSql: 'THIS IS NOT SQL' });
    await expect(store.appendToStream('s-1', [newEvent('A')])).rejects.toThrow(/could not open the log: .*syntax error/);
    expect(await store.readAll()).toEqual([]);
  });
});

describe('the append thread and the life of its process', () => {
  it('does not keep a process alive that has nothing else to do', () => {
    const dir = tempDir();
    // Appends, then leaves the store open: the process must still end on its own.
    const script = `
      const { SqliteEventStore } = require(${JSON.stringify(require.resolve('./sqlite-event-store'))});
      const store = new SqliteEventStore(${JSON.stringify(join(dir, 'events.db'))}, { appendThread: true });
      store.appendToStream('s', [{ id: 'e-1', type: 'A', schemaVersion: 1, data: {}, metadata: {} }]).then((r) => console.log(r.position));
    `;
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe('1');
    rmSync(dir, { recursive: true, force: true });
  });
});
