/**
 * Tampering with the SQLite file directly — the attack a database administrator could make — is
 * detected: a changed byte, a deleted, reordered or inserted event, a removed tail.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { newEvent } from '../testing/event-store.contract';
import { ChainedEventStore } from './chained-event-store';
import { LogDigester } from './digester';
import { chainEvents } from './hash-chain';
import { verifyLog } from './verifier';

let dir: string;
let file: string;

async function seed(): Promise<void> {
  const store = new ChainedEventStore(new SqliteEventStore(file));
  for (let i = 0; i < 40; i++) await store.appendToStream(`client-${i % 4}`, [newEvent('Noted', { i, text: `note ${i}` })]);
  await new LogDigester(store, { interval: 10 }).catchUp();
  await store.close();
}

async function verify() {
  const store = new SqliteEventStore(file);
  try {
    return await verifyLog(store, { pageSize: 7, digestEvery: 10 });
  } finally {
    await store.close();
  }
}

function tamper(sql: (db: Database.Database) => void): void {
  const db = new Database(file);
  sql(db);
  db.close();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cl-tamper-'));
  file = join(dir, 'events.db');
  await seed();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('tamper evidence over the SQLite file', () => {
  it('verifies an untouched log, with its digests', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, checkedEvents: 44, streams: 5, digestsChecked: 4 });
  });

  it('detects a changed byte in an event', async () => {
    tamper((db) => db.prepare("UPDATE events SET data = replace(data, 'note 17', 'note 71') WHERE position = 18").run());
    expect((await verify()).firstBroken).toMatchObject({ problem: 'hash-mismatch', position: 18, stream: 'client-1', revision: 4 });
  });

  it('detects a changed byte in the metadata (who did it)', async () => {
    tamper((db) => db.prepare("UPDATE events SET metadata = replace(metadata, '\"u-1\"', '\"u-2\"') WHERE position = 5").run());
    expect((await verify()).firstBroken).toMatchObject({ problem: 'hash-mismatch', position: 5 });
  });

  it('detects a deleted event in the middle of a stream', async () => {
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 22').run());
    expect((await verify()).firstBroken).toMatchObject({ problem: 'revision-gap', stream: 'client-1', position: 26, revision: 6 });
  });

  it("detects a deleted last event of a stream through the log digest", async () => {
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 40').run());
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(['digest-mismatch', 'log-truncated']).toContain(report.firstBroken?.problem);
  });

  it('detects two events swapped in the log', async () => {
    tamper((db) => {
      const rows = db.prepare('SELECT * FROM events WHERE position IN (3, 4) ORDER BY position').all() as Array<Record<string, unknown>>;
      db.prepare('DELETE FROM events WHERE position IN (3, 4)').run();
      const insert = db.prepare('INSERT INTO events (position, id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const [pos, r] of [[3, rows[1]], [4, rows[0]]] as const) insert.run(pos, r.id, r.stream, r.revision, r.type, r.schema_version, r.data, r.metadata);
    });
    expect((await verify()).firstBroken).toMatchObject({ problem: 'digest-mismatch' });
  });

  it('detects the digest stream deleted together with a covered event', async () => {
    tamper((db) => {
      db.prepare("DELETE FROM events WHERE stream = 'audit-digests'").run();
      db.prepare('DELETE FROM events WHERE position = 40').run();
    });
    expect((await verify()).firstBroken).toMatchObject({ problem: 'digests-missing' });
  });

  it('detects an inserted event, even one whose hash was recomputed to fit its stream', async () => {
    tamper((db) => {
      const last = db.prepare("SELECT * FROM events WHERE stream = 'client-2' ORDER BY revision DESC LIMIT 1").get() as { revision: number; metadata: string };
      const [forged] = chainEvents('client-2', { revision: last.revision, hash: JSON.parse(last.metadata).hash }, [newEvent('Noted', { forged: true })]);
      db.prepare('UPDATE events SET position = position + 1000 WHERE position > 30').run();
      db.prepare('INSERT INTO events (position, id, stream, revision, type, schema_version, data, metadata) VALUES (31, ?, ?, ?, ?, ?, ?, ?)').run(
        forged.id, 'client-2', last.revision + 1, forged.type, forged.schemaVersion, JSON.stringify(forged.data), JSON.stringify(forged.metadata),
      );
    });
    expect((await verify()).ok).toBe(false);
  });
});

describe('ChainedEventStore', () => {
  it('keeps the expected-revision semantics of the port', async () => {
    const store = new ChainedEventStore(new SqliteEventStore(join(dir, 'other.db')));
    await store.appendToStream('s', [newEvent('A')], { expectedRevision: 'no_stream' });
    await expect(store.appendToStream('s', [newEvent('B')], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ actual: 0 });
    await expect(store.appendToStream('s', [newEvent('B')], { expectedRevision: 5 })).rejects.toMatchObject({ expected: 5, actual: 0 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => store.appendToStream('s', [newEvent('C')], { expectedRevision: 'any' })));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });
});
