/**
 * A webhook's lifecycle as a decider. Who may manage a webhook: its owner (the party that registered
 * it). Compliance, the read-only auditor, may read every webhook but manage only its own; anyone else
 * is told the webhook does not exist, so a distributor cannot learn of another's integrations.
 */
import { allEventSchemas } from '../schemas';
import { DomainError } from '../shared/errors';
import type { Actor, Command, Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { ownerKey, type WebhookEvent, type WebhookOwner } from './events';

export type RegisterWebhook = Command<'RegisterWebhook', { webhookId: string; url: string; eventTypes: string[] }>;
export type DeactivateWebhook = Command<'DeactivateWebhook', { webhookId: string }>;
export type WebhookCommand = RegisterWebhook | DeactivateWebhook;

export interface WebhookDefinition {
  webhookId: string;
  url: string;
  eventTypes: string[];
  owner: WebhookOwner;
  registeredAt: string;
}

export type WebhookState =
  | { status: 'unregistered' }
  | (WebhookDefinition & { status: 'active' })
  | (WebhookDefinition & { status: 'deactivated'; deactivatedAt: string });

export const WebhookErrors = {
  partyNotAllowed: (party: string) => new DomainError('WEBHOOK.PARTY_NOT_ALLOWED', 'forbidden', `The ${party} party may not register webhooks`),
  alreadyRegistered: (id: string) => new DomainError('WEBHOOK.ALREADY_REGISTERED', 'conflict', `Webhook ${id} is already registered`, { webhookId: id }),
  unknownEventTypes: (types: string[]) =>
    new DomainError('WEBHOOK.UNKNOWN_EVENT_TYPE', 'invalid', `Unknown event type(s): ${types.join(', ')}`, {
      errors: types.map((t) => ({ field: 'eventTypes', message: `${t} is not an event type of this service` })),
    }),
  notFound: (id: string) => new DomainError('WEBHOOK.NOT_FOUND', 'not_found', `Webhook ${id} was not found`, { webhookId: id }),
  notOwner: (id: string) => new DomainError('WEBHOOK.NOT_OWNER', 'forbidden', `Only the party that registered webhook ${id} manages it`, { webhookId: id }),
};

/** The owner a webhook registered by this actor gets; undefined for a party that may not register. */
export function ownerOf(actor: Actor): WebhookOwner | undefined {
  switch (actor.party) {
    case 'company':
    case 'compliance':
      return { party: actor.party };
    case 'distributor':
      return actor.distributorId ? { party: 'distributor', distributorId: actor.distributorId } : undefined;
    case 'system':
      return undefined;
    default:
      return assertNever(actor.party);
  }
}

/** 'owner' manages it, 'reader' (compliance) only reads it, 'none' must not learn it exists. */
export function webhookAccess(actor: Actor, owner: WebhookOwner): 'owner' | 'reader' | 'none' {
  const own = ownerOf(actor);
  if (own && ownerKey(own) === ownerKey(owner)) return 'owner';
  return actor.party === 'compliance' ? 'reader' : 'none';
}

/** Throws what a caller without the right to manage this webhook is told. */
export function assertManages(actor: Actor, state: WebhookState, webhookId: string): asserts state is Exclude<WebhookState, { status: 'unregistered' }> {
  if (state.status === 'unregistered') throw WebhookErrors.notFound(webhookId);
  const access = webhookAccess(actor, state.owner);
  if (access === 'none') throw WebhookErrors.notFound(webhookId);
  if (access === 'reader') throw WebhookErrors.notOwner(webhookId);
}

function register(command: RegisterWebhook, state: WebhookState): WebhookEvent[] {
  const owner = ownerOf(command.context.actor);
  if (!owner) throw WebhookErrors.partyNotAllowed(command.context.actor.party);
  const { webhookId, url } = command.data;
  if (state.status !== 'unregistered') throw WebhookErrors.alreadyRegistered(webhookId);
  const eventTypes = [...new Set(command.data.eventTypes)].sort();
  const unknown = eventTypes.filter((t) => !Object.hasOwn(allEventSchemas, t));
  if (unknown.length > 0) throw WebhookErrors.unknownEventTypes(unknown);
  return [{ type: 'WebhookRegistered', data: { webhookId, url, eventTypes, owner, registeredAt: command.context.now.toISOString() } }];
}

function decide(command: WebhookCommand, state: WebhookState): WebhookEvent[] {
  switch (command.type) {
    case 'RegisterWebhook':
      return register(command, state);
    case 'DeactivateWebhook':
      assertManages(command.context.actor, state, command.data.webhookId);
      // Already deactivated: nothing new to record, so a retried request succeeds.
      if (state.status === 'deactivated') return [];
      return [{ type: 'WebhookDeactivated', data: { webhookId: state.webhookId, deactivatedAt: command.context.now.toISOString() } }];
    default:
      return assertNever(command);
  }
}

function evolve(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', ...event.data, eventTypes: [...event.data.eventTypes] };
    case 'WebhookDeactivated':
      return state.status === 'active' ? { ...state, status: 'deactivated', deactivatedAt: event.data.deactivatedAt } : state;
    default:
      return assertNever(event);
  }
}

export const webhookDecider: Decider<WebhookState, WebhookCommand, WebhookEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
};
