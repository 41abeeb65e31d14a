/** Where the generated contract lives, and what it holds when regenerated now. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventSchemaDocument } from '../../libs/domain/event-contract';
import { sampleEventsFile, type SampleEventsFile } from '../../libs/domain/testing/samples';
import { generateEventSchemas } from './generate-schemas';
import { storeSamples } from './store-samples';

const ROOT = join(__dirname, '..', '..');
export const SCHEMAS_FILE = 'libs/domain/event-schemas.json';
export const SAMPLES_FILE = 'libs/domain/testing/sample-events.json';
export const REGENERATE = 'run `npm run schemas`';

export const freshSchemas = (): EventSchemaDocument => generateEventSchemas();

export function freshSamples(): SampleEventsFile {
  const domain = sampleEventsFile();
  return { ...domain, events: [...domain.events, ...storeSamples()] };
}

export function readCheckedIn<T>(file: string): T {
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
}

export const pathOf = (file: string): string => join(ROOT, file);
