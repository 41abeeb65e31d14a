import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { assignCorrelationId, jsonBody } from './shared/http-middleware';
import { ROOT_LOGGER } from './shared/logging/app-logger';
import { NestPinoLogger } from './shared/logging/nest-logger';
import { requestLogging } from './shared/logging/request-log';
import { validationPipe } from './shared/validation';

export function buildOpenApi(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('channel-ledger')
    .setDescription('System of record between a manufacturer and its distributors. Errors are application/problem+json with a stable `code`.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The console's own policy: its scripts and styles come from /console only (nothing inline), and it
 * talks to this origin only. The API keeps helmet without a CSP, which Swagger UI at /docs needs.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where `npm run build` puts the console: dist/console, seen from dist/apps/api/src or from the sources. */
function defaultConsoleDir(): string | undefined {
  const candidates = [resolve(__dirname, '../../../console'), resolve(__dirname, '../../../dist/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Static files under /console, same origin as the API; not a Nest route, so not in the OpenAPI document. */
function consoleFiles(dir: string | undefined): RequestHandler {
  if (!dir) {
    return (req, res) => {
      res.status(404).type('application/problem+json').json({
        type: 'https://channel-ledger.dev/problems/console-not-built',
        title: 'Not Found',
        status: 404,
        code: 'CONSOLE.NOT_BUILT',
        detail: 'The console is not built: run npm run build',
        instance: req.originalUrl,
        correlationId: req.id,
      });
    };
  }
  const files = express.static(dir, {
    index: 'index.html',
    setHeaders: (res, path) =>
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    files(req, res, next);
  };
}

export interface AppOptions {
  /** The built console to serve at /console; default: dist/console when it exists. */
  consoleDir?: string;
}

/** Everything main.ts and the end-to-end tests share: the same pipes, filters, limits and docs. */
export function configureApp(app: NestExpressApplication, options: AppOptions = {}): NestExpressApplication {
  const logger = app.get(ROOT_LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(assignCorrelationId);
  app.use(requestLogging(logger));
  app.use('/console', consoleFiles(options.consoleDir ?? defaultConsoleDir()));
  app.use(jsonBody(app.get(ConfigService).get('BODY_LIMIT') ?? '256kb'));
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  app.set('trust proxy', false);
  app.set('etag', false); // ETag means the entity's stream revision here; Express's body hashes would blur that
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

export async function createApp(
  env: Record<string, string | undefined> = process.env,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  // abortOnError: false — a provider failing to initialise (a damaged data file found when the store
  // opens it) rejects here, so main.ts can exit with the data-file code instead of Nest's exit(1).
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(env), { bufferLogs: true, bodyParser: false, abortOnError: false });
  return configureApp(app, options);
}
