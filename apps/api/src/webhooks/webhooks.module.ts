import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { FeedModule } from '../feed/feed.module';
import { DeactivateWebhookController } from './deactivate-webhook/deactivate-webhook.controller';
import { GetDeliveriesController } from './deliveries/get-deliveries.controller';
import { WebhookDeliveries } from './delivery/webhook-deliveries.service';
import { ListWebhooksController } from './list-webhooks/list-webhooks.controller';
import { RegisterWebhookController } from './register-webhook/register-webhook.controller';
import { ReplayParkedController } from './replay-parked/replay-parked.controller';
import { WebhookCommandHandler } from './webhook-command.handler';
import { WebhookReads } from './webhook-reads';

/** Signed webhooks (docs/webhooks.md): the feed's scoping (EventVisibility) and items (FeedItems), pushed. */
@Module({
  imports: [ClientsModule, FeedModule],
  controllers: [RegisterWebhookController, ListWebhooksController, GetDeliveriesController, ReplayParkedController, DeactivateWebhookController],
  providers: [WebhookCommandHandler, WebhookReads, WebhookDeliveries],
})
export class WebhooksModule {}
