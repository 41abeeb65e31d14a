/**
 * Reactors (process managers): what the system does by itself when a fact is recorded, e.g. open the
 * dispute a contested claim asked for, or record in a client's stream the transfer a dispute
 * resolution decided. They follow the log like projections — never the in-process event bus — with a
 * checkpoint kept in the read store and a lease so one instance acts at a time. Delivery is
 * at-least-once: after a crash the events since the last checkpoint are delivered again, so `react`
 * must be idempotent (the commands it issues are: their deciders answer a repeat with no events).
 */
import type { EventSchemas } from '@cl/domain/shared/schemas';
import type { EventStore, RecordedEvent } from '@cl/event-store';
import { isDigest } from '@cl/event-store/audit/digester';
import type { ReadStore } from '@cl/read-models';
import { FollowLoop, sleep, type BatchSink } from './follow-loop';
import type { ProjectedEvent } from './projection';
import { toProjected } from './projector';

export interface Reactor {
  name: string;
  /** The event types it reacts to; every other event only moves its checkpoint. */
  eventTypes: readonly string[];
  react(event: ProjectedEvent): Promise<void>;
}

export interface ReactorRunnerOptions {
  schemas: EventSchemas;
  batchSize?: number;
  instanceId?: string;
  leaseTtlMs?: number;
  onError?: (reactor: string, error: unknown) => void;
}

/** Reactor checkpoints live beside the projections', under a name no projection uses. */
export const reactorCheckpointName = (name: string) => `reactor:${name}`;

export class ReactorRunner {
  private readonly loops: FollowLoop[] = [];

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly reactors: Reactor[],
    private readonly options: ReactorRunnerOptions,
  ) {}

  async start(): Promise<void> {
    for (const reactor of this.reactors) {
      await this.store.registerProjection(reactorCheckpointName(reactor.name), []);
      const sink = reactorSink(reactor, this.store, this.options.schemas);
      const loop = new FollowLoop(sink, `reactor:${reactor.name}`, this.events, this.store, {
        ...this.options,
        // Small batches: a failure replays the batch, and each event may write to the log.
        batchSize: this.options.batchSize ?? 50,
      });
      this.loops.push(loop);
      loop.start();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.loops.map((l) => l.stop()));
    this.loops.length = 0;
  }

  failing(): Array<{ projection: string; since: Date }> {
    return this.loops.flatMap((l) => (l.failingSince ? [{ projection: l.name, since: l.failingSince }] : []));
  }

  /** Resolves when every reactor has handled everything up to `position` (default: the head now). */
  async waitFor(position?: number, timeoutMs = 10_000): Promise<void> {
    const target = position ?? (await this.events.headPosition());
    const deadline = Date.now() + timeoutMs;
    for (const reactor of this.reactors) {
      while ((await this.store.status(reactorCheckpointName(reactor.name))).checkpoint < target) {
        if (Date.now() > deadline) throw new Error(`reactor ${reactor.name} did not reach position ${target}`);
        await sleep(5);
      }
    }
  }
}

/** Reacts to each event in order, then moves the checkpoint past the batch (no read-model writes). */
function reactorSink(reactor: Reactor, store: ReadStore, schemas: EventSchemas): BatchSink {
  const name = reactorCheckpointName(reactor.name);
  const wanted = new Set(reactor.eventTypes);
  let generation = 0;
  return {
    name: reactor.name,
    async resume() {
      const status = await store.status(name);
      generation = status.activeGeneration;
      return status.checkpoint;
    },
    async apply(batch: RecordedEvent[], from: number) {
      for (const e of batch) {
        if (wanted.has(e.type) && !isDigest(e)) await reactor.react(toProjected(schemas, e));
      }
      await store.commit({ projection: name, generation, expectedCheckpoint: from, checkpoint: batch[batch.length - 1].position, ops: [] });
    },
  };
}
