/**
 * A page of the feed. `next` is the position of the last event READ for the page, not of the last one
 * returned: events the viewer may not read are stepped over, and the cursor moves past them, so a
 * distributor whose business is rare in a busy log never reads the same stretch again. For the same
 * reason a page may hold fewer than `limit` events — even none — while more follow: read on while
 * `next < head`.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type AllFilter, type EventStore, type RecordedEvent } from '@cl/event-store';
import type { Principal } from '../../shared/auth/principal';
import { EventVisibility } from '../event-visibility';
import { FeedItems, type FeedItem } from '../feed-item';
import { ScopeHorizon } from '../scope-horizon';

export interface PageRequest {
  from: number;
  limit: number;
  filter?: AllFilter;
}

export interface EventPage {
  events: FeedItem[];
  /** Pass as `from` for the next page. */
  next: number;
  /** The newest position the viewer may read now: caught up when `next` reaches it. */
  head: number;
}

/** Events read per store call when a scoped viewer skips over others' events. */
const READ_BATCH = 500;
/** A scoped page reads at most this many times `limit` events, so one request stays bounded however rare the viewer's events. */
const SCAN_FACTOR = 10;

@Injectable()
export class EventPages {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly visibility: EventVisibility,
    private readonly horizon: ScopeHorizon,
    private readonly items: FeedItems,
  ) {}

  async page(viewer: Principal, { from, limit, filter }: PageRequest): Promise<EventPage> {
    const head = await this.horizon.of(viewer);
    const scan = await this.scan(viewer, { from, limit, filter }, head);
    const events = await Promise.all(scan.picked.map((e) => this.items.toItem(e)));
    return { events, next: scan.next, head };
  }

  private async scan(viewer: Principal, { from, limit, filter }: PageRequest, head: number) {
    const check = this.visibility.checker(viewer);
    const scoped = viewer.party === 'distributor';
    const picked: RecordedEvent[] = [];
    let next = from;
    let budget = limit * SCAN_FACTOR;
    while (picked.length < limit && next < head && budget > 0) {
      // Unscoped viewers read exactly what they need; scoped ones read ahead, since some will be skipped.
      const want = scoped ? Math.min(READ_BATCH, budget) : limit - picked.length;
      const batch = await this.events.readAll({ after: next, maxCount: want, filter });
      const visible = await Promise.all(batch.map(check));
      for (let i = 0; i < batch.length && picked.length < limit; i++) {
        // Beyond the horizon: everything up to it has been read (the store hands out positions in order).
        if (batch[i].position > head) return { picked, next: head };
        next = batch[i].position;
        budget -= 1;
        if (visible[i]) picked.push(batch[i]);
      }
      // A short batch reached the end of the log: nothing up to `head` (read before) is left to match.
      if (batch.length < want && picked.length < limit) return { picked, next: Math.max(next, head) };
    }
    return { picked, next };
  }
}
