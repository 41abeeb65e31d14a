/**
 * For read models kept by increments: applying the log live, one event per batch, and rebuilding it
 * into a fresh generation in one batch must read the same — the only way the store ever applies an
 * event again is a rebuild (a batch re-delivered from a checkpoint already passed is refused).
 */
import type { Doc } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../../projection';
import type { TempReadStore } from '../../testing/project-events';

/** Each event committed as its own batch, as the live projector may deliver them. */
export async function applyOneByOne(reads: TempReadStore, projection: Projection, events: ProjectedEvent[]): Promise<void> {
  for (const event of events) await reads.apply(projection, [event]);
}

/** Rebuilds the projection from the given log into a new generation and activates it. */
export async function rebuild(reads: TempReadStore, projection: Projection, events: ProjectedEvent[]): Promise<void> {
  const generation = await reads.store.beginRebuild(projection.name);
  const ops = events.flatMap((e) => projection.project(e).map((op) => ({ ...op, position: e.position })));
  const checkpoint = events.at(-1)?.position ?? 0;
  await reads.store.commit({ projection: projection.name, generation, expectedCheckpoint: 0, checkpoint, ops, activate: true });
}

export const allDocs = <T extends Doc>(reads: TempReadStore, collection: string): Promise<T[]> =>
  reads.store.find<T>(collection, {}, { sort: { _id: 1 } });
