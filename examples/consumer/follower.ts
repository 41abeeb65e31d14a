/**
 * Follows the feed: an SSE stream resumed with Last-Event-ID, falling back to JSON pages when the
 * server (or a proxy) will not stream. Each event is handled once: skipped when its id was handled
 * already (or its position is behind the checkpoint), else written to the sink, then checkpointed.
 * Transient failures (network, 429, 5xx, the server ending the stream) are retried with backoff.
 */
import { Checkpoint } from './checkpoint';
import type { FeedItem } from './feed-item';
import { FatalFeedError, openStream, readPage, TransientFeedError, type FeedTarget } from './feed-http';
import { SseParser, type SseFrame } from './sse-parser';
import type { Sink } from './sink';

export interface FollowOptions extends FeedTarget {
  mode: 'auto' | 'sse' | 'json';
  /** Stop once everything the token could read at the start (and since) is handled. */
  untilCaughtUp: boolean;
  /** Stop after handling this many new events (0: never). */
  stopAfter: number;
  pageSize: number;
  pollMs: number;
  /** No byte (not even a heartbeat) for this long: the connection is presumed dead and reopened. */
  idleTimeoutMs: number;
  log: (line: string) => void;
}

export interface FollowSummary {
  handled: number;
  duplicates: number;
  position: number;
}

type StreamEnd = 'done' | 'reconnect';
const SAVE_EVERY_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

export class FeedFollower {
  private readonly stopping = new AbortController();
  private handled = 0;
  private duplicates = 0;
  private savedAt = 0;

  constructor(
    private readonly options: FollowOptions,
    private readonly checkpoint: Checkpoint,
    private readonly sink: Sink,
  ) {}

  /** Ends `run` at the next event boundary; the checkpoint is saved. */
  stop(): void {
    this.stopping.abort();
  }

  async run(): Promise<FollowSummary> {
    for (const { id, position } of this.sink.recover()) this.checkpoint.record(id, position);
    try {
      if (this.options.mode === 'json' || !(await this.followStream())) await this.followPages();
    } catch (error) {
      if (!this.stopped) throw error;
    } finally {
      this.save();
    }
    return { handled: this.handled, duplicates: this.duplicates, position: this.checkpoint.position };
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** False when the server will not stream and the mode allows pages instead. */
  private async followStream(): Promise<boolean> {
    for (let attempt = 0; !this.stopped;) {
      const target = this.options.untilCaughtUp ? await this.withRetry(() => this.headNow()) : undefined;
      if (target !== undefined && this.checkpoint.position >= target) return true;
      try {
        const end = await this.readStream(target);
        if (end === 'done') return true;
        attempt = 0;
      } catch (error) {
        if (!(error instanceof TransientFeedError) && !(error instanceof NoStream)) throw error;
        if (error instanceof NoStream && this.options.mode === 'auto') {
          this.options.log(`the server does not stream (${error.message}): reading JSON pages instead`);
          return false;
        }
        this.options.log(`stream failed: ${error.message}; retrying`);
      }
      await this.pause(backoff(attempt++));
    }
    return true;
  }

  private async readStream(target: number | undefined): Promise<StreamEnd> {
    const connection = new AbortController();
    const abort = () => connection.abort();
    this.stopping.signal.addEventListener('abort', abort);
    let idle = setTimeout(abort, this.options.idleTimeoutMs);
    try {
      const res = await openStream(this.options, this.checkpoint.position, connection.signal);
      if (!res?.body) throw new NoStream('no text/event-stream answer');
      const parser = new SseParser();
      const decoder = new TextDecoder();
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        clearTimeout(idle);
        idle = setTimeout(abort, this.options.idleTimeoutMs);
        for (const frame of parser.push(decoder.decode(chunk, { stream: true }))) {
          const end = this.onFrame(frame, target);
          if (end) return end;
        }
      }
      return 'reconnect';
    } catch (error) {
      if (connection.signal.aborted) return this.stopped ? 'done' : 'reconnect';
      throw error;
    } finally {
      clearTimeout(idle);
      this.stopping.signal.removeEventListener('abort', abort);
      connection.abort();
    }
  }

  private onFrame(frame: SseFrame, target: number | undefined): StreamEnd | undefined {
    if (frame.kind === 'message' && frame.event === 'disconnect') {
      this.options.log(`the server ended the stream: ${frame.data}`);
      return 'reconnect';
    }
    if (frame.kind === 'message') this.handle(JSON.parse(frame.data) as FeedItem);
    if (frame.kind === 'id') this.checkpoint.advance(Number(frame.id));
    this.maybeSave();
    if (this.stopped || this.reachedStopAfter()) return 'done';
    return target !== undefined && this.checkpoint.position >= target ? 'done' : undefined;
  }

  private async followPages(): Promise<void> {
    while (!this.stopped && !this.reachedStopAfter()) {
      const page = await this.withRetry(() =>
        readPage(this.options, this.checkpoint.position, this.options.pageSize, this.stopping.signal),
      );
      for (const item of page.events) {
        this.handle(item);
        if (this.reachedStopAfter()) return;
      }
      this.checkpoint.advance(page.next);
      this.maybeSave();
      if (page.next >= page.head) {
        if (this.options.untilCaughtUp) return;
        await this.pause(this.options.pollMs);
      }
    }
  }

  private handle(item: FeedItem): void {
    if (this.checkpoint.has(item.id) || item.position <= this.checkpoint.position) {
      this.duplicates += 1;
      return;
    }
    this.sink.write(item);
    this.checkpoint.record(item.id, item.position);
    this.handled += 1;
  }

  private reachedStopAfter(): boolean {
    return this.options.stopAfter > 0 && this.handled >= this.options.stopAfter;
  }

  /** The newest position the token may read now. */
  private async headNow(): Promise<number> {
    return (await readPage(this.options, this.checkpoint.position, 1, this.stopping.signal)).head;
  }

  private maybeSave(): void {
    if (Date.now() - this.savedAt >= SAVE_EVERY_MS) this.save();
  }

  /** The sink first: the checkpoint must never claim an event the sink could lose. */
  private save(): void {
    this.sink.flush();
    this.checkpoint.save();
    this.savedAt = Date.now();
  }

  private async withRetry<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!(error instanceof TransientFeedError) || this.stopped) throw error;
        this.options.log(`${error.message}; retrying`);
        await this.pause(backoff(attempt));
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopping.signal.addEventListener('abort', done);
    });
  }
}

class NoStream extends Error {}

/** Exponential, capped, with full jitter: many consumers restarting together do not retry in step. */
const backoff = (attempt: number): number => Math.random() * Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);

export { FatalFeedError };
