/**
 * Start-up faults on the embedded files: a damaged file, a full disk, a read-only file system. Each
 * time the process (API or projector) must print one line naming the file or directory and the cause,
 * exit with 74 (EX_IOERR), and leave the data directory byte for byte as it found it. A disk that fills
 * up while the API runs must fail the append as a whole: the log is the same before and after, and the
 * API recovers once space is freed.
 *
 * Full and read-only file systems are real: small tmpfs mounts (the spec runs as root in CI). Where
 * `mount` is not permitted, those cases are skipped and say so; `chmod` would not do, root ignores it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@cl/event-store/sqlite/sqlite-event-store';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import { issueToken } from '../shared/auth/token-verifier';
import { TEST_SECRET } from '../testing/test-app';
import { freePort, killAll, startApi, startProjector, tempDir, type Child } from './testing/processes';
import { readLog } from './testing/read-model-check';

const mounts: string[] = [];

function canMount(): boolean {
  const probe = tempDir('mount-probe');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const MOUNTS = canMount();
const withMount = MOUNTS ? it : it.skip;
if (!MOUNTS) console.log('startup-faults: mount -t tmpfs is not permitted here; the disk-full and read-only cases are skipped');

function tmpfs(sizeKb: number, options = ''): string {
  const dir = tempDir('tmpfs');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k${options ? `,${options}` : ''}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Every file of a directory with the sha256 of its bytes: "nothing written" means this is unchanged. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

const SEED_METADATA = { actor: { party: 'system' as const, userId: 'seed' }, correlationId: 'seed', causationId: 'seed', recordedAt: '2026-01-01T00:00:00.000Z' };

/** A data directory holding a real log of `n` events (and its read store file, empty of projections). */
async function seededDataDir(dir: string, n = 3): Promise<void> {
  const store = new SqliteEventStore(join(dir, 'events.db'));
  for (let i = 0; i < n; i++) {
    await store.appendToStream(`seed-${i}`, [{ id: `00000000-0000-4000-8000-00000000000${i}`, type: 'Seeded', schemaVersion: 1, data: { i }, metadata: SEED_METADATA }]);
  }
  await store.close();
}

/** Fills the file system holding `dir` up to the last byte. */
function fill(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Small writes may still fit in the last partial block.
  const fd2 = openSync(filler, 'a');
  try {
    for (;;) writeSync(fd2, Buffer.alloc(512, 1));
  } catch {
    /* full */
  } finally {
    closeSync(fd2);
  }
  return filler;
}

async function refusedStart(child: Child): Promise<{ code: number | null; stderr: string }> {
  const { code } = await child.exited;
  return { code, stderr: child.output() };
}

