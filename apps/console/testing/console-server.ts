/**
 * The real API for the console's end-to-end spec: built the way main.ts builds it (createApp), with
 * the embedded SQLite stores in a temporary DATA_DIR, listening on a free loopback port, and serving
 * a console built from the current sources by Vite (in a child process: Vite is ESM-only, which
 * Jest's CommonJS module loader cannot import).
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApp } from '../../api/src/bootstrap';
import { ProjectorService } from '../../api/src/infrastructure/projector.service';
import type { Party } from '../../api/src/shared/auth/principal';
import { issueToken } from '../../api/src/shared/auth/token-verifier';

const SECRET = 'console-e2e-secret-0123456789-abcdefghijkl';

export interface ConsoleServer {
  base: string;
  token: (party: Party, sub: string, distributorId?: string) => Promise<string>;
  settled: () => Promise<void>;
  close: () => Promise<void>;
}

/** Builds the console into a fresh directory with the project's own Vite config. */
export async function buildConsole(outDir: string): Promise<void> {
  const vite = join(process.cwd(), 'node_modules/vite/bin/vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', 'apps/console/vite.config.mts', '--outDir', outDir], {
    cwd: process.cwd(),
    timeout: 120_000,
  });
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const work = mkdtempSync(join(tmpdir(), 'cl-console-'));
  const consoleDir = join(work, 'console');
  await buildConsole(consoleDir);
  const env = { DATA_DIR: join(work, 'data'), JWT_SECRET: SECRET, LOG_LEVEL: 'silent' };
  const app: NestExpressApplication = await createApp(env, { consoleDir });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const projector = app.get(ProjectorService);
  return {
    base: `http://127.0.0.1:${port}`,
    token: (party, sub, distributorId) => issueToken(SECRET, { party, sub, ...(distributorId ? { distributorId } : {}) }, '1h'),
    settled: () => projector.settled(),
    close: async () => {
      await app.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
