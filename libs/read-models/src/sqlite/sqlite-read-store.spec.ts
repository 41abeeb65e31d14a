import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract } from '../testing/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-rm-'));
  dirs.push(dir);
  return join(dir, 'read-models.db');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

readStoreContract('SQLite (embedded default)', async () => new SqliteReadStore(tempFile()));

describe('SqliteReadStore specifics', () => {
  it('keeps documents, checkpoints, generations and leases across a reopen of the file', async () => {
    const file = tempFile();
    const first = new SqliteReadStore(file);
    await first.registerProjection('p', ['items']);
    await first.commit({
      projection: 'p',
      generation: 1,
      expectedCheckpoint: 0,
      checkpoint: 5,
      ops: [{ op: 'update', collection: 'items', filter: { _id: 'x' }, update: { $inc: { n: 2 } }, upsert: true }],
    });
    const building = await first.beginRebuild('p');
    await first.write([{ op: 'insert', collection: 'plain', doc: { _id: 'k', v: 1 } }]);
    await first.acquireLease('lease', 'A', 60_000);
    await first.close();

    const second = new SqliteReadStore(file);
    expect(await second.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', n: 2 });
    expect(await second.findOne('plain', { _id: 'k' })).toEqual({ _id: 'k', v: 1 });
    expect(await second.status('p')).toEqual({
      name: 'p',
      activeGeneration: 1,
      checkpoint: 5,
      building: { generation: building, checkpoint: 0 },
    });
    expect(await second.acquireLease('lease', 'B', 60_000)).toBe(false);
    await second.commit({ projection: 'p', generation: 1, expectedCheckpoint: 5, checkpoint: 6, ops: [] });
    await second.close();
  });

  it('reads follow a generation swap made by another connection to the same file', async () => {
    const file = tempFile();
    const reader = new SqliteReadStore(file);
    const rebuilder = new SqliteReadStore(file);
    await rebuilder.registerProjection('p', ['items']);
    await rebuilder.commit({
      projection: 'p',
      generation: 1,
      expectedCheckpoint: 0,
      checkpoint: 1,
      ops: [{ op: 'replace', collection: 'items', doc: { _id: 'x', v: 1 } }],
    });
    expect(await reader.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', v: 1 });

    const generation = await rebuilder.beginRebuild('p');
    await rebuilder.commit({
      projection: 'p',
      generation,
      expectedCheckpoint: 0,
      checkpoint: 1,
      ops: [{ op: 'replace', collection: 'items', doc: { _id: 'x', v: 2 } }],
      activate: true,
    });
    await rebuilder.dropGeneration('p', 1);
    expect(await reader.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', v: 2 });
    expect(await reader.count('items', {})).toBe(1);
    await Promise.all([reader.close(), rebuilder.close()]);
  });

  it('forgets a table created by a rolled-back commit and recreates it on the next one', async () => {
    const store = new SqliteReadStore(':memory:');
    await store.registerProjection('p', ['items']);
    const bad = { op: 'update' as const, collection: 'items', filter: { _id: 'x' }, update: { $bogus: { n: 1 } }, upsert: true };
    await expect(store.commit({ projection: 'p', generation: 1, expectedCheckpoint: 0, checkpoint: 1, ops: [bad] })).rejects.toThrow(
      'Unsupported update operator',
    );
    await store.commit({
      projection: 'p',
      generation: 1,
      expectedCheckpoint: 0,
      checkpoint: 1,
      ops: [{ ...bad, update: { $inc: { n: 1 } } }],
    });
    expect(await store.findOne('items', { _id: 'x' })).toEqual({ _id: 'x', n: 1 });
    await store.close();
  });

  it('rejects collection names that could escape their table', async () => {
    const store = new SqliteReadStore(':memory:');
    for (const bad of ['a"b', 'rm_x__g1', '_rm_projections', 'sqlite_master', '', 'a b']) {
      await expect(store.find(bad, {})).rejects.toThrow('Invalid read-model collection name');
    }
    await store.close();
  });
});
