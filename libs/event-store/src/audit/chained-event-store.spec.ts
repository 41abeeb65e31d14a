import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { eventStoreContract } from '../testing/event-store.contract';
import { ChainedEventStore } from './chained-event-store';

eventStoreContract('hash-chained SQLite (what the app uses)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-chain-'));
  return { store: new ChainedEventStore(new SqliteEventStore(join(dir, 'events.db'))), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});
