/**
 * The real API as a child process, configured as the README's defaults (embedded SQLite, in-process
 * projector, SQLITE_SYNCHRONOUS=FULL, LOG_LEVEL=info) with its own DATA_DIR, PORT and JWT secret.
 * Only the per-user rate limit is raised, or the benchmark would measure 429s; the guard still runs.
 * Its log goes to a file, as a deployed service's would go to a collector.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { issueToken } from '../apps/api/src/shared/auth/token-verifier';
import type { Party } from '../apps/api/src/shared/auth/principal';

const ROOT = resolve(__dirname, '..');

export interface ApiProcess {
  url: string;
  pid: number;
  /** A bearer token (with `Bearer `) signed with this process's secret. */
  auth(party: Party, sub: string, distributorId?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ApiOptions {
  dataDir: string;
  /** Extra environment (e.g. SQLITE_SYNCHRONOUS); the defaults are the README's. */
  env?: Record<string, string>;
  /** The JWT secret; default a fresh one (pass the same one to keep tokens valid across restarts). */
  secret?: string;
  /** Write a V8 CPU profile of the API into this folder when it stops (`node --cpu-prof`). */
  cpuProfDir?: string;
  /**
   * Run the projections in their own process (apps/projector, `PROJECTOR=external` on the API), as a
   * deployment may: the API's thread then serves requests and reactors only.
   */
  externalProjector?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Long enough for a large log: the in-process projector catching up keeps the first answers slow. */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 20 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} while starting`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not answer /health within ${timeoutMs} ms`);
}

/**
 * Resolves once every projection has caught up with the log (a copied data set starts with no read
 * models: the in-process projector builds them first), so nothing measured competes with a rebuild.
 */
export async function waitForProjections(api: ApiProcess, timeoutMs = 30 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await (await fetch(`${api.url}/health`)).json()) as { details?: { projections?: { lag?: Array<{ lag: number }> } } };
    const lags = health.details?.projections?.lag ?? [];
    if (lags.length > 0 && lags.every((l) => l.lag === 0)) return;
    if (Date.now() > deadline) throw new Error(`projections did not catch up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function startApi({
  dataDir,
  env = {},
  cpuProfDir,
  externalProjector = false,
  secret = randomBytes(32).toString('base64url'),
}: ApiOptions): Promise<ApiProcess> {
  const port = await freePort();
  mkdirSync(dataDir, { recursive: true });
  const environment = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    JWT_SECRET: secret,
    RATE_LIMIT_PER_MINUTE: '1000000000',
    ...(externalProjector ? { PROJECTOR: 'external' } : {}),
    // Node options for the API and projector only, not the load generator (e.g. a V8 heap flag under test)
    ...(process.env.BENCH_CHILD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_CHILD_NODE_OPTIONS } : {}),
    ...env,
  };
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const children = [
    ...(externalProjector ? [spawnLogged('apps/projector/src/main.ts', profile, environment, join(dataDir, 'projector.log'))] : []),
    spawnLogged('apps/api/src/main.ts', profile, environment, join(dataDir, 'api.log')),
  ];
  const child = children[children.length - 1];
  const exited = children.map((c) => new Promise<void>((r) => (c.exitCode !== null ? r() : c.once('exit', () => r()))));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (error) {
    children.forEach((c) => c.kill('SIGKILL')); // never leave a half-started API behind
    await Promise.all(exited);
    throw error;
  }
  return {
    url,
    pid: child.pid ?? 0,
    auth: async (party, sub, distributorId) =>
      `Bearer ${await issueToken(secret, { party, sub, ...(distributorId ? { distributorId } : {}) }, '12h')}`,
    stop: async () => {
      // graceful: in-flight commands finish, the projector ends its batch, CPU profiles are written
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      await Promise.all(exited);
    },
  };
}

function spawnLogged(main: string, nodeArgs: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', main], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  closeSync(log);
  return child;
}
