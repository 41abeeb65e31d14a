/**
 * The projector as its own process (PROJECTOR=external on the API instances). Several may run: a
 * lease in the read store keeps exactly one active per projection; the others stand by.
 */
import pino from 'pino';
import { allEventSchemas } from '@cl/domain/schemas';
import { LogDigester } from '@cl/event-store/audit/digester';
import { DataFileError, EXIT_DATA_FILE, embeddedDataFiles } from '@cl/event-store/sqlite/data-files';
import { allProjections, Projector } from '@cl/projections';
import { ConfigError, validateConfig } from '../../api/src/config/config.schema';
import { followingSharedTail, SharedTail } from '../../api/src/infrastructure/shared-tail';
import { createEventStore, createReadStore } from '../../api/src/infrastructure/stores';

async function main(): Promise<void> {
  const config = validateConfig(process.env);
  embeddedDataFiles(config); // a damaged, full or read-only data file: named, before anything is opened
  const logger = pino({ level: config.LOG_LEVEL, name: 'projector' });
  const service = { backgroundCheckpoints: { onError: (err: Error) => logger.error({ err }, 'background WAL checkpoint failed; retrying on schedule') } };
  // Woken by the API's commits (a watch on the log's WAL), not only by the 50 ms poll: see SqliteEventStoreOptions.
  const [events, reads] = await Promise.all([createEventStore(config, { ...service, watchOtherWriters: true }), createReadStore(config, service)]);
  // One reader of the log's tail for the fifteen projections (shared-tail.ts): each followed it on its own,
  // reading and parsing every new event fifteen times (~3,000 reads/s at 400 sales/s). The tail is woken
  // by the WAL watch, which already coalesces the API's commits, so it hands on what it read at once.
  const tail = new SharedTail(events, { coalesceMs: 0 });
  const projector = new Projector(followingSharedTail(events, tail), reads, allProjections, {
    schemas: allEventSchemas,
    onError: (projection, err) => logger.error({ err, projection }, 'projection failed; retrying'),
  });
  await projector.start();
  // The log digests are recorded by whichever process runs the projections.
  const digester = new LogDigester(events, { interval: config.AUDIT_DIGEST_EVERY });
  digester.start(5_000, (err) => logger.error({ err }, 'log digest failed; will retry'));
  logger.info({ projections: allProjections.map((p) => p.name) }, 'projector running');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing the batch in hand');
    await Promise.all([projector.stop(), digester.stop()]);
    await tail.stop();
    await Promise.all([events.close(), reads.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof DataFileError) {
    process.stderr.write(`channel-ledger projector cannot start: ${error.message}\n`);
    process.exit(EXIT_DATA_FILE);
  }
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
