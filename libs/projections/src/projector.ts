/**
 * Feeds projections from the event store — never from the in-process bus. Each projection runs its
 * own loop: catch up from its checkpoint, then follow live; every batch of writes is committed
 * together with the new checkpoint, so a crash can neither lose nor double-apply an event.
 */
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import type { EventStore, RecordedEvent, Subscription } from '@cl/event-store';
import { isDigest } from '@cl/event-store/audit/digester';
import { StaleGenerationError, type ReadStore, type WriteOp } from '@cl/read-models';
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
  return events
    .filter((e) => !isDigest(e))
    .flatMap((e) => projection.project(toProjected(schemas, e)).map((op) => ({ ...op, position: e.position })));
}

export class Projector {
  private readonly loops = new Map<string, ProjectionLoop>();
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
      await this.store.registerProjection(p.name, p.collections);
      const loop = new ProjectionLoop(p, this.events, this.store, { ...this.options, batchSize: this.batchSize });
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
    await this.store.registerProjection(projection.name, projection.collections);
    const previous = (await this.store.status(name)).activeGeneration;
    const generation = await this.store.beginRebuild(name);
    const started = Date.now();
    let checkpoint = 0;
    for (;;) {
      const batch = await this.events.readAll({ after: checkpoint, maxCount: this.batchSize * 4 });
      const last = batch.length < this.batchSize * 4;
      const next = batch.length ? batch[batch.length - 1].position : checkpoint;
      const ops = projectBatch(projection, this.options.schemas, batch);
      await this.store.commit({ projection: name, generation, expectedCheckpoint: checkpoint, checkpoint: next, ops, activate: last });
      checkpoint = next;
      const head = await this.events.headPosition();
      onProgress?.({ projection: name, checkpoint, head, eventsPerSecond: checkpoint / Math.max(0.001, (Date.now() - started) / 1000) });
      if (last) break;
    }
    if (previous !== generation) await this.store.dropGeneration(name, previous);
  }

  async rebuildAll(onProgress?: (p: RebuildProgress) => void): Promise<void> {
    for (const p of this.projections) await this.rebuild(p.name, onProgress);
  }
}

/** The live loop of one projection: lease → subscribe from checkpoint → batch → commit, until stopped. */
class ProjectionLoop {
  failingSince?: Date;
  private running = false;
  private subscription?: Subscription;
  private done?: Promise<void>;
  private readonly owner: string;

  constructor(
    private readonly projection: Projection,
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly options: ProjectorOptions & { batchSize: number },
  ) {
    this.owner = options.instanceId ?? `projector-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  }

  start(): void {
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.close();
    await this.done;
    await this.store.releaseLease(this.leaseName, this.owner).catch(() => undefined);
  }

  get name(): string {
    return this.projection.name;
  }

  private get leaseName(): string {
    return `projection:${this.projection.name}`;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.holdLease())) {
          await sleep((this.options.leaseTtlMs ?? 15_000) / 3);
          continue;
        }
        await this.follow();
      } catch (error) {
        if (!(error instanceof StaleGenerationError)) {
          this.failingSince ??= new Date();
          this.options.onError?.(this.projection.name, error);
          await sleep(1000);
        }
      }
    }
  }

  private holdLease(): Promise<boolean> {
    return this.store.acquireLease(this.leaseName, this.owner, this.options.leaseTtlMs ?? 15_000);
  }

  /** Reads the subscription into batches: whatever has arrived is committed as one transaction. */
  private async follow(): Promise<void> {
    const status = await this.store.status(this.projection.name);
    let checkpoint = status.checkpoint;
    const generation = status.activeGeneration;
    await this.refuseCheckpointBeyondHead(checkpoint);
    const subscription = this.events.subscribeToAll({ after: checkpoint });
    this.subscription = subscription;
    const stopRenewing = this.renewLeaseWhile(subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      while (this.running) {
        const first = await (pending ?? iterator.next());
        pending = undefined;
        if (first.done) return;
        const batch = [first.value];
        // Drain what is already available without waiting, up to the batch size.
        while (batch.length < this.options.batchSize) {
          const next = iterator.next();
          const ready = await Promise.race([next, afterPendingIo()]);
          if (ready === IMMEDIATE) {
            pending = next;
            break;
          }
          const result = ready as IteratorResult<RecordedEvent>;
          if (result.done) break;
          batch.push(result.value);
        }
        const ops = projectBatch(this.projection, this.options.schemas, batch);
        const next = batch[batch.length - 1].position;
        await this.store.commit({ projection: this.projection.name, generation, expectedCheckpoint: checkpoint, checkpoint: next, ops });
        checkpoint = next;
        this.failingSince = undefined;
      }
    } finally {
      stopRenewing();
      await subscription.close();
    }
  }

  /**
   * A read model ahead of the log means acknowledged events were lost (e.g. the event file restored
   * from an older backup); following on would silently skip the events written at reused positions.
   */
  private async refuseCheckpointBeyondHead(checkpoint: number): Promise<void> {
    const head = await this.events.headPosition();
    if (checkpoint > head) {
      throw new Error(`Projection ${this.projection.name} is at position ${checkpoint} but the log ends at ${head}: rebuild it after restoring the log`);
    }
  }

  /** Renews the lease in the background; losing it closes the subscription, so `follow` ends and the loop stands by. */
  private renewLeaseWhile(subscription: Subscription): () => void {
    const ttl = this.options.leaseTtlMs ?? 15_000;
    const timer = setInterval(() => {
      this.holdLease().then(
        (held) => (held ? undefined : subscription.close()),
        (error: unknown) => this.options.onError?.(this.projection.name, error),
      );
    }, ttl / 3);
    timer.unref();
    return () => clearInterval(timer);
  }
}

const IMMEDIATE = Symbol('immediate');
const afterPendingIo = () => new Promise<typeof IMMEDIATE>((resolve) => setImmediate(() => resolve(IMMEDIATE)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