describe('start-up faults: a clear error naming the file, exit 74, nothing written', () => {
  const dirs: string[] = [];
  const dir = (prefix: string) => {
    const d = tempDir(prefix);
    dirs.push(d);
    return d;
  };

  afterAll(async () => {
    await killAll();
    for (const m of mounts.reverse()) {
      try {
        execFileSync('umount', ['-l', m], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      rmSync(m, { recursive: true, force: true });
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /**
   * Garbage is refused by the header check; damage behind a valid header (the first page's b-tree,
   * right after the 100-byte header) by the read of the schema through SQLite.
   */
  const DAMAGE = {
    'garbage bytes': {
      damage: (path: string) => writeFileSync(path, Buffer.concat([Buffer.from('not a database, really'), Buffer.alloc(8192, 0xa5)])),
      says: 'is not a valid SQLite database (bad header)',
    },
    'damaged pages behind a valid header': {
      damage: (path: string) => {
        const fd = openSync(path, 'r+');
        writeSync(fd, Buffer.alloc(400, 0xa5), 0, 400, 100);
        closeSync(fd);
      },
      says: 'database disk image is malformed',
    },
  } as const;

  it.each(
    (Object.keys(DAMAGE) as Array<keyof typeof DAMAGE>).flatMap((kind) => [
      ['API', kind, 'events.db'],
      ['API', kind, 'read-models.db'],
      ['projector', kind, 'events.db'],
    ]) as Array<[string, keyof typeof DAMAGE, string]>,
  )('%s with %s in %s', async (which, kind, file) => {
    const dataDir = dir('corrupt');
    await seededDataDir(dataDir);
    await new SqliteReadStore(join(dataDir, 'read-models.db')).close();
    DAMAGE[kind].damage(join(dataDir, file));
    const before = fingerprint(dataDir);
    const child = which === 'API' ? startApi(dataDir, await freePort()) : startProjector(dataDir);
    const { code, stderr } = await refusedStart(child);
    expect(code).toBe(74);
    expect(stderr).toContain(join(dataDir, file));
    expect(stderr).toContain(DAMAGE[kind].says);
    expect(fingerprint(dataDir)).toEqual(before);
    console.log(`startup-faults: ${which}, ${kind} in ${file} → exit ${code}: ${stderr.trim()}`);
  });

  withMount('API on a full disk (tmpfs filled to the last byte): refuses to start, creates nothing', async () => {
    const mount = tmpfs(2048);
    const dataDir = join(mount, 'data');
    mkdirSync(dataDir);
    await seededDataDir(dataDir);
    fill(mount);
    const before = fingerprint(dataDir);
    const { code, stderr } = await refusedStart(startApi(dataDir, await freePort()));
    expect(code).toBe(74);
    expect(stderr).toContain(dataDir);
    expect(stderr).toMatch(/bytes free on its file system/);
    expect(fingerprint(dataDir)).toEqual(before);
    console.log(`startup-faults: full disk → exit ${code}: ${stderr.trim()}`);
  });

  withMount('API on a read-only file system (tmpfs remounted ro): refuses to start, writes nothing', async () => {
    const mount = tmpfs(4096);
    const dataDir = join(mount, 'data');
    mkdirSync(dataDir);
    await seededDataDir(dataDir);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    const before = fingerprint(dataDir);
    const { code, stderr } = await refusedStart(startApi(dataDir, await freePort()));
    expect(code).toBe(74);
    expect(stderr).toContain(dataDir);
    expect(stderr).toMatch(/read-only file system/);
    expect(fingerprint(dataDir)).toEqual(before);
    console.log(`startup-faults: read-only file system → exit ${code}: ${stderr.trim()}`);
  });

  withMount('a disk that fills up under a running API: the failing append writes nothing, and the API recovers', async () => {
    const mount = tmpfs(16 * 1024);
    const dataDir = join(mount, 'data');
    const port = await freePort();
    const api = startApi(dataDir, port, { AUDIT_DIGEST_EVERY: '1000000' });
    await api.ready;
    const token = await issueToken(TEST_SECRET, { party: 'company', sub: 'disk-full' }, '1h');
    const register = (id: string) =>
      fetch(`http://127.0.0.1:${port}/distributors`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id, name: `${id} distribution`, territories: ['PL-MZ'] }),
      });
    for (let i = 0; i < 3; i++) expect((await register(`before-${i}`)).status).toBe(201);
    const filler = fill(mount);
    // An append that fits in space the log already holds still succeeds (SQLite reuses its WAL once a
    // checkpoint has copied it back), so register until one needs a new block and fails.
    let failed: Response | undefined;
    let succeeded = 0;
    for (let i = 0; !failed && i < 2_000; i++) {
      const res = await register(`while-full-${i}`);
      if (res.status === 201) succeeded += 1;
      else failed = res;
    }
    const logBefore = readLog(dataDir);
    expect(failed?.status).toBeGreaterThanOrEqual(500);
    const problem = (await failed!.json()) as { status: number };
    unlinkSync(filler);
    const after = await register('after-freeing');
    expect(after.status).toBe(201);
    const logAfter = readLog(dataDir);
    expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);
    expect(logAfter.length).toBe(logBefore.length + 1); // the failed append left nothing, the next one is all there
    expect(logAfter.filter((e) => e.stream === `distributor-while-full-${succeeded}`)).toEqual([]);
    console.log(
      `startup-faults: disk filled under the running API → ${succeeded} appends still fitted, then one answered ${failed!.status} ` +
        `(${JSON.stringify(problem)}) and left nothing (log ${logBefore.length} events); after freeing space the next append succeeded (log ${logAfter.length} events)`,
    );
  }, 60_000);
});
