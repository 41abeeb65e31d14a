/**
 * Crash safety. A writer process registers and claims clients over HTTP without pause while the API
 * (in-process projector and reactors) and a separate projector process (apps/projector) compete for the
 * projection leases on the same files. At a random moment of each cycle one of them, or both, is killed
 * with SIGKILL — mid-request, mid-batch, mid-boot. After each kill the files are checked as left:
 *  - every command the API acknowledged (the writer logs each 201) is in the log exactly once;
 *  - every projection equals a from-scratch rebuild up to its own checkpoint (hash of all documents).
 * At the end the writer stops, the projections catch up with the head, and the whole read store is
 * compared with a rebuild of the whole log.
 *
 * RELIABILITY_CRASH_CYCLES (default 50) sets the number of cycles; each costs one or two process
 * start-ups (see docs/reliability.md for the time this takes).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyLog } from '@cl/event-store/audit/verifier';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { issueToken } from '../shared/auth/token-verifier';
import { TEST_SECRET } from '../testing/test-app';
import { checkAcks, compareWithRebuild, readLog, type Ack } from './testing/read-model-check';
import { freePort, kill, killAll, randomBetween, sleep, spawnTs, startApi, startProjector, tempDir, type Child } from './testing/processes';

const CYCLES = Number(process.env.RELIABILITY_CRASH_CYCLES ?? 50);
const WRITER = join(__dirname, 'testing/writer.ts');
type Target = 'api' | 'projector' | 'both';

describe(`crash: SIGKILL of the API and/or the projector, ${CYCLES} cycles, under continuous writes`, () => {
  const dir = tempDir('crash');
  const dataDir = join(dir, 'data');
  const ackFile = join(dir, 'acks.jsonl');
  let port: number;
  let api: Child | undefined;
  let projector: Child | undefined;
  let writer: Child | undefined;

  const startBoth = async (which: Target) => {
    // The writer sends far more than the default 600 requests a minute of one user; rate limiting is not under test.
    if (which !== 'projector') api = startApi(dataDir, port, { RATE_LIMIT_PER_MINUTE: '100000000' }, join(dir, 'api.log'));
    if (which !== 'api') projector = startProjector(dataDir, {}, join(dir, 'projector.log'));
    await Promise.all([which !== 'projector' && api!.ready, which !== 'api' && projector!.ready]);
  };
  const acks = (): Ack[] => {
    const text = readFileSync(ackFile, 'utf8');
    // A line the writer is appending at this moment may be read half-written (a read does not wait for a
    // write here): only lines ended by their newline are complete; the last one is checked in a later cycle.
    return text
      .slice(0, text.lastIndexOf('\n') + 1)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Ack);
  };

  beforeAll(async () => {
    port = await freePort();
    writeFileSync(ackFile, '');
    const started = Date.now();
    await startBoth('both');
    console.log(`crash: API and projector started in ${Date.now() - started} ms (data in ${dataDir})`);
    const token = await issueToken(TEST_SECRET, { party: 'company', sub: 'crash-writer' }, '1h');
    writer = spawnTs(WRITER, { env: { BASE_URL: `http://127.0.0.1:${port}`, TOKEN: token, ACK_FILE: ackFile, PREFIX: 'crash' } });
    while (acks().length === 0) await sleep(50); // the writer is up and the API answers
  }, 60_000);

  afterAll(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged event exactly once and the read models equal to a rebuild after every kill',
    async () => {
      const started = Date.now();
      const kills: Record<Target, number> = { api: 0, projector: 0, both: 0 };
      let checkedDocuments = 0;
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const target = (['api', 'projector', 'both'] as const)[randomBetween(0, 2)];
        const delay = randomBetween(20, 600);
        await sleep(delay);
        if (target !== 'projector') await kill(api);
        if (target !== 'api') await kill(projector);
        kills[target]++;

        // Acks first: each was logged after its commit, so the log read next holds it even while a survivor keeps appending.
        const acked = acks();
        const log = readLog(dataDir);
        expect(checkAcks(log, acked)).toEqual([]);
        const comparison = await compareWithRebuild(dataDir);
        expect(comparison.mismatches).toEqual([]);
        checkedDocuments += comparison.documents;
        console.log(
          `crash cycle ${cycle}/${CYCLES}: killed ${target} after ${delay} ms; log ${log.length} events, ${acked.length} acks all present once; ` +
            `${comparison.compared} projections = rebuild (lowest checkpoint ${comparison.minCheckpoint}, ${comparison.documents} documents)`,
        );
        await startBoth(target);
      }

      await kill(writer, 'SIGTERM');
      const writerStats = writer!.output();
      expect(writerStats).toMatch(/writer stats/);
      const stats = JSON.parse(/writer stats (.*)/.exec(writerStats)![1]) as { acked: number; unexpected: number };
      expect({ unexpected: stats.unexpected, first: writerStats.split('\n').filter((l) => l.startsWith('unexpected')).slice(0, 3) }).toEqual({
        unexpected: 0,
        first: [],
      });

      // The survivors catch up with the head (a lease of a killed holder expires after its 15 s TTL).
      const head = readLog(dataDir).at(-1)?.position ?? 0;
      const deadline = Date.now() + 40_000;
      let final = await compareWithRebuild(dataDir);
      while (final.minCheckpoint < head && Date.now() < deadline) {
        await sleep(500);
        final = await compareWithRebuild(dataDir);
      }
      expect(final.minCheckpoint).toBeGreaterThanOrEqual(head);
      expect(final.mismatches).toEqual([]);
      const acked = acks();
      expect(checkAcks(readLog(dataDir), acked)).toEqual([]);
      // The hash chains (tamper evidence) survived the kills too: no half-written link.
      const store = new SqliteEventStore(join(dataDir, 'events.db'));
      const chain = await verifyLog(store).finally(() => store.close());
      expect(chain.firstBroken).toBeUndefined();
      expect(chain.ok).toBe(true);
      expect(acked.length).toBeGreaterThan(CYCLES);
      console.log(
        `crash: ${CYCLES} cycles in ${Math.round((Date.now() - started) / 1000)} s; kills ${JSON.stringify(kills)}; ` +
          `${acked.length} acknowledged commands (${acked.filter((a) => a.replayed).length} answered by an idempotent replay after a kill), ` +
          `writer ${JSON.stringify(stats)}; final log ${head} events, every projection at the head and equal to a full rebuild ` +
          `(${final.documents} documents; ${checkedDocuments} document comparisons during the cycles); ` +
          `hash chains intact over ${chain.checkedEvents} events in ${chain.streams} streams`,
      );
    },
    120_000 + CYCLES * 8_000,
  );
});
