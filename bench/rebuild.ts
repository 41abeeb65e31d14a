/**
 * Rebuild of every read model from the generated log, with the real Projector and all projections on
 * the SQLite read store, next to the raw read rate of the same log: through the adapter (`readAll`,
 * which parses each event) and as bare better-sqlite3 SELECTs of the same rows. Each run is a child
 * process, so its peak RSS (`maxRSS`) belongs to that run alone.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allEventSchemas } from '@cl/domain/schemas';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { allProjections, Projector } from '@cl/projections';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { CLI_NODE_FLAGS } from '../apps/cli/src/node-flags';
import { median } from './stats';

const READ_BATCH = 2_000;

export interface RebuildRun {
  events: number;
  rawSelectPerSecond: number;
  adapterReadPerSecond: number;
  rebuildSeconds: number;
  rebuildPerSecond: number;
  /** CPU time (user + system) the rebuild took: on a busy machine, wall time overstates it. */
  rebuildCpuSeconds: number;
  maxRssMb: number;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Bare SELECTs of every row, in the adapter's batches, without parsing: the floor of any reader. */
function rawSelect(file: string): number {
  const db = new Database(file, { readonly: true });
  const select = db.prepare<[number, number], { position: number }>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  const start = process.hrtime.bigint();
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = select.all(after, READ_BATCH);
    if (rows.length === 0) break;
    n += rows.length;
    after = rows[rows.length - 1].position;
  }
  const rate = n / seconds(start);
  db.close();
  return rate;
}

async function adapterRead(events: SqliteEventStore): Promise<number> {
  const start = process.hrtime.bigint();
  let after = 0;
  let n = 0;
  for (;;) {
    const batch = await events.readAll({ after, maxCount: READ_BATCH });
    if (batch.length === 0) break;
    n += batch.length;
    after = batch[batch.length - 1].position;
  }
  return n / seconds(start);
}

/** One run, in this process: reads, then a rebuild of all projections into `readModelsFile`. */
export async function rebuildRun(dataDir: string, readModelsFile: string): Promise<RebuildRun> {
  const file = join(dataDir, 'events.db');
  const events = new SqliteEventStore(file);
  const head = await events.headPosition();
  const rawSelectPerSecond = rawSelect(file);
  const adapterReadPerSecond = await adapterRead(events);
  // As `npm run cli -- projections rebuild` opens it: WAL checkpoints on a worker thread.
  const store = new SqliteReadStore(readModelsFile, { backgroundCheckpoints: { onError: (e) => process.stderr.write(`${e.message}\n`) } });
  const projector = new Projector(events, store, allProjections, { schemas: allEventSchemas });
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await projector.rebuildAll();
  const rebuildSeconds = seconds(start);
  const used = process.cpuUsage(cpu);
  await store.close();
  await events.close();
  return {
    events: head,
    rawSelectPerSecond,
    adapterReadPerSecond,
    rebuildSeconds,
    rebuildPerSecond: head / rebuildSeconds,
    rebuildCpuSeconds: (used.user + used.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * Runs `rebuildRun` in a fresh Node process with the flags `npm run cli -- projections rebuild` runs
 * with (and optionally more, e.g. --cpu-prof) and returns its result.
 */
export function rebuildInChild(dataDir: string, readModelsFile: string, nodeFlags: string[] = []): RebuildRun {
  const out = execFileSync(process.execPath, [...CLI_NODE_FLAGS, ...nodeFlags, '-r', '@swc-node/register', __filename, dataDir, readModelsFile], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as RebuildRun;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** `runs` rebuilds of the data set in `dataDir`, each into a fresh read-model file; the lines `npm run bench` prints. */
export function rebuildBenchmark(dataDir: string, runs: number): { lines: string[]; runs: RebuildRun[] } {
  const results: RebuildRun[] = [];
  for (let r = 0; r < runs - 1; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'cl-rebuild-'));
    try {
      results.push(rebuildInChild(dataDir, join(dir, 'read-models.db')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // The last run builds the data set's own read models, from an empty file: the queries (and an API
  // started on the data set) then find every projection at the head.
  const own = join(dataDir, 'read-models.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${own}${suffix}`, { force: true });
  results.push(rebuildInChild(dataDir, own));
  const m = (f: (r: RebuildRun) => number) => median(results.map(f));
  const n = results[0].events;
  const lines = [
    `rebuild of all ${allProjections.length} projections from ${int(n)} events: ${int(m((r) => r.rebuildPerSecond))} events/s ` +
      `(${m((r) => r.rebuildSeconds).toFixed(1)} s, ${m((r) => r.rebuildCpuSeconds).toFixed(1)} s of CPU); raw read of the log: better-sqlite3 SELECT ${int(m((r) => r.rawSelectPerSecond))} rows/s, ` +
      `adapter readAll ${int(m((r) => r.adapterReadPerSecond))} events/s; rebuild/adapter read ${(m((r) => r.rebuildPerSecond) / m((r) => r.adapterReadPerSecond)).toFixed(2)}; ` +
      `peak RSS ${int(Math.max(...results.map((r) => r.maxRssMb)))} MB (median of ${runs} runs)`,
  ];
  return { lines, runs: results };
}

if (require.main === module) {
  const [dataDir, readModelsFile] = process.argv.slice(2);
  rebuildRun(dataDir, readModelsFile)
    .then((run) => process.stdout.write(`${JSON.stringify(run)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
