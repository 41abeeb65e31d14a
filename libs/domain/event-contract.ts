/**
 * The published event contract: a JSON Schema of the `data` of every event type, for its current
 * version and each earlier version an upcaster still reads. event-schemas.json is generated from the
 * event types in <area>/events.ts by `npm run schemas` (tools/event-contract) and checked in; a spec
 * regenerates it and fails while the checked-in file is stale.
 */
import document from './event-schemas.json';

/** A JSON Schema (draft-07) object, as generated. */
export type JsonSchema = Record<string, unknown>;

export interface PublishedEventType {
  currentVersion: number;
  /** Keyed by version number ("1", "2", …). */
  versions: Record<string, JsonSchema>;
}

export interface EventSchemaDocument {
  $comment: string;
  types: Record<string, PublishedEventType>;
}

export const publishedEventSchemas: EventSchemaDocument = document as unknown as EventSchemaDocument;
