/**
 * Runs the counting projection against the given SQLite files until killed. The crash test sends
 * SIGKILL at random moments, including between applying a batch and moving the checkpoint.
 */
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../../read-models/src/sqlite/sqlite-read-store';
import { Projector } from '../projector';
import { countingProjection, countingSchemas } from './counting.projection';

const [eventsFile, readsFile] = process.argv.slice(2);
const events = new SqliteEventStore(eventsFile);
const reads = new SqliteReadStore(readsFile);
const projector = new Projector(events, reads, [countingProjection], {
  schemas: countingSchemas,
  batchSize: 50,
  leaseTtlMs: 200,
  onError: (_, err) => process.stderr.write(`${String(err)}\n`),
});
projector.start().then(() => process.stdout.write('started\n'));
