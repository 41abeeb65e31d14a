/**
 * For projection specs: wrap plain domain events as the projector delivers them, and apply a
 * projection's ops to a real embedded read store in a temp file, as one committed batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@cl/domain/shared/types';
import { SqliteReadStore } from '@cl/read-models/sqlite/sqlite-read-store';
import type { Projection, ProjectedEvent } from '../projection';

export interface StreamedEvent {
  stream: string;
  event: Event;
}

/** Revisions count per stream and positions globally, from the order given. */
export function asProjected(events: StreamedEvent[]): ProjectedEvent[] {
  const revisions = new Map<string, number>();
  return events.map(({ stream, event }, i) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    const recordedAt = new Date(Date.UTC(2025, 11, 1) + i * 60_000).toISOString();
    const metadata = { actor: { party: 'company' as const, userId: 'ceo' }, correlationId: `c-${i}`, causationId: `c-${i}`, recordedAt };
    return { ...event, id: `e-${i}`, stream, revision, position: i + 1, metadata };
  });
}

export interface TempReadStore {
  store: SqliteReadStore;
  /** Projects the events and commits every op in one batch. */
  apply(projection: Projection, events: ProjectedEvent[]): Promise<void>;
  close(): Promise<void>;
}

export function tempReadStore(): TempReadStore {
  const dir = mkdtempSync(join(tmpdir(), 'cl-projection-'));
  const store = new SqliteReadStore(join(dir, 'reads.db'));
  return {
    store,
    async apply(projection, events) {
      await store.registerProjection(projection.name, projection.collections);
      const { activeGeneration, checkpoint } = await store.status(projection.name);
      const ops = events.flatMap((e) => projection.project(e).map((op) => ({ ...op, position: e.position })));
      await store.commit({
        projection: projection.name,
        generation: activeGeneration,
        expectedCheckpoint: checkpoint,
        checkpoint: checkpoint + events.length,
        ops,
      });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
