/**
 * Event store append through the SQLite adapter vs raw better-sqlite3 inserts of the same rows,
 * in single-event transactions and in batches of 100. Both use the same schema and pragmas, in
 * fresh files; runs alternate so drift affects both sides alike.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../libs/event-store/src/port';
import { EVENT_LOG_SCHEMA } from '../libs/event-store/src/sqlite/schema';
import { SqliteEventStore } from '../libs/event-store/src/sqlite/sqlite-event-store';
import { median } from './stats';

const STREAMS = 1000;

function makeEvents(n: number): Array<{ stream: string; event: NewEvent }> {
  return Array.from({ length: n }, (_, i) => ({
    stream: `client-${i % STREAMS}`,
    event: {
      id: randomUUID(),
      type: 'SaleRecorded',
      schemaVersion: 1,
      data: { saleId: `s-${i}`, clientId: `c-${i % STREAMS}`, lines: [{ sku: 'SKU-1', quantity: 3, unitPrice: '12.50' }], currency: 'EUR' },
      metadata: {
        actor: { party: 'distributor', userId: 'u-1', distributorId: 'd-1' },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        recordedAt: '2026-05-01T10:00:00.000Z',
      },
    },
  }));
}

function tempDb(): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bench-'));
  return { file: join(dir, 'events.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Append {
  stream: string;
  /** Revision of the stream's last event before this append, or null for a new stream. */
  expected: number | null;
  events: NewEvent[];
}

/**
 * The same appends for both sides: single events spread over STREAMS streams (each append expects
 * the revision before it), or batches of `batch` events each opening a new stream, as one command would.
 */
function plan(events: ReturnType<typeof makeEvents>, batch: number): Append[] {
  const revisions = new Map<string, number>();
  const appends: Append[] = [];
  for (let i = 0; i < events.length; i += batch) {
    const slice = events.slice(i, i + batch);
    const stream = batch === 1 ? slice[0].stream : `batch-${i}`;
    const expected = revisions.get(stream) ?? null;
    revisions.set(stream, (expected ?? -1) + slice.length);
    appends.push({ stream, expected, events: slice.map((x) => x.event) });
  }
  return appends;
}

/** Raw: the same rows, schema and transactions, with revisions known in advance: INSERTs only. */
type Sync = 'FULL' | 'NORMAL';

function raw(appends: Append[], synchronous: Sync): number {
  const { file, cleanup } = tempDb();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(EVENT_LOG_SCHEMA);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const write = db.transaction((a: Append) => {
    let revision = a.expected ?? -1;
    for (const e of a.events) {
      revision += 1;
      insert.run(e.id, a.stream, revision, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata));
    }
  });
  const start = process.hrtime.bigint();
  for (const a of appends) write.immediate(a);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  cleanup();
  return count(appends) / seconds;
}

const count = (appends: Append[]) => appends.reduce((n, a) => n + a.events.length, 0);

/** Through the adapter: expected-revision check, envelope serialisation, one transaction per append. */
async function adapter(appends: Append[], synchronous: Sync): Promise<number> {
  const { file, cleanup } = tempDb();
  const store = new SqliteEventStore(file, { synchronous });
  const start = process.hrtime.bigint();
  for (const a of appends) await store.appendToStream(a.stream, a.events, { expectedRevision: a.expected ?? 'no_stream' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await store.close();
  cleanup();
  return count(appends) / seconds;
}

/** Each case: both sides with the same rows, schema, transactions and synchronous mode. */
const CASES: Array<[label: string, batch: number, events: number, sync: Sync]> = [
  ['single-event transactions, synchronous=NORMAL', 1, 20_000, 'NORMAL'],
  ['batches of 100, synchronous=NORMAL', 100, 200_000, 'NORMAL'],
  ['single-event transactions, synchronous=FULL (the default)', 1, 5_000, 'FULL'],
  ['batches of 100, synchronous=FULL (the default)', 100, 100_000, 'FULL'],
];

export async function appendBenchmark(runs = 5): Promise<string[]> {
  const lines: string[] = [];
  for (const [label, batch, n, sync] of CASES) {
    const appends = plan(makeEvents(n), batch);
    const rawRates: number[] = [];
    const adapterRates: number[] = [];
    raw(appends.slice(0, 100), sync); // warm-up
    await adapter(appends.slice(0, 100), sync);
    for (let r = 0; r < runs; r++) {
      rawRates.push(raw(appends, sync));
      adapterRates.push(await adapter(appends, sync));
    }
    const ratio = median(adapterRates) / median(rawRates);
    lines.push(
      `append, ${label}: raw better-sqlite3 ${Math.round(median(rawRates))} events/s, adapter ${Math.round(median(adapterRates))} events/s, ratio ${ratio.toFixed(2)} (median of ${runs} runs of ${n} events)`,
    );
  }
  return lines;
}
