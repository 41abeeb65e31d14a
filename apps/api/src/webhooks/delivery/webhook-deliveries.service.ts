/**
 * Runs a delivery worker for every active webhook. Which webhooks exist is learnt from the log itself
 * (their registration and deactivation events), not from a projection: a webhook starts delivering
 * as soon as it is recorded, on every instance, and stops as soon as it is deactivated. Each worker
 * competes for its webhook's lease, so with several API instances exactly one delivers.
 */
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { AppLogger } from '../../shared/logging/app-logger';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { FeedItems } from '../../feed/feed-item';
import type { WebhookEvent } from '@cl/domain/webhook/events';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '@cl/event-store';
import { clientsProjection, disputesProjection, distributorsProjection } from '@cl/projections';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { AppConfig } from '../../config/config.schema';
import { EVENT_SCOPES, EventVisibility, type Scope } from '../../feed/event-visibility';
import { EVENT_SCHEMAS } from '../../shared/command/command-pipeline';
import { WebhookSecrets } from '../webhook-secrets';
import { DeliveryLoop, type DeliveryDeps, type DeliveryTarget } from './delivery-loop';
import { DeliveryStateStore } from './delivery-state';
import { httpSend } from './http-delivery';

const LIFECYCLE_TYPES = ['WebhookRegistered', 'WebhookDeactivated'];
/** Scopes decided on read models (EventVisibility): a distributor's event waits until they include it. */
const LOOKUP_SCOPES: ReadonlySet<Scope> = new Set(['client', 'sale', 'dispute']);
const LOOKUP_PROJECTIONS = [clientsProjection.name, disputesProjection.name, distributorsProjection.name];
const PROJECTION_WAIT_MS = 30_000;
const PAGE = 500;

@Injectable()
export class WebhookDeliveries implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loops = new Map<string, DeliveryLoop>();
  private readonly deps: DeliveryDeps;
  private running = false;
  private done?: Promise<void>;
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    config: ConfigService<AppConfig, true>,
    private readonly visibility: EventVisibility,
    items: FeedItems,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('Webhooks');
    const secrets = new WebhookSecrets(reads);
    this.deps = {
      events,
      reads,
      state: new DeliveryStateStore(reads),
      secret: (id) => secrets.get(id),
      visible: (target, event, signal) => this.visible(target, event, signal),
      send: httpSend,
      items,
      settings: {
        timeoutMs: config.get('WEBHOOK_TIMEOUT_MS', { infer: true }),
        maxAttempts: config.get('WEBHOOK_MAX_ATTEMPTS', { infer: true }),
        backoff: { baseMs: config.get('WEBHOOK_RETRY_BASE_MS', { infer: true }), maxMs: config.get('WEBHOOK_RETRY_MAX_MS', { infer: true }) },
        leaseTtlMs: 15_000,
        suspendedPollMs: 500,
        errorPauseMs: 1000,
      },
      instanceId: `webhooks-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      onError: (webhookId, err) => this.logger.error({ err, webhookId }, 'webhook delivery failed; resuming from its checkpoint'),
    };
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.done = this.watch();
  }

  /** Before the stores close: workers stop, aborting attempts in flight (their events are delivered again later). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.subscription?.close();
    await this.done;
    await Promise.all([...this.loops.values()].map((loop) => loop.stop()));
    this.loops.clear();
  }

  private async watch(): Promise<void> {
    while (this.running) {
      try {
        await this.followLifecycle();
      } catch (err) {
        if (!this.running) return;
        this.logger.error({ err }, 'following webhook registrations failed; retrying');
        await new Promise((r) => setTimeout(r, 1000).unref());
      }
    }
  }

  /**
   * Reads every registration and deactivation up to now before starting any worker (so that a
   * deactivated webhook never delivers again, not even briefly at boot), then follows them live.
   */
  private async followLifecycle(): Promise<void> {
    const active = new Map<string, DeliveryTarget>();
    let after = 0;
    for (let page = await this.lifecyclePage(after); page.length > 0; page = await this.lifecyclePage(after)) {
      for (const event of page) this.applyLifecycle(active, event);
      after = page[page.length - 1].position;
    }
    await this.reconcile(active);
    // Shutdown closes the subscription it can see: one opened after it would wait for events forever.
    if (!this.running) return;
    const subscription = this.events.subscribeToAll({ after, filter: { eventTypes: LIFECYCLE_TYPES } });
    this.subscription = subscription;
    for await (const event of subscription) {
      if (!this.running) break;
      this.applyLifecycle(active, event);
      await this.reconcile(active);
    }
  }

  private lifecyclePage(after: number): Promise<RecordedEvent[]> {
    return this.events.readAll({ after, maxCount: PAGE, filter: { eventTypes: LIFECYCLE_TYPES } });
  }

  private async reconcile(active: Map<string, DeliveryTarget>): Promise<void> {
    for (const [id, loop] of this.loops) {
      if (active.has(id)) continue;
      this.loops.delete(id);
      await loop.stop();
    }
    for (const [id, target] of active) {
      if (this.loops.has(id) || !this.running) continue;
      const loop = new DeliveryLoop(target, this.deps);
      this.loops.set(id, loop);
      loop.start();
    }
  }

  private async visible(target: DeliveryTarget, event: RecordedEvent, signal: AbortSignal): Promise<boolean> {
    const { owner } = target;
    if (owner.party !== 'distributor') return true;
    const scope = EVENT_SCOPES[event.type] ?? 'internal';
    if (scope === 'internal') return false;
    if (LOOKUP_SCOPES.has(scope)) await this.lookupsReach(event.position, signal);
    const viewer = { party: 'distributor' as const, userId: `webhook:${target.webhookId}`, distributorId: owner.distributorId };
    return this.visibility.checker(viewer)(event);
  }

  /** Polls the stored checkpoints, so it works with PROJECTOR=external too; a stopping worker stops waiting. */
  private async lookupsReach(position: number, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + PROJECTION_WAIT_MS;
    for (const name of LOOKUP_PROJECTIONS) {
      while ((await this.reads.status(name)).checkpoint < position) {
        if (signal.aborted) throw new Error('webhook delivery stopped');
        if (Date.now() > deadline) throw new Error(`projection ${name} did not reach position ${position} within ${PROJECTION_WAIT_MS} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  private applyLifecycle(active: Map<string, DeliveryTarget>, event: RecordedEvent): void {
    const e = upcast<WebhookEvent>(this.schemas, event);
    if (e.type === 'WebhookRegistered') active.set(e.data.webhookId, { ...e.data, eventTypes: [...e.data.eventTypes], startPosition: event.position });
    else active.delete(e.data.webhookId);
  }
}
