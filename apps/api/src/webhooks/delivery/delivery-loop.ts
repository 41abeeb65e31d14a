/**
 * The delivery worker of one webhook. It holds the webhook's lease (so that one API instance
 * delivers), follows the log from the stored checkpoint, and POSTs each event the owner may read, one
 * at a time in global order — which keeps each stream's order — moving the checkpoint only after a
 * 2xx. A failed attempt is retried with backoff; after the last attempt the event is parked and the
 * webhook is suspended right there, until a replay clears it and delivery resumes with that very
 * event. Stopping the worker mid-attempt aborts it without moving the checkpoint, so the event is
 * delivered again later: at least once, never skipped.
 */
import type { WebhookDefinition } from '@cl/domain/webhook/webhook';
import type { EventStore, RecordedEvent, Subscription } from '@cl/event-store';
import type { ReadStore } from '@cl/read-models';
import { retryDelayMs, type BackoffOptions } from './backoff';
import { whereOf, type DeliveryStateDoc, type DeliveryStateStore, type RetryingDelivery } from './delivery-state';
import type { Send } from './http-delivery';
import type { FeedItems } from '../../feed/feed-item';
import { sign } from './signature';

export interface DeliverySettings {
  timeoutMs: number;
  maxAttempts: number;
  backoff: BackoffOptions;
  leaseTtlMs: number;
  /** How often a suspended webhook looks for a replay (which any instance may have recorded). */
  suspendedPollMs: number;
  /** Pause after an unexpected error before resuming from the checkpoint. */
  errorPauseMs: number;
}

export interface DeliveryDeps {
  events: EventStore;
  reads: ReadStore;
  state: DeliveryStateStore;
  secret: (webhookId: string) => Promise<string>;
  /** True when the webhook's owner may receive the event (see EventVisibility). */
  visible: (target: DeliveryTarget, event: RecordedEvent, signal: AbortSignal) => Promise<boolean>;
  send: Send;
  /** Builds the body: the feed's item for the event. */
  items: Pick<FeedItems, 'toItem'>;
  settings: DeliverySettings;
  instanceId: string;
  onError: (webhookId: string, error: unknown) => void;
}

export type DeliveryTarget = WebhookDefinition & { startPosition: number };

type Outcome = 'delivered' | 'parked' | 'stopped';

/** Skipped events move the stored checkpoint at most this often: skipping must not cost a write per event. */
const SKIP_FLUSH_MS = 1000;

export class DeliveryLoop {
  private running = false;
  private leaseLost = false;
  private done?: Promise<void>;
  private subscription?: Subscription;
  private readonly aborter = new AbortController();
  private wake?: () => void;

  constructor(
    readonly target: DeliveryTarget,
    private readonly deps: DeliveryDeps,
  ) {}

  private get id(): string {
    return this.target.webhookId;
  }

  private get leaseName(): string {
    return `webhook:${this.id}`;
  }

  start(): void {
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.aborter.abort();
    this.wake?.();
    await this.subscription?.close();
    await this.done;
    try {
      await this.deps.reads.releaseLease(this.leaseName, this.deps.instanceId);
    } catch (error) {
      // Not fatal: the lease expires by itself, and another instance takes over then.
      this.deps.onError(this.id, error);
    }
  }

  private async run(): Promise<void> {
    const { settings } = this.deps;
    while (this.running) {
      try {
        if (!(await this.deps.reads.acquireLease(this.leaseName, this.deps.instanceId, settings.leaseTtlMs))) {
          await this.pause(settings.leaseTtlMs / 3);
          continue;
        }
        const state = await this.deps.state.ensure(this.id, this.target.startPosition);
        // Suspended: hold the lease (re-acquired above) and look again for a replay.
        if (state.parked.length > 0) await this.pause(settings.suspendedPollMs);
        else await this.follow(state);
      } catch (error) {
        if (!this.running) break;
        this.deps.onError(this.id, error);
        await this.pause(settings.errorPauseMs);
      }
    }
  }

