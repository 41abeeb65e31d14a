import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-ckpt-'));
  dirs.push(dir);
  return join(dir, 'events.db');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file while the store keeps writing, and closes cleanly', async () => {
    const file = tempFile();
    const store = new SqliteEventStore(file, { backgroundCheckpoints: { everyMs: 5 } });
    // The connection itself only checkpoints past the backstop, far beyond what this test writes.
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    const initialSize = statSync(file).size;
    for (let i = 0; i < 2_000; i++) await store.appendToStream(`s-${i % 50}`, [newEvent('Filled', { i, pad: 'x'.repeat(200) })]);
    // Pages reach the database file only through a checkpoint, and only the worker checkpoints here.
    await until(() => statSync(file).size > initialSize + 200_000);
    for (let i = 0; i < 100; i++) await store.appendToStream('s-late', [newEvent('Late', { i })]);
    expect(await store.headPosition()).toBe(2_100);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // the store's connection closed last and checkpointed the rest
    const reopened = new SqliteEventStore(file);
    expect((await reopened.readAll({ after: 2_000 })).map((e) => e.type)).toEqual(Array(100).fill('Late'));
    await reopened.close();
  });

  it('keeps a process that has nothing else to do alive until the store is closed', () => {
    const file = tempFile();
    // The worker is unref'd so that it never holds a process open; a close awaiting it must hold it.
    const script = `
      const { SqliteEventStore } = require('./libs/event-store/src/sqlite/sqlite-event-store');
      const store = new SqliteEventStore(${JSON.stringify(file)}, { backgroundCheckpoints: {} });
      store.appendToStream('s', [{ id: 'e1', type: 'A', schemaVersion: 1, data: {}, metadata: {} }])
        .then(() => store.close())
        .then(() => process.stdout.write('closed'));
    `;
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: join(__dirname, '../../../..'), encoding: 'utf8' });
    expect(out).toBe('closed');
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reports a checkpointer that cannot work instead of failing silently', async () => {
    const errors: Error[] = [];
    const checkpointer = new WalCheckpointer(join(tmpdir(), 'cl-ckpt-missing', 'nothing.db'), { onError: (e) => errors.push(e) });
    await until(() => errors.length > 0);
    expect(String(errors[0].message)).toMatch(/unable to open|does not exist|directory/i);
    await checkpointer.stop();
  });
});
