/**
 * A follower's checkpoint, whose moves past batches that changed nothing are coalesced. A reactor
 * ignores most of the log (none reacts to a sale), yet committed its checkpoint after every batch: at
 * 600 sales/s that was ~6% of the API's request thread, five commits per event-loop turn
 * (docs/benchmarks.md). Replaying events the follower ignores does nothing, so losing such a move in
 * a crash costs a re-read, never a double effect: it is written once the follower has been quiet for
 * `quietMs`, or at the latest `maxMs` after the first move it holds back, or when the loop stops.
 * A batch with effects commits at once, and carries the moves held back before it.
 */
import type { WriteOp } from '@cl/read-models';

export interface DeferTiming {
  /** Written when no batch came for this long (the checkpoint a quiet system shows). */
  quietMs: number;
  /** Written at the latest this long after the first move held back (under steady load). */
  maxMs: number;
}

export const DEFAULT_DEFER_TIMING: DeferTiming = { quietMs: 20, maxMs: 250 };

/** Commits `ops` and moves the stored checkpoint from `expected` to `checkpoint` (compare-and-set). */
export type CheckpointWrite = (expected: number, checkpoint: number, ops: WriteOp[]) => Promise<void>;

export class DeferredCheckpoint {
  /** The checkpoint as stored: the compare-and-set's expected value. */
  private stored = 0;
  private heldTo: number | undefined;
  private heldSince = 0;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly write: CheckpointWrite,
    private readonly onError: (error: unknown) => void,
    private readonly timing: DeferTiming = DEFAULT_DEFER_TIMING,
  ) {}

  /** Where the follower has got to: the move held back, or else the stored checkpoint. */
  get handled(): number {
    return this.heldTo ?? this.stored;
  }

  /** Runs `step` after every step queued before it: the sink's batches and the timer's writes never interleave. */
  exclusive<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The checkpoint the store holds now (at resume); a move held back is dropped, its events come again. */
  reset(stored: number): void {
    this.cancelTimer();
    this.stored = stored;
    this.heldTo = undefined;
  }

  /** A batch with effects: its ops and the checkpoint at once. */
  async commit(checkpoint: number, ops: WriteOp[]): Promise<void> {
    this.cancelTimer();
    await this.write(this.stored, checkpoint, ops);
    this.stored = checkpoint;
    this.heldTo = undefined;
  }

  /** A batch that changed nothing: its move is held back (see above). */
  async skip(checkpoint: number): Promise<void> {
    if (this.heldTo === undefined) this.heldSince = Date.now();
    this.heldTo = checkpoint;
    if (Date.now() - this.heldSince >= this.timing.maxMs) return this.flush();
    this.cancelTimer();
    this.timer = setTimeout(() => this.exclusive(() => this.flush()).catch(this.onError), this.timing.quietMs);
    this.timer.unref();
  }

  /** Writes the move held back, if any. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.heldTo !== undefined) await this.commit(this.heldTo, []);
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
