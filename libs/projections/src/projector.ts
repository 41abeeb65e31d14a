/**
 * Feeds projections from the event store — never from the in-process bus. Each projection runs its
 * own loop: catch up from its checkpoint, then follow live; every batch of writes is committed
 * together with the new checkpoint, so a crash can neither lose nor double-apply an event.
 */
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import type { EventStore, RecordedEvent } from '@cl/event-store';
import { isDigest } from '@cl/event-store/audit/digester';
import type { ReadStore, WriteOp } from '@cl/read-models';
import { FollowLoop, type BatchSink } from './follow-loop';
import type { Projection, ProjectedEvent } from './projection';

export interface ProjectorOptions {
  schemas: EventSchemas;
  batchSize?: number;
  /** Identifies this process when several compete for the same projection's lease. */
  instanceId?: string;
  leaseTtlMs?: number;
  onError?: (projection: string, error: unknown) => void;
}

export interface RebuildProgress {
  projection: string;
  checkpoint: number;
  head: number;
  eventsPerSecond: number;
}

export function toProjected(schemas: EventSchemas, e: RecordedEvent): ProjectedEvent {
  const { type, data } = upcast(schemas, e);
  return { type, data, id: e.id, stream: e.stream, revision: e.revision, position: e.position, metadata: e.metadata };
}

/**
 * The writes for a batch; each carries its event's position (MongoDB's no-transaction fallback guards
 * on it). Log digests are audit records about the log, not domain facts: no read model is built from them.
 */
export function projectBatch(projection: Projection, schemas: EventSchemas, events: RecordedEvent[]): WriteOp[] {
  return projectEvents(projection, upcastBatch(schemas, events));
}

/** A batch upcast once, for every projection that reads it (a rebuild of all projections). */
const upcastBatch = (schemas: EventSchemas, events: RecordedEvent[]): ProjectedEvent[] =>
  events.filter((e) => !isDigest(e)).map((e) => toProjected(schemas, e));

function projectEvents(projection: Projection, events: ProjectedEvent[]): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const e of events) for (const op of projection.project(e)) ops.push({ ...op, position: e.position });
  return ops;
}

interface RebuildTarget {
  projection: Projection;
  previous: number;
  generation: number;
}

export class Projector {
  private readonly loops = new Map<string, FollowLoop>();
  private readonly batchSize: number;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly projections: Projection[],
    private readonly options: ProjectorOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  async start(): Promise<void> {
    for (const p of this.projections) {
      await this.register(p);
      const sink = projectionSink(p, this.store, this.options.schemas);
      const loop = new FollowLoop(sink, `projection:${p.name}`, this.events, this.store, { ...this.options, batchSize: this.batchSize });
      this.loops.set(p.name, loop);
      loop.start();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.loops.values()].map((l) => l.stop()));
    this.loops.clear();
  }

  /** Projections whose live loop failed and has not committed since: health reports them. */
  failing(): Array<{ projection: string; since: Date }> {
    return [...this.loops.values()].flatMap((l) => (l.failingSince ? [{ projection: l.name, since: l.failingSince }] : []));
  }

  /** Resolves when every running projection has applied everything up to `position` (default: the head now). */
  async waitFor(position?: number, timeoutMs = 10_000): Promise<void> {
    const target = position ?? (await this.events.headPosition());
    const deadline = Date.now() + timeoutMs;
    for (const p of this.projections) {
      while ((await this.store.status(p.name)).checkpoint < target) {
        if (Date.now() > deadline) throw new Error(`projection ${p.name} did not reach position ${target}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }

  /**
   * Rebuild aside: fill a new generation from position 0 while queries read the active one, then
   * activate it in the same transaction as the last batch, and drop the old one. A running live
   * loop notices the swap (StaleGenerationError) and continues on the new generation.
   */
  async rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<void> {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`Unknown projection ${name}`);
    await this.rebuildTogether([projection], onProgress);
  }

  /** Every projection rebuilt from one read of the log: each batch read once, upcast once, committed per projection. */
  async rebuildAll(onProgress?: (p: RebuildProgress) => void): Promise<void> {
    await this.rebuildTogether(this.projections, onProgress);
  }

  private async rebuildTogether(projections: Projection[], onProgress?: (p: RebuildProgress) => void): Promise<void> {
    const targets: RebuildTarget[] = [];
    for (const projection of projections) {
      await this.register(projection);
      const previous = (await this.store.status(projection.name)).activeGeneration;
      targets.push({ projection, previous, generation: await this.store.beginRebuild(projection.name) });
    }
    const started = Date.now();
    const readSize = this.batchSize * 4;
    let checkpoint = 0;
    for (;;) {
      const batch = await this.events.readAll({ after: checkpoint, maxCount: readSize });
      const last = batch.length < readSize;
      const next = batch.length ? batch[batch.length - 1].position : checkpoint;
      const events = upcastBatch(this.options.schemas, batch);
      const head = onProgress ? await this.events.headPosition() : 0;
      for (const { projection, generation } of targets) {
        const ops = projectEvents(projection, events);
        await this.store.commit({ projection: projection.name, generation, expectedCheckpoint: checkpoint, checkpoint: next, ops, activate: last });
        const eventsPerSecond = next / Math.max(0.001, (Date.now() - started) / 1000);
        onProgress?.({ projection: projection.name, checkpoint: next, head, eventsPerSecond });
      }
      checkpoint = next;
      if (last) break;
    }
    for (const t of targets) if (t.previous !== t.generation) await this.store.dropGeneration(t.projection.name, t.previous);
  }

  private async register(projection: Projection): Promise<void> {
    await this.store.registerProjection(projection.name, projection.collections);
    await this.store.ensureIndexes(projection.indexes ?? []);
    // Its declarations are the whole truth for its collections: an index an earlier version declared goes.
    await this.store.retireIndexes(projection.collections, projection.indexes ?? []);
  }
}

/** A projection as a sink of the follow loop: ops and checkpoint committed together, on the active generation. */
function projectionSink(projection: Projection, store: ReadStore, schemas: EventSchemas): BatchSink {
  let generation = 0;
  return {
    name: projection.name,
    async resume() {
      const status = await store.status(projection.name);
      generation = status.activeGeneration;
      return status.checkpoint;
    },
    async apply(batch, from) {
      const ops = projectBatch(projection, schemas, batch);
      await store.commit({ projection: projection.name, generation, expectedCheckpoint: from, checkpoint: batch[batch.length - 1].position, ops });
    },
  };
}
