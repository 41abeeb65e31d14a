/**
 * One SSE connection of the feed: it pulls the next event from the store subscription only once the
 * previous one is written, so nothing piles up in memory. When the socket's buffer is full (write
 * returns false) it waits for 'drain'; a consumer that reads nothing for `slowConsumerMs` is sent
 * `event: disconnect` (behind what it has not read — delivered if it ever reads on) and cut off.
 * Whatever ends the stream — the client leaving, a slow consumer, shutdown, a failure — closes the
 * store subscription and the timers.
 */
import type { ServerResponse } from 'node:http';
import type { RecordedEvent, Subscription } from '@cl/event-store';
import type { FeedItem } from '../feed-item';
import { checkpointMessage, disconnectMessage, eventMessage, HEARTBEAT } from './sse';

export interface StreamSettings {
  heartbeatMs: number;
  slowConsumerMs: number;
  /** Failures nobody awaits (closing the subscription when the client left): logged, never thrown. */
  report: (error: unknown) => void;
}

/** The item the viewer may receive for this event, or undefined; gives up (undefined) once `stopped()`. */
export type Admit = (event: RecordedEvent, stopped: () => boolean) => Promise<FeedItem | undefined>;

type DrainOutcome = 'drained' | 'timeout' | 'closed';

const MIN_CLOSE_GRACE_MS = 5_000;

export class FeedStream {
  private ended = false;
  private heartbeat?: NodeJS.Timeout;
  /** The last event written to the socket (0: none yet). */
  private lastWritten = 0;
  /** The last event read from the store, written or stepped over. */
  private lastRead: number;
  /** The last `id` sent: the client's Last-Event-ID. */
  private lastId: number;

  constructor(
    private readonly res: ServerResponse,
    private readonly source: Subscription,
    private readonly admit: Admit,
    private readonly settings: StreamSettings,
    from: number,
  ) {
    this.lastRead = this.lastId = from;
  }

  /** Resolves when the stream has ended and its subscription is closed; rejects (after ending it) on a failure. */
  async run(): Promise<void> {
    this.open();
    try {
      await this.pump();
      await this.end('the event store ended the subscription; reconnect with Last-Event-ID');
    } catch (error) {
      await this.end('internal error; reconnect with Last-Event-ID');
      throw error;
    }
  }

  /** Ends the stream, telling the client why (e.g. the server is shutting down). */
  stop(reason: string): Promise<void> {
    return this.end(reason);
  }

  private open(): void {
    this.res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the stream and defeat both liveness and back-pressure.
      'X-Accel-Buffering': 'no',
    });
    this.res.flushHeaders();
    this.res.socket?.setNoDelay(true);
    this.res.on('close', () => void this.end());
    this.heartbeat = setInterval(() => this.beat(), this.settings.heartbeatMs);
  }

  private async pump(): Promise<void> {
    for await (const event of this.source) {
      if (this.ended) return;
      const item = await this.admit(event, () => this.ended);
      if (this.ended) return;
      this.lastRead = event.position;
      if (item && !(await this.send(eventMessage(item), item.position))) return;
    }
  }

  private async send(message: string, position: number): Promise<boolean> {
    const flushed = this.res.write(message);
    this.lastWritten = this.lastId = position;
    if (flushed) return true;
    const outcome = await this.drained();
    if (outcome === 'timeout') {
      const waiting = this.res.writableLength;
      await this.end(`slow consumer: nothing was read for ${this.settings.slowConsumerMs} ms with ${waiting} bytes waiting; reconnect with Last-Event-ID`);
    }
    return outcome === 'drained';
  }

  private drained(): Promise<DrainOutcome> {
    return new Promise((resolve) => {
      const settle = (outcome: DrainOutcome) => {
        clearTimeout(timer);
        this.res.off('drain', onDrain);
        this.res.off('close', onClose);
        resolve(outcome);
      };
      const onDrain = () => settle('drained');
      const onClose = () => settle('closed');
      const timer = setTimeout(() => settle('timeout'), this.settings.slowConsumerMs);
      this.res.on('drain', onDrain);
      this.res.on('close', onClose);
    });
  }

  /** Never while the buffer is full: a heartbeat must not grow what a stalled client has not read. */
  private beat(): void {
    if (this.ended || this.res.writableNeedDrain) return;
    const skipped = this.lastRead > this.lastId;
    if (skipped) this.lastId = this.lastRead;
    this.res.write(`${skipped ? checkpointMessage(this.lastRead) : ''}${HEARTBEAT}`);
  }

  /** Idempotent; never rejects. With a reason, the client is told (`event: disconnect`) unless it is gone already. */
  private async end(reason?: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    try {
      await this.source.close();
    } catch (error) {
      this.settings.report(error);
    }
    if (reason && !this.res.destroyed && !this.res.writableEnded) {
      this.res.write(disconnectMessage({ reason, lastPosition: this.lastWritten }));
    }
    this.res.end();
    this.closeIfStuck();
  }

  /**
   * A client that reads nothing never lets the end flush: after a grace period the socket is destroyed.
   * The grace lets one that was only slow read on to the notice.
   */
  private closeIfStuck(): void {
    if (this.res.writableFinished || this.res.destroyed) return;
    const timer = setTimeout(() => this.res.destroy(), Math.max(this.settings.slowConsumerMs, MIN_CLOSE_GRACE_MS));
    const clear = () => clearTimeout(timer);
    this.res.once('finish', clear);
    this.res.once('close', clear);
  }
}