  /** Delivers from the checkpoint until stopped, parked, or the lease is lost. */
  private async follow(state: DeliveryStateDoc): Promise<void> {
    const { eventTypes } = this.target;
    this.leaseLost = false;
    // stop() closes the subscription it can see: one opened after it would wait for events forever.
    if (!this.running) return;
    const subscription = this.deps.events.subscribeToAll({ after: state.checkpoint, filter: eventTypes.length ? { eventTypes } : undefined });
    this.subscription = subscription;
    const stopRenewing = this.renewLease(subscription);
    const checkpoint = { stored: state.checkpoint, seen: state.checkpoint, flushedAt: Date.now() };
    let retrying = state.retrying;
    try {
      for await (const event of subscription) {
        if (!this.running || this.leaseLost) break;
        if (!(await this.deps.visible(this.target, event, this.aborter.signal))) {
          checkpoint.seen = event.position;
          if (Date.now() - checkpoint.flushedAt >= SKIP_FLUSH_MS) await this.flushSkipped(checkpoint);
          continue;
        }
        await this.flushSkipped(checkpoint);
        const outcome = await this.deliver(event, checkpoint.stored, retrying?.eventId === event.id ? retrying : null);
        retrying = null;
        if (outcome !== 'delivered') return;
        checkpoint.stored = checkpoint.seen = event.position;
      }
    } finally {
      stopRenewing();
      await subscription.close();
      if (!this.leaseLost) await this.flushSkipped(checkpoint);
    }
  }

  private async flushSkipped(checkpoint: { stored: number; seen: number; flushedAt: number }): Promise<void> {
    if (checkpoint.seen > checkpoint.stored) await this.deps.state.skipped(this.id, checkpoint.stored, checkpoint.seen);
    checkpoint.stored = checkpoint.seen;
    checkpoint.flushedAt = Date.now();
  }

  /** Attempts until a 2xx (delivered), the last attempt failed (parked), or the worker stops or loses its lease. */
  private async deliver(event: RecordedEvent, from: number, retrying: RetryingDelivery | null): Promise<Outcome> {
    const { settings } = this.deps;
    const body = JSON.stringify(await this.deps.items.toItem(event));
    let attempts = retrying?.attempts ?? 0;
    while (this.running && !this.leaseLost) {
      const result = await this.attempt(event, body);
      if (result.ok) {
        await this.deps.state.delivered(this.id, from, event);
        return 'delivered';
      }
      // Aborted by stop(): not the receiver's failure, and not counted.
      if (!this.running || this.leaseLost) break;
      attempts += 1;
      if (attempts >= settings.maxAttempts) {
        await this.deps.state.park(this.id, { ...whereOf(event), attempts, lastError: result.error, parkedAt: new Date().toISOString() });
        return 'parked';
      }
      const delay = retryDelayMs(attempts, settings.backoff);
      const nextAttemptAt = new Date(Date.now() + delay).toISOString();
      await this.deps.state.failed(this.id, { ...whereOf(event), attempts, lastError: result.error, nextAttemptAt });
      await this.pause(delay);
    }
    return 'stopped';
  }

  private async attempt(event: RecordedEvent, body: string) {
    const secret = await this.deps.secret(this.id);
    const timestamp = Math.floor(Date.now() / 1000);
    return this.deps.send({
      url: this.target.url,
      body,
      timeoutMs: this.deps.settings.timeoutMs,
      signal: this.aborter.signal,
      headers: {
        'user-agent': 'channel-ledger-webhooks/1',
        'webhook-id': this.id,
        'webhook-event-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': sign(secret, timestamp, body),
      },
    });
  }

  /** Renews the lease in the background; losing it ends the current delivery and closes the subscription. */
  private renewLease(subscription: Subscription): () => void {
    const { reads, instanceId, settings } = this.deps;
    const timer = setInterval(() => {
      reads.acquireLease(this.leaseName, instanceId, settings.leaseTtlMs).then(
        (held) => {
          if (held) return;
          this.leaseLost = true;
          this.wake?.();
          return subscription.close();
        },
        (error: unknown) => this.deps.onError(this.id, error),
      );
    }, settings.leaseTtlMs / 3);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** A sleep that stop() and a lost lease cut short. */
  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
