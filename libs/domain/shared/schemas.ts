/**
 * Event schema versions and upcasters. Each event type declares its current version; stored events of
 * an older version are upcast step by step (v1 → v2 → …) when read. A type this build does not know,
 * or a version newer than it understands, is an explicit error: silently skipping a fact is never safe.
 */
import type { Event } from './types';

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventSchema {
  version: number;
  /** upcasters[n] turns version n into version n + 1. */
  upcasters?: Record<number, Upcaster>;
}

export type EventSchemas = Record<string, EventSchema>;

export class UnknownEventTypeError extends Error {
  readonly code = 'EVENT.UNKNOWN_TYPE';
  constructor(readonly type: string) {
    super(`Unknown event type ${type}`);
    this.name = 'UnknownEventTypeError';
  }
}

export class UnsupportedSchemaVersionError extends Error {
  readonly code = 'EVENT.UNSUPPORTED_SCHEMA_VERSION';
  constructor(
    readonly type: string,
    readonly version: number,
    readonly supported: number,
  ) {
    super(`Event ${type} has schema version ${version}; this build understands versions up to ${supported}`);
    this.name = 'UnsupportedSchemaVersionError';
  }
}

export interface StoredEventLike {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/** Turns a stored event into the current shape of its type, or throws. */
export function upcast<E extends Event>(schemas: EventSchemas, stored: StoredEventLike): E {
  const schema = schemas[stored.type];
  if (!schema) throw new UnknownEventTypeError(stored.type);
  if (!Number.isInteger(stored.schemaVersion) || stored.schemaVersion < 1 || stored.schemaVersion > schema.version) {
    throw new UnsupportedSchemaVersionError(stored.type, stored.schemaVersion, schema.version);
  }
  let data = stored.data;
  for (let v = stored.schemaVersion; v < schema.version; v++) {
    const step = schema.upcasters?.[v];
    if (!step) throw new UnsupportedSchemaVersionError(stored.type, stored.schemaVersion, schema.version);
    data = step(data);
  }
  return { type: stored.type, data } as unknown as E;
}

export function currentVersion(schemas: EventSchemas, type: string): number {
  const schema = schemas[type];
  if (!schema) throw new UnknownEventTypeError(type);
  return schema.version;
}
