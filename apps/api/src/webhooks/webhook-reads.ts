/**
 * What the webhook routes read: the `webhooks` projection for the webhooks themselves, the delivery
 * state for their progress. A party sees its own webhooks, compliance sees all; anyone else is
 * answered as if the webhook did not exist.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ownerKey } from '@cl/domain/webhook/events';
import { ownerOf, webhookAccess, WebhookErrors } from '@cl/domain/webhook/webhook';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { WEBHOOKS, type WebhookDoc } from '@cl/projections/webhooks/webhooks.projection';
import type { Principal } from '../shared/auth/principal';
import { DeliveryStateStore, initialDeliveryState } from './delivery/delivery-state';
import type { DeliveriesView } from './deliveries/deliveries.dto';
import { toWebhookView, type WebhookPage, type WebhookView } from './webhook.dto';

@Injectable()
export class WebhookReads {
  private readonly state: DeliveryStateStore;

  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {
    this.state = new DeliveryStateStore(reads);
  }

  async list(viewer: Principal, page: { limit: number; offset: number }): Promise<WebhookPage> {
    const filter = this.filterFor(viewer);
    const [docs, total] = await Promise.all([
      this.reads.find<WebhookDoc>(WEBHOOKS, filter, { sort: { registeredAt: 1, _id: 1 }, limit: page.limit, skip: page.offset }),
      this.reads.count(WEBHOOKS, filter),
    ]);
    return { items: docs.map(toWebhookView), total, limit: page.limit, offset: page.offset };
  }

  async get(viewer: Principal, id: string): Promise<WebhookView> {
    return toWebhookView(await this.visibleDoc(viewer, id));
  }

  async deliveries(viewer: Principal, id: string): Promise<DeliveriesView> {
    const doc = await this.visibleDoc(viewer, id);
    // The worker creates the state on its first run; until then the webhook is at its start.
    const state = (await this.state.load(id)) ?? initialDeliveryState(id, doc.startPosition);
    const status = doc.status === 'deactivated' ? 'deactivated' : state.parked.length > 0 ? 'suspended' : 'delivering';
    const { checkpoint, startPosition, delivered, lastDelivered, retrying, parked, replays } = state;
    return { webhookId: id, status, position: checkpoint, startPosition, delivered, lastDelivered, retrying, parked, replays };
  }

  private async visibleDoc(viewer: Principal, id: string): Promise<WebhookDoc> {
    const doc = await this.reads.findOne<WebhookDoc>(WEBHOOKS, { _id: id });
    if (!doc || webhookAccess(viewer, doc.owner) === 'none') throw WebhookErrors.notFound(id);
    return doc;
  }

  private filterFor(viewer: Principal): Filter {
    if (viewer.party === 'compliance') return {};
    const owner = ownerOf(viewer);
    return { ownerKey: owner ? ownerKey(owner) : '' };
  }
}
