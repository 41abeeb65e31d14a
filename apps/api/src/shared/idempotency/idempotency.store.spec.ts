import type { ConfigService } from '@nestjs/config';
import type { AppLogger } from '../logging/app-logger';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '@cl/read-models';
import { MongoReadStore, SqliteReadStore } from '@cl/read-models/adapters';
import type { AppConfig } from '../../config/config.schema';
import { IDEMPOTENCY_COLLECTION, IdempotencyStore, PURGE_EVERY_MS } from './idempotency.store';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const answer = { statusCode: 201, headers: { location: '/distributors/acme' }, body: { id: 'acme' } };

const config = (hours: number) => ({ get: () => hours }) as unknown as ConfigService<AppConfig, true>;
const logger = { setContext: jest.fn(), warn: jest.fn(), error: jest.fn() } as unknown as AppLogger;

interface Leg {
  name: string;
  open: () => Promise<{ store: ReadStore; dispose: () => Promise<void> }>;
}

const legs: Leg[] = [
  {
    name: 'embedded SQLite read store',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cl-idem-'));
      const store = new SqliteReadStore(join(dir, 'read-models.db'));
      return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
];
const mongoUrl = process.env.MONGODB_URL;
if (mongoUrl) {
  legs.push({
    name: 'MongoDB read store (from MONGODB_URL)',
    open: async () => {
      const store = await MongoReadStore.connect(mongoUrl, `cl_idempotency_${Date.now()}_${randomBytes(3).toString('hex')}`);
      return { store, dispose: async () => (await store.database.dropDatabase(), await store.close()) };
    },
  });
}

describe.each(legs)('idempotency records on the $name', ({ open }) => {
  let reads: ReadStore;
  let dispose: () => Promise<void>;
  let records: IdempotencyStore;
  beforeEach(async () => {
    ({ store: reads, dispose } = await open());
    records = new IdempotencyStore(reads, config(24), logger);
  });
  afterEach(() => dispose());

  /** Stores an answer as if it had been given at `at`. */
  async function answered(key: string, fingerprint: string, at: number): Promise<string> {
    const id = records.recordId('alice', key);
    expect(await records.begin(id, fingerprint, at)).toEqual({ kind: 'new', id });
    const realNow = Date.now;
    Date.now = () => at;
    try {
      await records.complete(id, fingerprint, answer);
    } finally {
      Date.now = realNow;
    }
    return id;
  }

  it('replays an answer within the retention', async () => {
    const id = await answered('k1', 'f1', T0);
    expect(await records.begin(id, 'f1', T0 + 23 * HOUR)).toEqual({ kind: 'replay', response: answer });
    await expect(records.begin(id, 'f2', T0 + 23 * HOUR)).rejects.toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('treats a record older than the retention as absent: the key starts afresh, whatever the body', async () => {
    const id = await answered('k1', 'f1', T0);
    const later = T0 + 24 * HOUR + 1;
    expect(await records.begin(id, 'f2', later)).toEqual({ kind: 'new', id });
    // The new attempt is a record of its own: a concurrent duplicate sees it in progress.
    await expect(records.begin(id, 'f2', later + 1)).rejects.toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });
  });

  it('lets exactly one of several concurrent retries of an expired key take it over', async () => {
    const id = await answered('k1', 'f1', T0);
    const later = T0 + 25 * HOUR;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => records.begin(id, 'f1', later)));
    expect(results.filter((r) => r.status === 'fulfilled')).toEqual([{ status: 'fulfilled', value: { kind: 'new', id } }]);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });
    }
  });

  it('purges records older than the retention, and only those', async () => {
    await answered('old', 'f', T0);
    await answered('edge', 'f', T0 + 1 * HOUR);
    await answered('recent', 'f', T0 + 20 * HOUR);
    await records.begin(records.recordId('alice', 'dead-attempt'), 'f', T0 + 2 * HOUR);
    await records.purge(T0 + 25 * HOUR);
    const left = await reads.find(IDEMPOTENCY_COLLECTION, {}, { sort: { startedAt: 1 } });
    expect(left.map((r) => r._id)).toEqual([
      records.recordId('alice', 'edge'),
      records.recordId('alice', 'dead-attempt'),
      records.recordId('alice', 'recent'),
    ]);
    await records.purge(T0 + 50 * HOUR);
    expect(await reads.count(IDEMPOTENCY_COLLECTION, {})).toBe(0);
  });

  it('takes the retention from IDEMPOTENCY_RETENTION_HOURS', async () => {
    records = new IdempotencyStore(reads, config(1), logger);
    const id = await answered('k1', 'f1', T0);
    expect(await records.begin(id, 'f1', T0 + HOUR - 1)).toEqual({ kind: 'replay', response: answer });
    expect(await records.begin(id, 'f1', T0 + HOUR + 1)).toEqual({ kind: 'new', id });
  });
});

describe('the periodic purge', () => {
  afterEach(() => jest.useRealTimers());

  it('runs every 10 minutes from module init, on an unref’d timer, until module destroy', async () => {
    jest.useFakeTimers({ now: T0 + 48 * HOUR });
    const write = jest.fn(async () => undefined);
    const records = new IdempotencyStore({ write } as unknown as ReadStore, config(24), logger);
    records.onModuleInit();
    expect(write).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(PURGE_EVERY_MS);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith([
      { op: 'delete', collection: IDEMPOTENCY_COLLECTION, filter: { startedAt: { $lt: T0 + 24 * HOUR + PURGE_EVERY_MS } }, multi: true },
    ]);
    await jest.advanceTimersByTimeAsync(PURGE_EVERY_MS);
    expect(write).toHaveBeenCalledTimes(2);
    records.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(3 * PURGE_EVERY_MS);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('does not keep the process alive, and a failed purge is logged and retried', async () => {
    jest.useFakeTimers({ now: T0 });
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    const write = jest.fn().mockRejectedValueOnce(new Error('store down')).mockResolvedValue(undefined);
    const warn = jest.fn();
    const records = new IdempotencyStore({ write } as unknown as ReadStore, config(24), {
      setContext: jest.fn(),
      warn,
    } as unknown as AppLogger);
    records.onModuleInit();
    const timer = setIntervalSpy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await jest.advanceTimersByTimeAsync(PURGE_EVERY_MS);
    expect(warn).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(PURGE_EVERY_MS);
    expect(write).toHaveBeenCalledTimes(2);
    records.onModuleDestroy();
    setIntervalSpy.mockRestore();
  });
});
