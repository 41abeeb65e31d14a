/**
 * Starts the real API (embedded SQLite stores in a temp DATA_DIR, in-process projector) for
 * end-to-end specs, and issues tokens for each role.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { AppModule } from '../app.module';
import { configureApp } from '../bootstrap';
import { ProjectorService } from '../infrastructure/projector.service';
import { issueToken } from '../shared/auth/token-verifier';
import type { Party } from '../shared/auth/principal';

export const TEST_SECRET = 'test-secret-for-end-to-end-specs-0123456789';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  dataDir: string;
  events: EventStore;
  token: (party: Party, options?: { sub?: string; distributorId?: string; expiresIn?: string | number }) => Promise<string>;
  /** Waits until every projection and reactor has handled everything appended so far (and what reactors appended). */
  settled: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cl-e2e-'));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ...env })],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false }));
  await app.init();
  const projector = app.get(ProjectorService);
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataDir,
    events: app.get<EventStore>(EVENT_STORE),
    token: (party, o = {}) =>
      issueToken(TEST_SECRET, { party, sub: o.sub ?? `${party}-user`, ...(o.distributorId ? { distributorId: o.distributorId } : {}) }, o.expiresIn ?? '1h', {
        issuer: env.JWT_ISSUER,
        audience: env.JWT_AUDIENCE,
      }),
    settled: () => projector.settled(),
    close: async () => {
      await app.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
