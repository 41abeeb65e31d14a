import { webhookStream, type WebhookEvent } from '@cl/domain/webhook/events';
import { asProjected, tempReadStore, type TempReadStore } from '../testing/project-events';
import { WEBHOOKS, webhooksProjection, type WebhookDoc } from './webhooks.projection';

const registered = (webhookId: string, distributorId: string): WebhookEvent => ({
  type: 'WebhookRegistered',
  data: {
    webhookId,
    url: `https://${distributorId}.example/hooks`,
    eventTypes: ['SaleRecorded'],
    owner: { party: 'distributor', distributorId },
    registeredAt: '2026-05-04T12:00:00.000Z',
  },
});

describe('webhooks projection', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  it('lists each webhook by owner key, from its registration position, and marks deactivation', async () => {
    const events = asProjected([
      { stream: webhookStream('a'), event: registered('a', 'acme') },
      { stream: webhookStream('b'), event: registered('b', 'beta') },
      { stream: webhookStream('a'), event: { type: 'WebhookDeactivated', data: { webhookId: 'a', deactivatedAt: '2026-05-05T00:00:00.000Z' } } },
    ]);
    await reads.apply(webhooksProjection, events);
    const a = await reads.store.findOne<WebhookDoc>(WEBHOOKS, { _id: 'a' });
    expect(a).toMatchObject({ ownerKey: 'distributor:acme', status: 'deactivated', deactivatedAt: '2026-05-05T00:00:00.000Z', startPosition: 1, revision: 1 });
    const beta = await reads.store.find<WebhookDoc>(WEBHOOKS, { ownerKey: 'distributor:beta' });
    expect(beta.map((d) => [d._id, d.status, d.startPosition, d.url])).toEqual([['b', 'active', 2, 'https://beta.example/hooks']]);
  });

  it('ignores other events', () => {
    const [other] = asProjected([{ stream: 'x', event: { type: 'SaleRecorded', data: {} } }]);
    expect(webhooksProjection.project(other)).toEqual([]);
  });
});
