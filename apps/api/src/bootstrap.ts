import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { assignCorrelationId, jsonBody } from './shared/http-middleware';
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

/** Everything main.ts and the end-to-end tests share: the same pipes, filters, limits and docs. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(assignCorrelationId);
  app.use(jsonBody(app.get(ConfigService).get('BODY_LIMIT') ?? '256kb'));
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  app.set('trust proxy', false);
  app.set('etag', false); // ETag means the entity's stream revision here; Express's body hashes would blur that
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

export async function createApp(env: Record<string, string | undefined> = process.env): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(env), { bufferLogs: true, bodyParser: false });
  return configureApp(app);
}
