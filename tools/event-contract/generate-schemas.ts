/**
 * Generates the event contract from the TypeScript event types, its one source of truth. The current
 * version of type `T` is the exported type `T` in libs/domain/<area>/events.ts; each earlier version
 * n that an upcaster still reads is the exported, frozen type `TVn` beside it. The feed also carries
 * the log digests the event store records itself (STORE_EVENTS). Each schema describes the event's
 * `data` and carries the definitions it refers to, so a consumer can use any one of them alone.
 */
import { join } from 'node:path';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import type { EventSchemaDocument, JsonSchema, PublishedEventType } from '../../libs/domain/event-contract';
import { allEventSchemas } from '../../libs/domain/schemas';
import { DIGEST_EVENT } from '../../libs/event-store/src/audit/digester';

const ROOT = join(__dirname, '..', '..');
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const COMMENT =
  'Generated from the event types in libs/domain/*/events.ts by `npm run schemas`. Do not edit: change the types and regenerate.';

type Definitions = Record<string, JsonSchema>;

/** Event types the event store records itself, outside the domain's registry; each has one version. */
const STORE_EVENTS = [
  {
    type: DIGEST_EVENT,
    path: 'libs/event-store/src/audit/digester.ts',
    dataType: 'LogDigest',
    description:
      'A digest of the log (stream `audit-digests`): after every N events, the count, the position reached and the rolling hash (docs/audit.md).',
  },
];

/** The TypeScript type that declares `version` of event type `type`. */
export const typeNameOf = (type: string, version: number, current: number): string => (version === current ? type : `${type}V${version}`);

export function generateEventSchemas(): EventSchemaDocument {
  const definitions = definitionsOf('libs/domain/*/events.ts', '*');
  const types: Record<string, PublishedEventType> = {};
  for (const type of Object.keys(allEventSchemas)) {
    const currentVersion = allEventSchemas[type].version;
    const versions: Record<string, JsonSchema> = {};
    for (let v = 1; v <= currentVersion; v++)
      versions[String(v)] = eventDataSchema(definitions, type, v, typeNameOf(type, v, currentVersion));
    types[type] = { currentVersion, versions };
  }
  for (const store of STORE_EVENTS) {
    const own = definitionsOf(store.path, store.dataType);
    const data = { description: store.description, ...own[store.dataType] };
    types[store.type] = { currentVersion: 1, versions: { '1': withDefinitions(own, store.type, 1, data) } };
  }
  const sorted = Object.fromEntries(
    Object.keys(types)
      .sort()
      .map((t) => [t, types[t]]),
  );
  return { $comment: COMMENT, types: sorted };
}

function definitionsOf(path: string, type: string): Definitions {
  const config: Config = {
    path: join(ROOT, path),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    // tsc checks these sources already; the generator only needs their types.
    skipTypeCheck: true,
    additionalProperties: false,
  };
  return (createGenerator(config).createSchema(type).definitions ?? {}) as Definitions;
}

/** The schema of one version's `data`, with the JSDoc of the event's type as its description. */
function eventDataSchema(definitions: Definitions, type: string, version: number, typeName: string): JsonSchema {
  const declared = definitions[typeName];
  if (!declared) {
    throw new Error(
      `${type} is at version ${allEventSchemas[type].version}: export its version ${version} as the type ${typeName} in its events.ts`,
    );
  }
  const event = resolve(definitions, declared);
  const properties = event.properties as Record<string, JsonSchema> | undefined;
  if ((properties?.type as JsonSchema | undefined)?.const !== type || !properties?.data) {
    throw new Error(`${typeName} is not an Event<'${type}', …>`);
  }
  const data = resolve(definitions, properties.data);
  const described = typeof declared.description === 'string' ? { description: declared.description, ...data } : data;
  return withDefinitions(definitions, type, version, described);
}

/** A standalone schema: its title, and the definitions it refers to. */
function withDefinitions(definitions: Definitions, type: string, version: number, data: JsonSchema): JsonSchema {
  const used = reachableDefinitions(definitions, data);
  return { $schema: DRAFT_07, title: `${type} v${version}`, ...data, ...(Object.keys(used).length ? { definitions: used } : {}) };
}

function resolve(definitions: Definitions, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  return typeof ref === 'string' ? resolve(definitions, definitions[refName(ref)]) : schema;
}

const refName = (ref: string): string => decodeURIComponent(ref.replace('#/definitions/', ''));

/** The named definitions `schema` refers to, directly or through each other, sorted by name. */
function reachableDefinitions(definitions: Definitions, schema: JsonSchema): Definitions {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !found.has(refName(value))) {
        found.add(refName(value));
        visit(definitions[refName(value)]);
      } else visit(value);
    }
  };
  visit(schema);
  return Object.fromEntries([...found].sort().map((name) => [name, definitions[name]]));
}
