/**
 * The live side of the feed: opens one FeedStream per SSE request over `subscribeToAll` (catch-up,
 * then live, without a gap at the hand-over), applies the viewer's scoping to every event, limits the
 * streams each user holds open, and ends them all before the server stops.
 */
import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'express';
import { AppLogger } from '../../shared/logging/app-logger';
import { EVENT_STORE, type AllFilter, type EventStore, type RecordedEvent } from '@cl/event-store';
import type { AppConfig } from '../../config/config.schema';
import type { Principal } from '../../shared/auth/principal';
import { ApiProblem } from '../../shared/problem/problem';
import { EventVisibility } from '../event-visibility';
import { FeedItems } from '../feed-item';
import { ScopeHorizon } from '../scope-horizon';
import { FeedStream, type Admit, type StreamSettings } from './feed-stream';

/**
 * A long stream re-reads the read models it scopes by this often (in events judged), so that memory
 * stays bounded and a client that changed hands is judged on its current owner soon after.
 */
const FRESH_CHECKER_EVERY = 100;

export interface StreamRequest {
  after: number;
  filter?: AllFilter;
}

@Injectable()
export class FeedStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<FeedStream>();
  private readonly perUser = new Map<string, number>();
  private readonly settings: Omit<StreamSettings, 'report'>;
  private readonly maxPerUser: number;
  private closing = false;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly visibility: EventVisibility,
    private readonly horizon: ScopeHorizon,
    private readonly items: FeedItems,
    private readonly logger: AppLogger,
    config: ConfigService<AppConfig, true>,
  ) {
    this.logger.setContext('FeedStreams');
    this.maxPerUser = config.get('FEED_MAX_STREAMS_PER_USER', { infer: true });
    this.settings = {
      heartbeatMs: config.get('FEED_HEARTBEAT_MS', { infer: true }),
      slowConsumerMs: config.get('FEED_SLOW_CONSUMER_MS', { infer: true }),
    };
  }

  /** Streams until the connection ends. Throws the 429 before anything is written when the user holds too many streams. */
  async serve(viewer: Principal, res: Response, { after, filter }: StreamRequest): Promise<void> {
    if (this.closing) throw new ApiProblem(503, 'FEED.SHUTTING_DOWN', 'The server is shutting down; reconnect to another instance or retry shortly');
    this.reserve(viewer.userId);
    try {
      const report = (err: unknown) => this.logger.error({ err, correlationId: String(res.req.id ?? '') }, 'closing a feed subscription failed');
      const stream = new FeedStream(res, this.events.subscribeToAll({ after, filter }), this.admitFor(viewer), { ...this.settings, report }, after);
      this.open.add(stream);
      try {
        await stream.run();
      } finally {
        this.open.delete(stream);
      }
    } finally {
      this.release(viewer.userId);
    }
  }

  /** Streams open on this instance (for tests and metrics). */
  get active(): number {
    return this.open.size;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.open].map((s) => s.stop('the server is shutting down; reconnect with Last-Event-ID')));
  }

  /** Waits until the read models that scope the event have applied it, then judges it with a checker renewed now and then. */
  private admitFor(viewer: Principal): Admit {
    let check = this.visibility.checker(viewer);
    let judged = 0;
    return async (event: RecordedEvent, stopped: () => boolean) => {
      if (!(await this.horizon.reach(viewer, event.position, stopped))) return undefined;
      if (++judged % FRESH_CHECKER_EVERY === 0) check = this.visibility.checker(viewer);
      return (await check(event)) ? this.items.toItem(event) : undefined;
    };
  }

  private reserve(userId: string): void {
    const held = this.perUser.get(userId) ?? 0;
    if (held >= this.maxPerUser) {
      throw new ApiProblem(429, 'FEED.TOO_MANY_STREAMS', `You already hold ${held} event streams open (at most ${this.maxPerUser}); close one first`, {
        maxStreams: this.maxPerUser,
      });
    }
    this.perUser.set(userId, held + 1);
  }

  private release(userId: string): void {
    const held = (this.perUser.get(userId) ?? 1) - 1;
    if (held > 0) this.perUser.set(userId, held);
    else this.perUser.delete(userId);
  }
}
