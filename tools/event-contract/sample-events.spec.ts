/**
 * The recorded sample events (made by running the deciders) conform to the published schemas: every
 * type at its current version, and each earlier version both as stored and as upcast for reading.
 * The schemas are strict, so a producer that emits an undeclared field fails here too.
 */
import type { EventSchemaDocument } from '../../libs/domain/event-contract';
import type { SampleEventsFile } from '../../libs/domain/testing/samples';
import { allEventSchemas } from '../../libs/domain/schemas';
import { upcast } from '../../libs/domain/shared/schemas';
import { freshSamples, readCheckedIn, REGENERATE, SAMPLES_FILE, SCHEMAS_FILE } from './contract-files';
import { EventValidator } from './event-validator';

describe('recorded sample events', () => {
  const schemas = readCheckedIn<EventSchemaDocument>(SCHEMAS_FILE);
  const samples = readCheckedIn<SampleEventsFile>(SAMPLES_FILE).events;
  const validator = new EventValidator(schemas);

  it(`are what the deciders produce now (else ${REGENERATE})`, () => {
    const fresh = freshSamples().events;
    const stale = fresh.filter((s, i) => JSON.stringify(s) !== JSON.stringify(samples[i])).map((s) => s.source);
    if (stale.length > 0 || fresh.length !== samples.length)
      throw new Error(`${SAMPLES_FILE} is stale (${stale.slice(0, 5).join('; ')}): ${REGENERATE}`);
    expect(fresh).toEqual(samples);
  });

  it('include every published type and version', () => {
    const published = Object.entries(schemas.types).flatMap(([type, t]) => Object.keys(t.versions).map((v) => `${type}.v${v}`));
    const sampled = new Set(samples.map((s) => `${s.type}.v${s.schemaVersion}`));
    expect(published.filter((key) => !sampled.has(key))).toEqual([]);
  });

  it('each conform to the schema of their type and version', () => {
    expect(samples.flatMap((s) => validator.problems(s).map((p) => `${s.source}: ${p}`))).toEqual([]);
  });

  it('of an earlier version conform to the current schema once upcast, as every reader and the feed see them', () => {
    const earlier = samples.filter((s) => allEventSchemas[s.type] && s.schemaVersion < allEventSchemas[s.type].version);
    expect(earlier.length).toBeGreaterThan(0);
    const problems = earlier.flatMap((s) => {
      const { data } = upcast(allEventSchemas, s);
      return validator.problems({ type: s.type, schemaVersion: allEventSchemas[s.type].version, data });
    });
    expect(problems).toEqual([]);
  });

  it('would be refused with a field missing, a field the type does not declare, or a field of another type', () => {
    const refusals = samples.map((s) => {
      const [first] = Object.keys(s.data);
      const { [first]: _dropped, ...missing } = s.data;
      return {
        type: `${s.type}.v${s.schemaVersion}`,
        missing: validator.problems({ ...s, data: missing }).length > 0,
        undeclared: validator.problems({ ...s, data: { ...s.data, undeclared: true } }).length > 0,
        retyped: validator.problems({ ...s, data: { ...s.data, [first]: [] } }).length > 0,
      };
    });
    expect(refusals.filter((r) => !(r.missing && r.undeclared && r.retyped))).toEqual([]);
  });
});
