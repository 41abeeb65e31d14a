/**
 * A webhook's delivery state, one document per webhook in a plain read-store collection (never
 * rebuilt: it is not derived from the log; back it up with the read store). Every change is one
 * atomic single-document write. The checkpoint is the position of the last event the webhook is done
 * with — delivered with a 2xx, or not for it — and moves only by compare-and-set from the value the
 * writer read, so a delivery worker that lost its lease cannot move it back.
 */
import type { RecordedEvent } from '@cl/event-store';
import type { Doc, ReadStore } from '@cl/read-models';

export const WEBHOOK_DELIVERIES = 'webhook_deliveries';

/** The event being retried, with its failures so far (they survive a restart). */
export interface RetryingDelivery {
  eventId: string;
  position: number;
  stream: string;
  type: string;
  attempts: number;
  lastError: string;
  nextAttemptAt: string;
}

/** An event that failed every attempt: the webhook is suspended at it until a replay. */
export interface ParkedDelivery {
  eventId: string;
  position: number;
  stream: string;
  type: string;
  attempts: number;
  lastError: string;
  parkedAt: string;
}

export interface DeliveryStateDoc extends Doc {
  checkpoint: number;
  startPosition: number;
  delivered: number;
  lastDelivered: { eventId: string; position: number; at: string } | null;
  retrying: RetryingDelivery | null;
  /** At most one today (the webhook stops at the first); a list so that the shape can grow. */
  parked: ParkedDelivery[];
  replays: number;
  updatedAt: string;
}

export const initialDeliveryState = (webhookId: string, startPosition: number, now = new Date()): DeliveryStateDoc => ({
  _id: webhookId,
  checkpoint: startPosition,
  startPosition,
  delivered: 0,
  lastDelivered: null,
  retrying: null,
  parked: [],
  replays: 0,
  updatedAt: now.toISOString(),
});

export const whereOf = (e: RecordedEvent) => ({ eventId: e.id, position: e.position, stream: e.stream, type: e.type });

export class DeliveryStateStore {
  constructor(private readonly reads: ReadStore) {}

  load(webhookId: string): Promise<DeliveryStateDoc | null> {
    return this.reads.findOne<DeliveryStateDoc>(WEBHOOK_DELIVERIES, { _id: webhookId });
  }

  /** The stored state, created at the registration's position on first use. */
  async ensure(webhookId: string, startPosition: number): Promise<DeliveryStateDoc> {
    await this.reads.insertIfAbsent(WEBHOOK_DELIVERIES, initialDeliveryState(webhookId, startPosition));
    const doc = await this.load(webhookId);
    if (!doc) throw new Error(`Delivery state of webhook ${webhookId} vanished`);
    return doc;
  }

  delivered(webhookId: string, from: number, event: RecordedEvent, now = new Date()): Promise<void> {
    const at = now.toISOString();
    return this.move(webhookId, from, event.position, {
      $set: { lastDelivered: { eventId: event.id, position: event.position, at }, retrying: null },
      $inc: { delivered: 1 },
    });
  }

  /** Moves past events that are not for this webhook. */
  skipped(webhookId: string, from: number, to: number): Promise<void> {
    return this.move(webhookId, from, to, {});
  }

  failed(webhookId: string, retrying: RetryingDelivery): Promise<void> {
    return this.set(webhookId, { retrying });
  }

  park(webhookId: string, parked: ParkedDelivery): Promise<void> {
    return this.set(webhookId, { retrying: null, parked: [parked] });
  }

  /** Clears the parked deliveries (the worker resumes at the checkpoint, i.e. with them); returns those cleared. */
  async replay(webhookId: string, now = new Date()): Promise<ParkedDelivery[]> {
    const doc = await this.load(webhookId);
    if (!doc || doc.parked.length === 0) return [];
    await this.reads.write([
      {
        op: 'update',
        collection: WEBHOOK_DELIVERIES,
        // Only if still parked at the same event: two concurrent replays count once.
        filter: { _id: webhookId, 'parked.0.eventId': doc.parked[0].eventId },
        update: { $set: { parked: [], retrying: null, updatedAt: now.toISOString() }, $inc: { replays: 1 } },
      },
    ]);
    return doc.parked;
  }

  private move(webhookId: string, from: number, to: number, update: { $set?: Record<string, unknown>; $inc?: Record<string, number> }) {
    const $set = { ...update.$set, checkpoint: to, updatedAt: new Date().toISOString() };
    return this.reads.write([{ op: 'update', collection: WEBHOOK_DELIVERIES, filter: { _id: webhookId, checkpoint: from }, update: { ...update, $set } }]);
  }

  private set(webhookId: string, fields: Record<string, unknown>) {
    return this.reads.write([
      { op: 'update', collection: WEBHOOK_DELIVERIES, filter: { _id: webhookId }, update: { $set: { ...fields, updatedAt: new Date().toISOString() } } },
    ]);
  }
}
