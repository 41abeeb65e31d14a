/**
 * Real processes for the reliability specs: the API (apps/api/src/main.ts) and the projector
 * (apps/projector/src/main.ts) run from the sources through @swc-node/register — no build into ./dist,
 * which other work uses. Every child is remembered so `killAll` in afterAll leaves no stray process
 * holding a port or a file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_SECRET } from '../../testing/test-app';

export const REPO = resolve(__dirname, '../../../../..');
export const API_MAIN = join(REPO, 'apps/api/src/main.ts');
export const PROJECTOR_MAIN = join(REPO, 'apps/projector/src/main.ts');

const running = new Set<ChildProcess>();

export interface Child {
  proc: ChildProcess;
  /** Resolves when the process printed its ready line; rejects when it exits first. */
  ready: Promise<void>;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
}

export interface SpawnOptions {
  env: Record<string, string>;
  readyLine?: RegExp;
  /** Also appended to this file (for post-mortems of long runs). */
  logFile?: string;
}

export function spawnTs(script: string, { env, readyLine, logFile }: SpawnOptions): Child {
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  let output = '';
  const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    proc.once('exit', (code, signal) => {
      running.delete(proc);
      log?.end();
      done({ code, signal });
    }),
  );
  const ready = new Promise<void>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log?.write(chunk);
      if (readyLine?.test(output)) ok();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => fail(new Error(`${script} exited (${code ?? signal}) before it was ready:\n${output.slice(-2000)}`)));
    if (!readyLine) ok();
  });
  ready.catch(() => undefined); // awaited by the caller when it cares
  return { proc, ready, exited, output: () => output };
}

/** The environment both processes need: the data directory, a known JWT secret, quiet logs. */
export function serviceEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn', ...extra };
}

export function startApi(dataDir: string, port: number, extra: Record<string, string> = {}, logFile?: string): Child {
  return spawnTs(API_MAIN, { env: serviceEnv(dataDir, { PORT: String(port), ...extra }), readyLine: /channel-ledger API on/, logFile });
}

/** LOG_LEVEL info: the projector says "projector running" once its loops started. */
export function startProjector(dataDir: string, extra: Record<string, string> = {}, logFile?: string): Child {
  return spawnTs(PROJECTOR_MAIN, { env: serviceEnv(dataDir, { LOG_LEVEL: 'info', ...extra }), readyLine: /projector running/, logFile });
}

export async function kill(child: Child | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!child || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill(signal);
  await child.exited;
}

/** For afterAll: every child this file started and that is still alive, by its own pid. */
export async function killAll(): Promise<void> {
  const alive = [...running];
  for (const proc of alive) proc.kill('SIGKILL');
  await Promise.all(alive.map((proc) => new Promise((done) => (proc.exitCode !== null || proc.signalCode !== null ? done(undefined) : proc.once('exit', done)))));
}

/** A port nobody listens on right now (the OS picks it); loopback only. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `cl-rel-${prefix}-`));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const randomBetween = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
