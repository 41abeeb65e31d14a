/** Samples of webhook registrations, from their decider. */
import { asDistributor } from '../../policy/testing/fixtures';
import { webhookDecider, type WebhookCommand } from '../../webhook/webhook';
import { Scenario, type SampleEvent } from './scenario';

export function webhookSamples(): SampleEvent[] {
  const commands: WebhookCommand[] = [
    {
      type: 'RegisterWebhook',
      data: {
        webhookId: 'wh-1',
        url: 'https://erp.hydra-pumps.example/hooks/channel-ledger',
        eventTypes: ['SaleRecorded', 'SaleCorrected', 'SaleCancelled'],
      },
      context: asDistributor('2026-01-05T09:00:00.000Z'),
    },
    { type: 'DeactivateWebhook', data: { webhookId: 'wh-1' }, context: asDistributor('2026-06-30T17:00:00.000Z') },
  ];
  return new Scenario(webhookDecider, 'webhook wh-1 of d-1').run(...commands).samples;
}
