import { upcast, UnknownEventTypeError, UnsupportedSchemaVersionError, type EventSchemas } from './schemas';

const schemas: EventSchemas = {
  Renamed: {
    version: 3,
    upcasters: {
      1: (d) => ({ ...d, name: d.title, title: undefined }),
      2: (d) => ({ fullName: d.name }),
    },
  },
};

describe('event schema versions', () => {
  it('upcasts an old version step by step to the current one', () => {
    expect(upcast(schemas, { type: 'Renamed', schemaVersion: 1, data: { title: 'A' } })).toEqual({ type: 'Renamed', data: { fullName: 'A' } });
  });

  it('passes the current version through unchanged', () => {
    expect(upcast(schemas, { type: 'Renamed', schemaVersion: 3, data: { fullName: 'B' } }).data).toEqual({ fullName: 'B' });
  });

  it('refuses a newer version than this build understands', () => {
    expect(() => upcast(schemas, { type: 'Renamed', schemaVersion: 4, data: {} })).toThrow(UnsupportedSchemaVersionError);
  });

  it('refuses an unknown type', () => {
    expect(() => upcast(schemas, { type: 'Nope', schemaVersion: 1, data: {} })).toThrow(UnknownEventTypeError);
  });

  it('refuses an old version whose upcaster is missing', () => {
    expect(() => upcast({ X: { version: 2 } }, { type: 'X', schemaVersion: 1, data: {} })).toThrow(UnsupportedSchemaVersionError);
  });
});
