/**
 * Live projection commits next to a rebuild of all projections on the same read-model file, as an API's
 * projector keeps committing while `npm run cli -- projections rebuild` runs: the latency of a one-op
 * commit of a live projection, one every 5 ms, first alone, then while the rebuild (a child process with
 * the CLI's flags) writes. A rebuild batch holds SQLite's write lock only while its rows are written.
 *
 *   node -r @swc-node/register bench/live-during-rebuild.ts <data set dir> [seconds]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { CLI_NODE_FLAGS } from '../apps/cli/src/node-flags';
import type { RebuildRun } from './rebuild';

interface Latencies {
  commits: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One-op commits of a live projection (the active generation, grouped path) for `seconds`, or until `done` settles. */
async function liveCommits(file: string, seconds: number, done?: Promise<unknown>): Promise<Latencies> {
  let over = false;
  void done?.finally(() => (over = true)).catch(() => undefined);
  const store = new SqliteReadStore(file, { busyTimeoutMs: 60_000 });
  try {
    await store.registerProjection('live_probe', ['live_probe_docs']);
    const { activeGeneration: generation, checkpoint: start } = await store.status('live_probe');
    const ms: number[] = [];
    const op = { op: 'update' as const, collection: 'live_probe_docs', filter: { _id: 'x' }, update: { $inc: { n: 1 } }, upsert: true };
    for (let checkpoint = start, end = Date.now() + seconds * 1000; Date.now() < end && !over; checkpoint++) {
      const t = performance.now();
      await store.commit({ projection: 'live_probe', generation, expectedCheckpoint: checkpoint, checkpoint: checkpoint + 1, ops: [op] });
      ms.push(performance.now() - t);
      await sleep(5);
    }
    ms.sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    return { commits: ms.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: ms[ms.length - 1] };
  } finally {
    await store.close();
  }
}

/** Resolves once the rebuild is writing its generations (past its raw reads of the log), or has ended. */
async function rebuildWriting(file: string, rebuild: Promise<unknown>): Promise<void> {
  let over = false;
  void rebuild.finally(() => (over = true)).catch(() => undefined);
  while (!over) {
    await sleep(200);
    if (!existsSync(file)) continue;
    const store = new SqliteReadStore(file, { busyTimeoutMs: 60_000 });
    try {
      if (((await store.status('sales').catch(() => undefined))?.building?.checkpoint ?? 0) > 0) return;
    } finally {
      await store.close();
    }
  }
}

function startRebuild(dataDir: string, file: string): Promise<RebuildRun> {
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, '-r', '@swc-node/register', join(__dirname, 'rebuild.ts'), dataDir, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as RebuildRun) : reject(new Error(`rebuild exited with ${code}`)))),
  );
}

const line = (label: string, l: Latencies) =>
  `${label}: ${l.commits} commits, p50 ${l.p50.toFixed(2)} ms, p90 ${l.p90.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(1)} ms`;

/** The lines `npm run bench` prints: live commits alone, then while a rebuild of the data set writes (at most `seconds` each). */
export async function liveDuringRebuild(dataDir: string, seconds: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-live-rebuild-'));
  try {
    const file = join(dir, 'read-models.db');
    const lines = [line('live commits alone', await liveCommits(file, seconds))];
    const rebuild = startRebuild(dataDir, file);
    await rebuildWriting(file, rebuild);
    lines.push(line('live commits during a rebuild of the same file', await liveCommits(file, seconds, rebuild)));
    const run = await rebuild;
    lines.push(`rebuild next to them: ${Math.round(run.rebuildPerSecond)} events/s (${run.rebuildSeconds.toFixed(1)} s), peak RSS ${Math.round(run.maxRssMb)} MB`);
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [dataDir, seconds] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: bench/live-during-rebuild.ts <data set dir> [seconds]');
  liveDuringRebuild(dataDir, Number(seconds ?? 20))
    .then((lines) => lines.forEach((l) => process.stdout.write(`${l}\n`)))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
