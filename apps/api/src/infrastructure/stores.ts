/**
 * Chooses the adapters from configuration: the embedded SQLite files under DATA_DIR by default,
 * EventStoreDB and MongoDB when their URLs are set. Nothing else in the app knows which is in use.
 */
import { join } from 'node:path';
import type { EventStore } from '@cl/event-store';
import { fromSqliteError } from '@cl/event-store/sqlite/data-files';
import { SqliteEventStore, type SqliteEventStoreOptions } from '@cl/event-store/sqlite/sqlite-event-store';
import { ChainedEventStore } from '@cl/event-store/audit/chained-event-store';
import { EsdbEventStore } from '@cl/event-store/esdb/esdb-event-store';
import type { WalCheckpointerOptions } from '@cl/event-store/sqlite/wal-checkpointer';
import type { ReadStore } from '@cl/read-models';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { MongoReadStore } from '@cl/read-models/mongo/mongo-read-store';
import type { AppConfig } from '../config/config.schema';

export type StoreConfig = Pick<AppConfig, 'DATA_DIR' | 'EVENTSTORE_CONNECTION_STRING' | 'MONGODB_URL' | 'MONGODB_DATABASE'> &
  Partial<Pick<AppConfig, 'SQLITE_SYNCHRONOUS'>>;

/**
 * For the long-running processes (API, projector): SQLite's WAL checkpoints run on a worker thread
 * instead of inside a commit on the thread that answers requests (see wal-checkpointer.ts).
 */
export interface ServiceOptions {
  backgroundCheckpoints?: WalCheckpointerOptions;
}

export function describeStores(config: Pick<StoreConfig, 'EVENTSTORE_CONNECTION_STRING' | 'MONGODB_URL'>): {
  eventStore: string;
  readStore: string;
} {
  return {
    eventStore: config.EVENTSTORE_CONNECTION_STRING ? 'eventstoredb' : 'sqlite',
    readStore: config.MONGODB_URL ? 'mongodb' : 'sqlite',
  };
}

/**
 * Whichever adapter, every append is hash-chained (tamper evidence, see docs/audit.md). On SQLite,
 * appends are written by a thread of their own (started at the first append), and concurrent ones
 * share one commit (one fsync): see append-thread.ts.
 */
export async function createEventStore(
  config: StoreConfig,
  options: ServiceOptions & Pick<SqliteEventStoreOptions, 'watchOtherWriters'> = {},
): Promise<EventStore> {
  const adapter = config.EVENTSTORE_CONNECTION_STRING
    ? await EsdbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING)
    : new SqliteEventStore(join(config.DATA_DIR, 'events.db'), { synchronous: config.SQLITE_SYNCHRONOUS, appendThread: true, ...options });
  return new ChainedEventStore(adapter);
}

export async function createReadStore(config: StoreConfig, options: ServiceOptions = {}): Promise<ReadStore> {
  if (config.MONGODB_URL) return MongoReadStore.connect(config.MONGODB_URL, config.MONGODB_DATABASE);
  const file = join(config.DATA_DIR, 'read-models.db');
  try {
    return new SqliteReadStore(file, options);
  } catch (error) {
    throw fromSqliteError(file, error); // names the file; main.ts exits with the data-file code
  }
}
