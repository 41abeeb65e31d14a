import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '@cl/event-store/testing/event-store.contract';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { Projector } from './projector';
import { countingProjection, countingSchemas } from './testing/counting.projection';

const dirs: string[] = [];
function files() {
  const dir = mkdtempSync(join(tmpdir(), 'cl-proj-'));
  dirs.push(dir);
  return { events: join(dir, 'events.db'), reads: join(dir, 'reads.db'), fresh: join(dir, 'fresh.db') };
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function appendCounted(store: SqliteEventStore, n: number, streams = 7): Promise<void> {
  for (let i = 0; i < n; i++) await store.appendToStream(`s-${i % streams}`, [newEvent('Counted', { i })]);
}

async function snapshot(store: SqliteReadStore) {
  return store.find('counters', {}, { sort: { _id: 1 } });
}

async function rebuiltFromScratch(eventsFile: string, readsFile: string) {
  const events = new SqliteEventStore(eventsFile);
  const reads = new SqliteReadStore(readsFile);
  await new Projector(events, reads, [countingProjection], { schemas: countingSchemas }).rebuild('counting');
  const docs = await snapshot(reads);
  await Promise.all([events.close(), reads.close()]);
  return docs;
}

describe('Projector', () => {
  it('catches up, follows live appends, and equals a rebuild from position 0', async () => {
    const f = files();
    const events = new SqliteEventStore(f.events);
    const reads = new SqliteReadStore(f.reads);
    await appendCounted(events, 300);
    const projector = new Projector(events, reads, [countingProjection], { schemas: countingSchemas, batchSize: 40 });
    await projector.start();
    await appendCounted(events, 200);
    await projector.waitFor();
    const live = await snapshot(reads);
    expect(live.find((d) => d._id === '$total')).toMatchObject({ count: 500 });
    expect(live.find((d) => d._id === 's-0')?.revisions).toEqual(Array.from({ length: 72 }, (_, i) => i));
    await projector.stop();
    await Promise.all([events.close(), reads.close()]);
    expect(await rebuiltFromScratch(f.events, f.fresh)).toEqual(live);
  });

  it("declares a projection's indexes when it starts, and retires those a newer version no longer declares", async () => {
    const f = files();
    const events = new SqliteEventStore(f.events);
    const reads = new SqliteReadStore(f.reads);
    const start = async (fields: string[][]) => {
      const projector = new Projector(events, reads, [{ ...countingProjection, indexes: fields.map((f) => ({ collection: 'counters', fields: f })) }], { schemas: countingSchemas });
      await projector.start();
      await projector.stop();
    };
    await start([['count'], ['stream']]);
    await start([['stream']]);
    // What is still declared: retiring all of it now names `stream` alone (`count` went when the second version started).
    expect(await reads.retireIndexes(['counters'], [])).toEqual([{ collection: 'counters', fields: ['stream'] }]);
    await Promise.all([events.close(), reads.close()]);
  });

  it('gives timers and I/O a turn between the batches of a catch-up', async () => {
    const f = files();
    const events = new SqliteEventStore(f.events);
    const reads = new SqliteReadStore(f.reads);
    await appendCounted(events, 3000);
    let projected = 0;
    const observed = { ...countingProjection, project: (e: Parameters<typeof countingProjection.project>[0]) => ((projected += 1), countingProjection.project(e)) };
    const projector = new Projector(events, reads, [observed], { schemas: countingSchemas, batchSize: 50 });
    const seenByTimer: number[] = [];
    const timer = setInterval(() => seenByTimer.push(projected), 0);
    await projector.start();
    await projector.waitFor();
    clearInterval(timer);
    await projector.stop();
    await Promise.all([events.close(), reads.close()]);
    // SQLite reads and commits resolve on microtasks alone: without a turn per batch, the timer (like an
    // HTTP request) first ran once all 3,000 events were applied — and on a large log, not for minutes.
    expect(seenByTimer.some((n) => n > 0 && n < 3000)).toBe(true);
  });

  it('rebuilds aside: queries see the old generation until the swap, then the new one; live continues after', async () => {
    const f = files();
    const events = new SqliteEventStore(f.events);
    const reads = new SqliteReadStore(f.reads);
    await appendCounted(events, 2000);
    const projector = new Projector(events, reads, [countingProjection], { schemas: countingSchemas, batchSize: 100 });
    await projector.start();
    await projector.waitFor();
    const seenDuringRebuild: unknown[] = [];
    await projector.rebuild('counting', async () => {
      seenDuringRebuild.push((await reads.findOne('counters', { _id: '$total' }))?.count);
    });
    expect(new Set(seenDuringRebuild.slice(0, -1))).toEqual(new Set([2000]));
    const status = await reads.status('counting');
    expect(status.activeGeneration).toBe(2);
    await appendCounted(events, 10);
    await projector.waitFor();
    expect(await reads.findOne('counters', { _id: '$total' })).toMatchObject({ count: 2010 });
    await projector.stop();
    await Promise.all([events.close(), reads.close()]);
  });

  it('reports a projection whose loop keeps failing, and refuses a checkpoint beyond the head of the log', async () => {
    const f = files();
    const events = new SqliteEventStore(f.events);
    const reads = new SqliteReadStore(f.reads);
    await appendCounted(events, 3);
    const broken = { ...countingProjection, project: () => { throw new Error('bug in projection'); } };
    const errors: unknown[] = [];
    const projector = new Projector(events, reads, [broken], { schemas: countingSchemas, onError: (_, e) => errors.push(e) });
    await projector.start();
    while (errors.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(projector.failing().map((x) => x.projection)).toEqual(['counting']);
    await projector.stop();
    // A read model ahead of the log (the event file restored from an older backup) must not follow on.
    await reads.commit({ projection: 'counting', generation: 1, expectedCheckpoint: 0, checkpoint: 99, ops: [] });
    const ahead = new Projector(events, reads, [countingProjection], { schemas: countingSchemas, onError: (_, e) => errors.push(e) });
    await ahead.start();
    while (!String(errors[errors.length - 1]).includes('log ends at 3')) await new Promise((r) => setTimeout(r, 5));
    await ahead.stop();
    await Promise.all([events.close(), reads.close()]);
  });

  it('never loses or double-applies an event when killed with SIGKILL at random points', async () => {
    const f = files();
    const events = new SqliteEventStore(f.events);
    await appendCounted(events, 6000, 11);
    await events.close();
    const child = join(__dirname, 'testing', 'projector-child.ts');
    for (let cycle = 0; cycle < 6; cycle++) {
      const proc = spawn(process.execPath, ['-r', '@swc-node/register', child, f.events, f.reads], {
        cwd: join(__dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 150));
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
    }
    // Finish in this process, then compare with a rebuild from scratch.
    const store = new SqliteEventStore(f.events);
    const reads = new SqliteReadStore(f.reads);
    const projector = new Projector(store, reads, [countingProjection], { schemas: countingSchemas, leaseTtlMs: 200 });
    await projector.start();
    await projector.waitFor(undefined, 20_000);
    await projector.stop();
    const afterCrashes = await snapshot(reads);
    await Promise.all([store.close(), reads.close()]);
    expect(afterCrashes.find((d) => d._id === '$total')).toMatchObject({ count: 6000 });
    expect(afterCrashes).toEqual(await rebuiltFromScratch(f.events, f.fresh));
  }, 60_000);
});
