import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { createApp } from './bootstrap';
import { ConfigError, validateConfig, type AppConfig } from './config/config.schema';
import { DataFileError, EXIT_DATA_FILE, embeddedDataFiles } from '@cl/event-store/sqlite/data-files';
import { describeStores } from './infrastructure/stores';
import { localSecretPath } from './shared/auth/local-secret';

async function main(): Promise<void> {
  try {
    // Fail before opening anything: one line per bad variable, or the data file that cannot be used.
    embeddedDataFiles(validateConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    if (error instanceof DataFileError) {
      process.stderr.write(`channel-ledger cannot start: ${error.message}\n`);
      process.exit(EXIT_DATA_FILE);
    }
    throw error;
  }
  const app = await createApp();
  const config = app.get(ConfigService<AppConfig, true>);
  const port = config.get('PORT', { infer: true });
  await app.listen(port);
  const stores = describeStores({ EVENTSTORE_CONNECTION_STRING: config.get('EVENTSTORE_CONNECTION_STRING'), MONGODB_URL: config.get('MONGODB_URL') });
  process.stdout.write(
    [
      `channel-ledger API on http://localhost:${port} (docs: /docs, console: /console/)`,
      `event store: ${stores.eventStore}, read store: ${stores.readStore}`,
      config.get('JWT_SECRET') || config.get('JWKS_URL')
        ? 'tokens: verified with the configured JWT_SECRET / JWKS_URL'
        : `tokens: signed with the local secret in ${localSecretPath(config.get('DATA_DIR'))}; get one with\n  npm run cli -- token --party company --sub me`,
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  if (error instanceof DataFileError) {
    process.stderr.write(`channel-ledger cannot start: ${error.message}\n`);
    process.exit(EXIT_DATA_FILE);
  }
  process.stderr.write(`channel-ledger failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
