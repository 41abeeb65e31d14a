import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { eventStoreContract, newEvent } from '../testing/event-store.contract';
import { ChainedEventStore } from './chained-event-store';

eventStoreContract('hash-chained SQLite (what the app uses)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-chain-'));
  return { store: new ChainedEventStore(new SqliteEventStore(join(dir, 'events.db'))), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('ChainedEventStore', () => {
  it('links a first append to nothing without reading the stream, and still refuses it on an existing stream', async () => {
    const inner = new SqliteEventStore(':memory:');
    const store = new ChainedEventStore(inner);
    const reads = jest.spyOn(inner, 'readStream');
    const firstEvent = newEvent('Noted', { n: 1 });
    await store.appendToStream('s-1', [firstEvent], { expectedRevision: 'no_stream' });
    expect(reads).not.toHaveBeenCalled();
    await store.appendToStream('s-1', [newEvent('Noted', { n: 2 })], { expectedRevision: 0 });
    await expect(store.appendToStream('s-1', [newEvent('Noted', { n: 3 })], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: 1,
    });
    // The same first event appended with `any` (which reads the stream first) gets the same hashes.
    const other = new SqliteEventStore(':memory:');
    await new ChainedEventStore(other).appendToStream('s-1', [firstEvent], { expectedRevision: 'any' });
    const [[first, second], [read]] = await Promise.all([inner.readStream('s-1'), other.readStream('s-1')]);
    expect(first.metadata).toMatchObject({ prevHash: read.metadata.prevHash, hash: read.metadata.hash });
    expect(second.metadata.prevHash).toBe(first.metadata.hash);
    await Promise.all([inner.close(), other.close()]);
  });
});
