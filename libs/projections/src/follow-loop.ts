/**
 * The live loop shared by projections and reactors: hold a lease → subscribe to the log from the
 * stored checkpoint → hand whatever has arrived to the sink as one batch → repeat, until stopped.
 * The sink moves the checkpoint (compare-and-set) only after the batch took effect, so a crash at any
 * point replays from the last checkpoint: projections commit ops and checkpoint in one transaction,
 * reactors are idempotent.
 */
import type { EventStore, RecordedEvent, Subscription } from '@cl/event-store';
import { StaleGenerationError, type ReadStore } from '@cl/read-models';

export interface BatchSink {
  name: string;
  /** Where to resume (the stored checkpoint) and anything the sink needs for the session. */
  resume(): Promise<number>;
  /** Apply the batch and move the checkpoint from `from` to the batch's last position. */
  apply(batch: RecordedEvent[], from: number): Promise<void>;
  /** Write what the sink held back (a deferred checkpoint) before the loop lets go of its lease. */
  settle?(): Promise<void>;
}

export interface FollowOptions {
  batchSize: number;
  instanceId?: string;
  leaseTtlMs?: number;
  onError?: (name: string, error: unknown) => void;
}

export class FollowLoop {
  failingSince?: Date;
  private running = false;
  private subscription?: Subscription;
  private done?: Promise<void>;
  private readonly owner: string;

  constructor(
    private readonly sink: BatchSink,
    private readonly leaseName: string,
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly options: FollowOptions,
  ) {
    this.owner = options.instanceId ?? `projector-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  }

  get name(): string {
    return this.sink.name;
  }

  start(): void {
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.close();
    await this.done;
    await this.sink.settle?.().catch((error: unknown) => this.options.onError?.(this.name, error));
    await this.store.releaseLease(this.leaseName, this.owner).catch(() => undefined);
  }

  private get ttl(): number {
    return this.options.leaseTtlMs ?? 15_000;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.holdLease())) {
          await sleep(this.ttl / 3);
          continue;
        }
        await this.follow();
      } catch (error) {
        if (!(error instanceof StaleGenerationError)) {
          this.failingSince ??= new Date();
          this.options.onError?.(this.name, error);
          await sleep(1000);
        }
      }
    }
  }

  private holdLease(): Promise<boolean> {
    return this.store.acquireLease(this.leaseName, this.owner, this.ttl);
  }

  /** Reads the subscription into batches: whatever has arrived is applied as one batch. */
  private async follow(): Promise<void> {
    let checkpoint = await this.sink.resume();
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
        // Drain what arrives before the event loop's next turn, up to the batch size.
        const turn = nextTurn();
        while (batch.length < this.options.batchSize) {
          const next = iterator.next();
          const ready = await Promise.race([next, turn]);
          if (ready === IMMEDIATE) {
            pending = next;
            break;
          }
          const result = ready as IteratorResult<RecordedEvent>;
          if (result.done) break;
          batch.push(result.value);
        }
        await this.sink.apply(batch, checkpoint);
        checkpoint = batch[batch.length - 1].position;
        this.failingSince = undefined;
        // Reads and commits on SQLite are synchronous, so a catch-up resolves on microtasks alone: without
        // one turn of the event loop per batch it would starve HTTP and timers until it reached the head.
        await turn;
      }
    } finally {
      stopRenewing();
      await subscription.close();
    }
  }

  /**
   * A checkpoint ahead of the log means acknowledged events were lost (e.g. the event file restored
   * from an older backup); following on would silently skip the events written at reused positions.
   */
  private async refuseCheckpointBeyondHead(checkpoint: number): Promise<void> {
    const head = await this.events.headPosition();
    if (checkpoint > head) {
      throw new Error(`${this.name} is at position ${checkpoint} but the log ends at ${head}: rebuild it after restoring the log`);
    }
  }

  /** Renews the lease in the background; losing it closes the subscription, so `follow` ends and the loop stands by. */
  private renewLeaseWhile(subscription: Subscription): () => void {
    const timer = setInterval(() => {
      this.holdLease().then(
        (held) => (held ? undefined : subscription.close()),
        (error: unknown) => this.options.onError?.(this.name, error),
      );
    }, this.ttl / 3);
    timer.unref();
    return () => clearInterval(timer);
  }
}

const IMMEDIATE = Symbol('immediate');
/** Resolves after pending I/O and timers had their turn. */
const nextTurn = () => new Promise<typeof IMMEDIATE>((resolve) => setImmediate(() => resolve(IMMEDIATE)));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
