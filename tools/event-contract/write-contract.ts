/**
 * `npm run schemas`: regenerates the published event schemas from the TypeScript event types and the
 * recorded sample events from the deciders, and writes both. Refuses a breaking change to a version
 * already published (see compatibility.ts) unless run with --accept-breaking, for a type that has
 * never been published to anyone.
 */
import { existsSync, writeFileSync } from 'node:fs';
import type { EventSchemaDocument } from '../../libs/domain/event-contract';
import { breakingChanges } from './compatibility';
import { freshSamples, freshSchemas, pathOf, readCheckedIn, SAMPLES_FILE, SCHEMAS_FILE } from './contract-files';
import { EventValidator } from './event-validator';

function main(): void {
  const schemas = freshSchemas();
  const published = existsSync(pathOf(SCHEMAS_FILE)) ? readCheckedIn<EventSchemaDocument>(SCHEMAS_FILE) : undefined;
  const breaking = published ? breakingChanges(published, schemas) : [];
  if (breaking.length > 0 && !process.argv.includes('--accept-breaking')) {
    fail(['Breaking changes to published event versions (add a new version and an upcaster instead, see docs/events.md):', ...breaking]);
  }
  const samples = freshSamples();
  const validator = new EventValidator(schemas);
  const invalid = samples.events.flatMap((e) => validator.problems(e).map((p) => `${e.source}: ${p}`));
  if (invalid.length > 0) fail(['Sample events that do not match their schema:', ...invalid]);
  writeFileSync(pathOf(SCHEMAS_FILE), `${JSON.stringify(schemas, null, 2)}\n`);
  writeFileSync(pathOf(SAMPLES_FILE), `${JSON.stringify(samples, null, 2)}\n`);
  process.stdout.write(
    `${Object.keys(schemas.types).length} event types → ${SCHEMAS_FILE}; ${samples.events.length} samples → ${SAMPLES_FILE}\n`,
  );
}

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n  ')}\n`);
  process.exit(1);
}

main();
