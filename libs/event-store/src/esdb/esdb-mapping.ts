/** Translation between the port's envelope and `@eventstore/db-client`'s types. */
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type EventData,
  type Position,
  type ResolvedEvent,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import type { EventMetadata } from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision, NewEvent, RecordedEvent } from '../port';

/**
 * Our schema version travels in EventStoreDB's event metadata under this key, next to our metadata
 * fields. The `$` marks it as the store's envelope, not application metadata; it is removed on read.
 */
export const SCHEMA_VERSION_KEY = '$schemaVersion';

/** Position reported when the server gives none (stream reads on old servers send no commit position). */
export const UNKNOWN_POSITION = -1;

export function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected);
}

export function toEventData(e: NewEvent): EventData {
  return jsonEvent({
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: { ...e.metadata, [SCHEMA_VERSION_KEY]: e.schemaVersion },
  });
}

/** Our position is the commit position: reading "after" it starts there and drops that event. */
export const toClientPosition = (after: number): Position => ({ commit: BigInt(after), prepare: BigInt(after) });

export function toPosition(commit: bigint | undefined): number {
  if (commit === undefined || commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) return UNKNOWN_POSITION;
  return Number(commit);
}

export function toRecorded({ event }: ResolvedEvent): RecordedEvent {
  if (!event) throw new Error('EventStoreDB returned a link whose event is gone');
  if (!event.isJson) throw new Error(`Event ${event.id} in ${event.streamId} is not JSON; this store reads JSON events only`);
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position?.commit),
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as EventMetadata,
  };
}

/** The client's conflict error, restated in the port's terms; anything else passes through. */
export function toPortError(error: unknown, stream: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualVersion;
  return new WrongExpectedRevisionError(stream, expected, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
}
