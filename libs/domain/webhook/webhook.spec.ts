import { deciderSpec } from '../testing/decider-spec';
import type { CommandContext } from '../shared/types';
import { DomainError } from '../shared/errors';
import { ownerKey, type WebhookDeactivated, type WebhookRegistered } from './events';
import { webhookAccess, webhookDecider, type RegisterWebhook } from './webhook';

const now = new Date('2026-05-04T12:00:00.000Z');
const later = new Date('2026-05-05T08:00:00.000Z');
const as = (party: 'company' | 'compliance' | 'distributor' | 'system', distributorId = 'acme', at = now): CommandContext => ({
  now: at,
  actor: { party, userId: `${party}-user`, ...(party === 'distributor' ? { distributorId } : {}) },
});
const spec = deciderSpec(webhookDecider);
const register = (context = as('distributor'), eventTypes = ['SaleRecorded', 'ClientClaimed', 'SaleRecorded']): RegisterWebhook => ({
  type: 'RegisterWebhook',
  data: { webhookId: 'wh-1', url: 'https://erp.acme.example/hooks', eventTypes },
  context,
});
const registered: WebhookRegistered = {
  type: 'WebhookRegistered',
  data: {
    webhookId: 'wh-1',
    url: 'https://erp.acme.example/hooks',
    eventTypes: ['ClientClaimed', 'SaleRecorded'],
    owner: { party: 'distributor', distributorId: 'acme' },
    registeredAt: now.toISOString(),
  },
};
const deactivated: WebhookDeactivated = { type: 'WebhookDeactivated', data: { webhookId: 'wh-1', deactivatedAt: later.toISOString() } };
const deactivate = (context: CommandContext) => ({ type: 'DeactivateWebhook' as const, data: { webhookId: 'wh-1' }, context });

describe('webhook', () => {
  it('registers for the acting party, with its event types sorted and unique', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it.each(['company', 'compliance'] as const)('the %s party owns the webhooks it registers', (party) => {
    const [event] = webhookDecider.decide(register(as(party), []), webhookDecider.initialState());
    expect(event).toMatchObject({ type: 'WebhookRegistered', data: { owner: { party }, eventTypes: [] } });
  });

  it('refuses the system party', () => {
    spec.given([]).when(register(as('system'))).thenThrows('WEBHOOK.PARTY_NOT_ALLOWED');
  });

  it('refuses an unknown event type, naming the field', () => {
    let error: DomainError | undefined;
    try {
      webhookDecider.decide(register(as('company'), ['SaleRecorded', 'SaleRecordedd']), webhookDecider.initialState());
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toMatchObject({ code: 'WEBHOOK.UNKNOWN_EVENT_TYPE', kind: 'invalid' });
    expect(error!.details.errors).toEqual([{ field: 'eventTypes', message: expect.stringContaining('SaleRecordedd') }]);
  });

  it('refuses an inherited property name as an event type', () => {
    spec.given([]).when(register(as('company'), ['toString'])).thenThrows('WEBHOOK.UNKNOWN_EVENT_TYPE');
  });

  it('refuses to register the same id twice', () => {
    spec.given([registered]).when(register()).thenThrows('WEBHOOK.ALREADY_REGISTERED');
  });

  it('the owner deactivates it; again records nothing', () => {
    spec.given([registered]).when(deactivate(as('distributor', 'acme', later))).then([deactivated]);
    spec.given([registered, deactivated]).when(deactivate(as('distributor'))).then([]);
  });

  it('another distributor and the company are told it does not exist; compliance that it is not theirs', () => {
    spec.given([registered]).when(deactivate(as('distributor', 'beta'))).thenThrows('WEBHOOK.NOT_FOUND');
    spec.given([registered]).when(deactivate(as('company'))).thenThrows('WEBHOOK.NOT_FOUND');
    spec.given([registered]).when(deactivate(as('compliance'))).thenThrows('WEBHOOK.NOT_OWNER');
    spec.given([]).when(deactivate(as('distributor'))).thenThrows('WEBHOOK.NOT_FOUND');
  });

  it('grants access by owner key: owner manages, compliance reads, others nothing', () => {
    const owner = registered.data.owner;
    expect(ownerKey(owner)).toBe('distributor:acme');
    expect(webhookAccess(as('distributor').actor, owner)).toBe('owner');
    expect(webhookAccess(as('distributor', 'beta').actor, owner)).toBe('none');
    expect(webhookAccess(as('company').actor, owner)).toBe('none');
    expect(webhookAccess(as('compliance').actor, owner)).toBe('reader');
    expect(webhookAccess(as('compliance').actor, { party: 'compliance' })).toBe('owner');
  });
});
