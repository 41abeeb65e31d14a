import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { WebhookIdParam } from '../webhook.dto';
import { WebhookReads } from '../webhook-reads';
import { DeliveriesView } from './deliveries.dto';

@ApiTags('webhooks')
@Controller('webhooks')
export class GetDeliveriesController {
  constructor(private readonly reads: WebhookReads) {}

  @Get(':id/deliveries')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: DeliveriesView, description: 'Position delivered up to, the event being retried, and parked deliveries' })
  @ApiNotFoundResponse({ description: "WEBHOOK.NOT_FOUND, also for another party's webhook" })
  deliveries(@Param() { id }: WebhookIdParam, @Ctx() ctx: RequestContext): Promise<DeliveriesView> {
    return this.reads.deliveries(ctx.actor, id);
  }
}
