import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore } from '@cl/event-store/audit/chained-event-store';
import { WrongExpectedRevisionError } from '@cl/event-store';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { eventStoreContract, newEvent } from '@cl/event-store/testing/event-store.contract';
import { GroupCommitEventStore } from './group-commit';

const tempDir = () => mkdtempSync(join(tmpdir(), 'cl-group-'));

eventStoreContract('group commit under the hash chain (what stores.ts composes)', async () => {
  const dir = tempDir();
  const store = new ChainedEventStore(new GroupCommitEventStore(new SqliteEventStore(join(dir, 'events.db'))));
  return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('GroupCommitEventStore', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let store: GroupCommitEventStore;
  beforeEach(() => {
    dir = tempDir();
    sqlite = new SqliteEventStore(join(dir, 'events.db'));
    store = new GroupCommitEventStore(sqlite);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Pages written to the WAL since the last call: each commit writes the pages it changed, so fewer commits write fewer. */
  const walFrames = () => {
    const [{ log }] = sqlite.database.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    sqlite.database.pragma('wal_checkpoint(TRUNCATE)');
    return log;
  };
  const appendTo = (streams: string[]) =>
    Promise.all(streams.map((s) => store.appendToStream(s, [newEvent('Happened')], { expectedRevision: 'no_stream' })));

  it('writes the appends of one turn in one transaction, each with its own result', async () => {
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
    const [first, second, third] = await Promise.allSettled([
      store.appendToStream('a', [newEvent('Happened')], { expectedRevision: 'no_stream' }),
      store.appendToStream('a', [newEvent('Happened')], { expectedRevision: 'no_stream' }),
      store.appendToStream('b', [newEvent('Happened')], { expectedRevision: 'no_stream' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && second.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(third.status).toBe('fulfilled');
    expect((await store.readAll()).map((e) => e.stream)).toEqual(['a', 'b']);
  });

  it('acknowledges nothing of a group whose COMMIT fails, and leaves nothing of it in the log', async () => {
    // A deferred foreign key is checked at COMMIT: an event on the stream "poison" makes the commit fail.
    sqlite.database.exec(`
      PRAGMA foreign_keys = ON;
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
});
