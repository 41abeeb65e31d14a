/**
 * How far a viewer may read the log now. EventVisibility decides a distributor's events on read
 * models (clients, disputes, distributors' territories); an event newer than what those have applied
 * would be judged on a state that does not know it yet — a client just registered in the
 * distributor's territory would look invisible, and the feed would step over it for good. So a
 * distributor reads only up to the lowest checkpoint of those projections (usually the head, a few
 * milliseconds later); the company and compliance, whose events need no decision, read up to the head.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { clientsProjection } from '@cl/projections/clients/clients.projection';
import { disputesProjection } from '@cl/projections/disputes/disputes.projection';
import { distributorsProjection } from '@cl/projections/distributors/distributors.projection';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { Principal } from '../shared/auth/principal';

/** The read models EventVisibility consults. */
export const SCOPING_PROJECTIONS = [clientsProjection.name, disputesProjection.name, distributorsProjection.name];

/** Streams waiting for the projections poll this often; concurrent callers share one reading. */
const POLL_MS = 20;

@Injectable()
export class ScopeHorizon {
  private reading?: { at: number; value: Promise<number> };
  /** The highest horizon seen: it only grows (checkpoints only move forward), so what is below it needs no query. */
  private known = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  /** The newest position the viewer may read now (read afresh: a page right after a write sees it). */
  async of(viewer: Principal): Promise<number> {
    return viewer.party === 'distributor' ? this.readScoped() : this.events.headPosition();
  }

  /** Resolves true once `position` is within the viewer's horizon, false if `stopped()` first. */
  async reach(viewer: Principal, position: number, stopped: () => boolean): Promise<boolean> {
    if (viewer.party !== 'distributor' || position <= this.known) return true;
    while (!stopped()) {
      if ((await this.shared()) >= position) return true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return false;
  }

  /** Live streams share one reading per poll interval: a hundred waiting streams cost one query, not a hundred. */
  private shared(): Promise<number> {
    const now = Date.now();
    if (!this.reading || now - this.reading.at >= POLL_MS) this.reading = { at: now, value: this.readScoped() };
    return this.reading.value;
  }

  /** A checkpoint is the position of an event read from the log, so it never passes the head: no need to ask the store. */
  private async readScoped(): Promise<number> {
    const checkpoints = await Promise.all(SCOPING_PROJECTIONS.map(async (name) => (await this.reads.status(name)).checkpoint));
    const horizon = Math.min(...checkpoints);
    this.known = Math.max(this.known, horizon);
    return horizon;
  }
}
