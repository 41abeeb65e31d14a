/**
 * The published schemas are generated from the TypeScript event types and checked in: the checked-in
 * file must be what the types generate now, cover every event type and version the API reads, and
 * compile as strict JSON Schema.
 */
import Ajv from 'ajv';
import type { EventSchemaDocument } from '../../libs/domain/event-contract';
import { publishedEventSchemas } from '../../libs/domain/event-contract';
import { allEventSchemas } from '../../libs/domain/schemas';
import { DIGEST_EVENT } from '../../libs/event-store/src/audit/digester';
import { breakingChanges } from './compatibility';
import { freshSchemas, readCheckedIn, REGENERATE, SCHEMAS_FILE } from './contract-files';

describe('published event schemas', () => {
  let fresh: EventSchemaDocument;
  const checkedIn = readCheckedIn<EventSchemaDocument>(SCHEMAS_FILE);

  beforeAll(() => {
    fresh = freshSchemas();
  });

  it(`are what the event types generate now (else ${REGENERATE})`, () => {
    const names = new Set([...Object.keys(fresh.types), ...Object.keys(checkedIn.types)]);
    const stale = [...names].filter((t) => JSON.stringify(fresh.types[t]) !== JSON.stringify(checkedIn.types[t]));
    if (stale.length > 0) throw new Error(`${SCHEMAS_FILE} is stale for ${stale.join(', ')}: ${REGENERATE}`);
    expect(fresh).toEqual(checkedIn);
  });

  it('are what the API serves', () => {
    expect(publishedEventSchemas).toEqual(checkedIn);
  });

  it('cover every event type at its current version and every earlier one, and the log digests', () => {
    const expected = Object.fromEntries(
      Object.entries(allEventSchemas).map(([type, s]) => [type, { currentVersion: s.version, versions: range(s.version) }]),
    );
    const actual = Object.fromEntries(
      Object.entries(checkedIn.types).map(([type, t]) => [type, { currentVersion: t.currentVersion, versions: Object.keys(t.versions) }]),
    );
    expect(actual).toEqual({ ...expected, [DIGEST_EVENT]: { currentVersion: 1, versions: ['1'] } });
  });

  it('have an upcaster for every version before the current one (else the earlier schema describes events nobody can read)', () => {
    const missing = Object.entries(allEventSchemas).flatMap(([type, s]) =>
      range(s.version)
        .slice(0, -1)
        .filter((v) => typeof s.upcasters?.[Number(v)] !== 'function')
        .map((v) => `${type} v${v}`),
    );
    expect(missing).toEqual([]);
  });

  it('compile as strict draft-07 schemas, each standalone, forbidding fields the type does not declare', () => {
    const ajv = new Ajv({ strict: true });
    for (const [type, t] of Object.entries(checkedIn.types)) {
      for (const [version, schema] of Object.entries(t.versions)) {
        expect({ type, version, compiles: typeof ajv.compile(schema) }).toEqual({ type, version, compiles: 'function' });
        expect({ type, version, additionalProperties: schema.additionalProperties }).toEqual({
          type,
          version,
          additionalProperties: false,
        });
      }
    }
  });

  it('carry the JSDoc of the types as descriptions', () => {
    const refused = checkedIn.types.SaleRefused.versions['2'] as { properties: Record<string, { description?: string }> };
    expect(refused.properties.total.description).toMatch(/what the refused sale\s+was worth/);
    expect(checkedIn.types.ClientClaimRefused.versions['1'].description).toMatch(/the claim is refused AND recorded/);
  });
});

describe('the evolution rule (npm run schemas refuses breaking changes to a published version)', () => {
  const published = readCheckedIn<EventSchemaDocument>(SCHEMAS_FILE);
  const changed = (type: string, version: string, change: (schema: Record<string, unknown>) => void): EventSchemaDocument => {
    const next = JSON.parse(JSON.stringify(published)) as EventSchemaDocument;
    change(next.types[type].versions[version]);
    return next;
  };
  const properties = (s: Record<string, unknown>) => s.properties as Record<string, Record<string, unknown>>;

  it('allows a new optional field', () => {
    const next = changed('ClientReleased', '1', (s) => (properties(s).note = { type: 'string' }));
    expect(breakingChanges(published, next)).toEqual([]);
  });

  it('refuses removing, retyping or newly requiring a field, and dropping an allowed value', () => {
    expect(
      breakingChanges(
        published,
        changed('ClientReleased', '1', (s) => delete properties(s).reason),
      ),
    ).toEqual(['ClientReleased v1: reason was removed']);
    expect(
      breakingChanges(
        published,
        changed('ClientReleased', '1', (s) => (properties(s).reason = { type: 'number' })),
      ),
    ).toEqual(['ClientReleased v1: reason changed from {"type":"string"} to {"type":"number"}']);
    const required = changed('ClientReleased', '1', (s) => {
      properties(s).note = { type: 'string' };
      (s.required as string[]).push('note');
    });
    expect(breakingChanges(published, required)).toEqual(['ClientReleased v1: note is newly required']);
    const narrowed = changed('ClientInteractionLogged', '1', (s) => {
      const kinds = (s.definitions as Record<string, { enum: string[] }>).InteractionKind;
      kinds.enum = kinds.enum.filter((k) => k !== 'visit');
    });
    expect(breakingChanges(published, narrowed)).toEqual(['ClientInteractionLogged v1 InteractionKind no longer allows "visit"']);
  });

  it('refuses removing a published version', () => {
    const next = JSON.parse(JSON.stringify(published)) as EventSchemaDocument;
    delete next.types.SaleRefused.versions['1'];
    expect(breakingChanges(published, next)).toEqual(['SaleRefused v1: the version was removed']);
  });
});

const range = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));
