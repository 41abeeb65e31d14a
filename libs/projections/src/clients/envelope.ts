/** What every read-model document of the client and dispute areas takes from an event's envelope. */
import type { Actor } from '@cl/domain/shared/types';
import type { ProjectedEvent } from '../projection';

/** The acting party as recorded (compliance and the system act too, so this is not a Side). */
export type ActedBy = Actor;

export function actedBy(e: ProjectedEvent): ActedBy {
  const { party, userId, distributorId } = e.metadata.actor;
  return { party, userId, ...(distributorId ? { distributorId } : {}) };
}

/** `revision` is the ETag of the document's own stream; `updatedAt` when that stream last changed it. */
export const stamp = (e: ProjectedEvent) => ({ revision: e.revision, updatedAt: e.metadata.recordedAt });

/**
 * A territory and every coarser code above it ('PL-MZ' → ['PL', 'PL-MZ']): the codes whose coverage
 * includes it, as `territoryCovers` judges, so `{ territoryPath: { $in: territories } }` finds the
 * clients a set of territories covers.
 */
export function territoryPath(territory: string): string[] {
  const parts = territory.split('-');
  return parts.map((_, i) => parts.slice(0, i + 1).join('-'));
}
