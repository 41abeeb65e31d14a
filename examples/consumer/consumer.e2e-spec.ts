/**
 * The example consumer against the embedded API on a loopback port, run as its npm script runs it (a
 * child process): every event reaches its output once, in order, across a stop, a crash that tore a
 * line and lost the last checkpoint save, a replay from position 0, JSON paging, a proxy that will
 * not stream (auto mode falls back to pages), and live following ended by SIGTERM.
 */
import { execFile, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../apps/api/src/testing/test-app';
import type { FeedItem } from './feed-item';

const ROOT = join(__dirname, '..', '..');

describe('example consumer (npm run example:consumer)', () => {
  let t: TestApp;
  let url: string;
  let token: string;
  let dir: string;
  let registered = 0;

  beforeAll(async () => {
    t = await startTestApp({ FEED_HEARTBEAT_MS: '200', AUDIT_DIGEST_EVERY: '1000000' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    token = await t.token('company', { sub: 'erp-integration' });
    dir = mkdtempSync(join(tmpdir(), 'cl-consumer-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string) => join(dir, name);
  const lines = (name: string): FeedItem[] =>
    readFileSync(file(name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as FeedItem);
  const consumer = (...args: string[]) =>
    run(['--url', url, '--token', token, '--checkpoint', file('checkpoint.json'), '--out', file('events.jsonl'), ...args]);

  async function registerDistributors(n: number): Promise<void> {
    const company = `Bearer ${await t.token('company')}`;
    for (let i = 0; i < n; i++) {
      registered += 1;
      const res = await t
        .http()
        .post('/distributors')
        .set('Authorization', company)
        .send({ id: `d-${registered}`, name: `Distributor ${registered}`, territories: ['PL'] });
      expect(res.status).toBe(201);
    }
  }

  /** Every event the token may read, from the feed's JSON pages. */
  async function allEvents(): Promise<FeedItem[]> {
    const all: FeedItem[] = [];
    for (let from = 0, head = 1; from < head;) {
      const page = await t.http().get(`/events?from=${from}&limit=1000`).set('Authorization', `Bearer ${token}`);
      all.push(...page.body.events);
      ({ next: from, head } = page.body);
    }
    return all;
  }

  it('streams, stops, and resumes after its checkpoint', async () => {
    await registerDistributors(4);
    const first = await consumer('--mode', 'sse', '--stop-after', '3');
    expect(first.stderr).toMatch(/handled 3 event\(s\)/);
    expect(lines('events.jsonl').map((e) => e.data.distributorId)).toEqual(['d-1', 'd-2', 'd-3']);

    await registerDistributors(2);
    const second = await consumer('--mode', 'sse', '--until-caught-up');
    expect(second.stderr).toMatch(/handled 3 event\(s\)/);
    expect(lines('events.jsonl')).toEqual(await allEvents());
  });

  it('recovers from a crash that lost its last checkpoint save and tore the line it was writing', async () => {
    const saved = JSON.parse(readFileSync(file('checkpoint.json'), 'utf8')) as { position: number; recentIds: string[] };
    const before = lines('events.jsonl');
    writeFileSync(file('checkpoint.json'), JSON.stringify({ position: before[1].position, recentIds: saved.recentIds.slice(0, 2) }));
    appendFileSync(file('events.jsonl'), '{"position":99,"id":"torn-by-the-cr');
    await registerDistributors(1);
    const res = await consumer('--mode', 'sse', '--until-caught-up');
    expect(res.stderr).toMatch(/handled 1 event\(s\)/);
    expect(lines('events.jsonl')).toEqual(await allEvents());
  });

  it('hands nothing twice when the feed replays from position 0: the ids it handled are skipped', async () => {
    const saved = JSON.parse(readFileSync(file('checkpoint.json'), 'utf8')) as { recentIds: string[] };
    writeFileSync(file('checkpoint.json'), JSON.stringify({ position: 0, recentIds: saved.recentIds }));
    const replay = await run([
      '--url',
      url,
      '--token',
      token,
      '--checkpoint',
      file('checkpoint.json'),
      '--out',
      file('replayed.jsonl'),
      '--mode',
      'json',
      '--until-caught-up',
    ]);
    expect(replay.stderr).toMatch(new RegExp(`handled 0 event\\(s\\), skipped ${(await allEvents()).length} duplicate\\(s\\)`));
    expect(lines('replayed.jsonl')).toEqual([]);
  });

  it('reads JSON pages, and falls back to them behind a proxy that will not stream', async () => {
    await registerDistributors(2);
    expect((await consumer('--mode', 'json', '--until-caught-up', '--page-size', '1')).stderr).toMatch(/handled 2 event\(s\)/);
    await registerDistributors(1);
    const proxy = await jsonOnlyProxy(url);
    try {
      const behindProxy = await run([
        '--url',
        proxy.url,
        '--token',
        token,
        '--checkpoint',
        file('checkpoint.json'),
        '--out',
        file('events.jsonl'),
        '--until-caught-up',
      ]);
      expect(behindProxy.stderr).toMatch(/does not stream/);
      expect(behindProxy.stderr).toMatch(/handled 1 event\(s\)/);
    } finally {
      await proxy.close();
    }
    const everything = await allEvents();
    expect(lines('events.jsonl')).toEqual(everything);
    expect(new Set(everything.map((e) => e.id)).size).toBe(everything.length);
  });

  it('follows live until SIGTERM, then saves its checkpoint and exits 0', async () => {
    const live = start([
      '--url',
      url,
      '--token',
      token,
      '--checkpoint',
      file('live-checkpoint.json'),
      '--out',
      file('live.jsonl'),
      '--mode',
      'sse',
    ]);
    const count = () => (existsSync(file('live.jsonl')) ? lines('live.jsonl').length : 0);
    try {
      await eventually(() => count() === registered);
      await registerDistributors(2);
      await eventually(() => count() === registered);
    } finally {
      live.stop();
    }
    expect(await live.exited).toBe(0);
    const everything = await allEvents();
    expect(lines('live.jsonl')).toEqual(everything);
    expect(JSON.parse(readFileSync(file('live-checkpoint.json'), 'utf8')).position).toBe(everything[everything.length - 1].position);
  });
});

/** Starts the consumer as `npm run example:consumer` does, to run until it is told to stop. */
function start(args: string[]): { exited: Promise<number | null>; stop: () => void } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'examples/consumer/main.ts', ...args], { cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { exited, stop: () => child.kill('SIGTERM') };
}

async function eventually(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error('timed out');
  }
}

/** Runs the consumer as `npm run example:consumer` does. */
function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'examples/consumer/main.ts', ...args],
      { cwd: ROOT, timeout: 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`consumer failed: ${error.message}\n${stderr}`)) : resolve({ stdout, stderr })),
    );
  });
}

/** A reverse proxy that asks the API for JSON whatever the client accepts, as a buffering proxy might. */
async function jsonOnlyProxy(upstream: string): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const headers = { ...req.headers, host: target.host, accept: 'application/json' };
    const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
