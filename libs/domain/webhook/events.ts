/**
 * Webhooks: a party asks to be told of facts over HTTP. Registration and deactivation are facts of
 * the log like any other, in a stream per webhook. The signing secret is deliberately NOT part of
 * these events: the log is immutable, hash-chained, exported to auditors and readable through the
 * feed by the company and compliance, so a secret in it could never be withdrawn and would let them
 * forge a distributor's deliveries. It is kept beside the delivery state (see docs/webhooks.md).
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';

/** Whose webhook it is: what it receives is what this party may read. */
export type WebhookOwner = { party: 'company' } | { party: 'compliance' } | { party: 'distributor'; distributorId: string };

export type WebhookRegistered = Event<
  'WebhookRegistered',
  {
    webhookId: string;
    /** https, or http to a loopback address only (checked before the command, see apps/api/src/webhooks/webhook-url.ts). */
    url: string;
    /** Sorted and unique; empty means every type the owner may read. */
    eventTypes: string[];
    owner: WebhookOwner;
    registeredAt: string;
  }
>;
export type WebhookDeactivated = Event<'WebhookDeactivated', { webhookId: string; deactivatedAt: string }>;

export type WebhookEvent = WebhookRegistered | WebhookDeactivated;

export const webhookEventSchemas: EventSchemas = {
  WebhookRegistered: { version: 1 },
  WebhookDeactivated: { version: 1 },
};

export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;

/** 'company', 'compliance' or 'distributor:<id>': a stable key for filters and comparisons. */
export const ownerKey = (owner: WebhookOwner): string => (owner.party === 'distributor' ? `distributor:${owner.distributorId}` : owner.party);
