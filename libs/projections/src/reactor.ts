/**
 * Reactors (process managers): what the system does by itself when a fact is recorded, e.g. open the
 * dispute a contested claim asked for, or record in a client's stream the transfer a dispute
 * resolution decided. They follow the log like projections — never the in-process event bus — with a
 * checkpoint kept in the read store and a lease so one instance acts at a time. Delivery is
 * at-least-once: after a crash the events since the last checkpoint are delivered again, so `react`
 * must be idempotent (the commands it issues are: their deciders answer a repeat with no events).
 * A batch of events it ignores moves the checkpoint lazily (deferred-checkpoint.ts): replaying those does nothing.
 *
 * A reaction whose command is refused by the domain (a DomainError) would be refused again on every
 * retry: stalling on it would hold back every later event of the reactor (one bad dispute blocking
 * all others), and dropping it would lose a step of the process unseen. It is parked instead: recorded
 * in the reactor's own collection in the same commit that moves the checkpoint past it, and reported
 * by `parked()` (the API's health shows it). Any other error is retried from the checkpoint.
 */
import { DomainError } from '@cl/domain/shared/errors';
import type { EventSchemas } from '@cl/domain/shared/schemas';
import type { EventStore, RecordedEvent } from '@cl/event-store';
import { isDigest } from '@cl/event-store/audit/digester';
import type { Doc, ReadStore, WriteOp } from '@cl/read-models';
import { DeferredCheckpoint, type DeferTiming } from './deferred-checkpoint';
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
  /** A reaction refused by the domain was parked (see above); the reactor went on. */
  onParked?: (parked: ParkedReaction) => void;
  /** When a checkpoint moved past events the reactor ignores is written (default: 20 ms quiet, 250 ms at most). */
  deferCheckpoint?: DeferTiming;
}

/** A reaction the domain refused: the event, and the refusal as the command answered it. */
export interface ParkedReaction extends Doc {
  /** `${position}` */
  _id: string;
  reactor: string;
  position: number;
  eventId: string;
  eventType: string;
  stream: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
  parkedAt: string;
}

/** Reactor checkpoints live beside the projections', under a name no projection uses. */
export const reactorCheckpointName = (name: string) => `reactor:${name}`;

/** The collection a reactor's parked reactions are kept in (owned by its checkpoint, so written with it). */
export const parkedCollection = (name: string) => `reactor-parked-${name}`;

export class ReactorRunner {
  private readonly loops: FollowLoop[] = [];
  private readonly progress = new Map<string, ReactorProgress>();

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly reactors: Reactor[],
    private readonly options: ReactorRunnerOptions,
  ) {}

  async start(): Promise<void> {
    for (const reactor of this.reactors) {
      await this.store.registerProjection(reactorCheckpointName(reactor.name), [parkedCollection(reactor.name)]);
      const { sink, progress } = reactorSink(reactor, this.store, this.options);
      this.progress.set(reactor.name, progress);
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
    this.progress.clear();
  }

  failing(): Array<{ projection: string; since: Date }> {
    return this.loops.flatMap((l) => (l.failingSince ? [{ projection: l.name, since: l.failingSince }] : []));
  }

  /** Every reaction parked so far, by reactor and position. */
  async parked(): Promise<ParkedReaction[]> {
    const all = await Promise.all(
      this.reactors.map((r) => this.store.find<ParkedReaction>(parkedCollection(r.name), {}, { sort: { position: 1 } })),
    );
    return all.flat();
  }

  /**
   * Resolves when every reactor has handled everything up to `position` (default: the head now) and its
   * stored checkpoint says so: a move past ignored events that a reactor running here holds back is
   * written now rather than after its quiet time (for tests and the demo, which read the checkpoints next).
   */
  async waitFor(position?: number, timeoutMs = 10_000): Promise<void> {
    const target = position ?? (await this.events.headPosition());
    const deadline = Date.now() + timeoutMs;
    for (const reactor of this.reactors) {
      const here = this.progress.get(reactor.name);
      const stored = async () => (await this.store.status(reactorCheckpointName(reactor.name))).checkpoint;
      while ((await stored()) < target) {
        if (Date.now() > deadline) throw new Error(`reactor ${reactor.name} did not reach position ${target}`);
        if (here && here.handled() >= target) await here.settle();
        else await sleep(5);
      }
    }
  }
}

/** A reactor run here: how far it has handled the log (a checkpoint move not yet written included), and writing that move. */
interface ReactorProgress {
  handled: () => number;
  settle: () => Promise<void>;
}

/**
 * Reacts to each event in order, then moves the checkpoint past the batch, with what it parked. A batch
 * holding none of its types only moves the checkpoint, and that move is deferred (deferred-checkpoint.ts).
 */
function reactorSink(reactor: Reactor, store: ReadStore, options: ReactorRunnerOptions): { sink: BatchSink; progress: ReactorProgress } {
  const name = reactorCheckpointName(reactor.name);
  const wanted = new Set(reactor.eventTypes);
  let generation = 0;
  const checkpoint = new DeferredCheckpoint(
    (expectedCheckpoint, to, ops) => store.commit({ projection: name, generation, expectedCheckpoint, checkpoint: to, ops }),
    (error) => options.onError?.(reactor.name, error),
    options.deferCheckpoint,
  );
  const settle = () => checkpoint.exclusive(() => checkpoint.flush());
  const sink: BatchSink = {
    name: reactor.name,
    resume: () =>
      checkpoint.exclusive(async () => {
        const status = await store.status(name);
        generation = status.activeGeneration;
        checkpoint.reset(status.checkpoint);
        return status.checkpoint;
      }),
    apply: (batch: RecordedEvent[]) =>
      checkpoint.exclusive(async () => {
        const last = batch[batch.length - 1].position;
        const due = batch.filter((e) => wanted.has(e.type) && !isDigest(e));
        if (due.length === 0) return checkpoint.skip(last);
        const parked: ParkedReaction[] = [];
        for (const e of due) {
          try {
            await reactor.react(toProjected(options.schemas, e));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            parked.push(parkedReaction(reactor.name, e, error));
          }
        }
        const ops: WriteOp[] = parked.map((doc) => ({
          op: 'replace',
          collection: parkedCollection(reactor.name),
          doc,
          position: doc.position,
        }));
        await checkpoint.commit(last, ops);
        parked.forEach((p) => options.onParked?.(p));
      }),
    settle,
  };
  return { sink, progress: { handled: () => checkpoint.handled, settle } };
}

function parkedReaction(reactor: string, e: RecordedEvent, error: DomainError): ParkedReaction {
  const { code, message, details } = error;
  const at = new Date().toISOString();
  return {
    _id: String(e.position),
    reactor,
    position: e.position,
    eventId: e.id,
    eventType: e.type,
    stream: e.stream,
    code,
    message,
    details,
    parkedAt: at,
  };
}
