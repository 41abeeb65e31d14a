/** Webhooks for listing: one document per webhook, keyed by owner. The secret is never here (nor in the log). */
import { ownerKey, type WebhookEvent, type WebhookOwner } from '@cl/domain/webhook/events';
import type { Doc } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';

export const WEBHOOKS = 'webhooks';

export interface WebhookDoc extends Doc {
  url: string;
  eventTypes: string[];
  owner: WebhookOwner;
  /** 'company', 'compliance' or 'distributor:<id>' (see `ownerKey`). */
  ownerKey: string;
  status: 'active' | 'deactivated';
  registeredAt: string;
  deactivatedAt?: string;
  /** Global position of the registration: delivery starts with the first event after it. */
  startPosition: number;
  revision: number;
}

export const webhooksProjection: Projection = {
  name: 'webhooks',
  collections: [WEBHOOKS],
  project(event) {
    const e = event as ProjectedEvent<WebhookEvent>;
    switch (e.type) {
      case 'WebhookRegistered': {
        const { webhookId, url, eventTypes, owner, registeredAt } = e.data;
        const doc: WebhookDoc = {
          _id: webhookId,
          url,
          eventTypes: [...eventTypes],
          owner,
          ownerKey: ownerKey(owner),
          status: 'active',
          registeredAt,
          startPosition: e.position,
          revision: e.revision,
        };
        return [{ op: 'replace', collection: WEBHOOKS, doc }];
      }
      case 'WebhookDeactivated':
        return [
          {
            op: 'update',
            collection: WEBHOOKS,
            filter: { _id: e.data.webhookId },
            update: { $set: { status: 'deactivated', deactivatedAt: e.data.deactivatedAt, revision: e.revision } },
          },
        ];
      default:
        return [];
    }
  },
};
