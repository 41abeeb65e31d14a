import type { Event } from '@cl/domain/shared/types';
import type { EventMetadata } from '@cl/event-store';
import type { IndexSpec, WriteOp } from '@cl/read-models';

/** A stored event after upcasting, with the envelope fields projections may need. */
export type ProjectedEvent<E extends Event = Event> = E & {
  id: string;
  stream: string;
  revision: number;
  position: number;
  metadata: EventMetadata;
};

/**
 * A read model's projection: a pure function from one event to MongoDB-style writes. Written once,
 * applied by either read store adapter. Events it does not care about yield [].
 */
export interface Projection {
  name: string;
  /** The collections this projection owns; they are rebuilt and swapped together. */
  collections: string[];
  /** Secondary indexes on its collections: for the filters its own updates and its readers use. */
  indexes?: IndexSpec[];
  project(event: ProjectedEvent): WriteOp[];
}
