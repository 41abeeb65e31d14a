import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PageParams } from '../../clients/read-params';
import { WebhookIdParam, WebhookPage, WebhookView } from '../webhook.dto';
import { WebhookReads } from '../webhook-reads';

@ApiTags('webhooks')
@Controller('webhooks')
export class ListWebhooksController {
  constructor(private readonly reads: WebhookReads) {}

  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: WebhookPage, description: "The caller's own webhooks by registration time (compliance: everyone's); never their secrets" })
  list(@Query() page: PageParams, @Ctx() ctx: RequestContext): Promise<WebhookPage> {
    return this.reads.list(ctx.actor, page);
  }

  @Get(':id')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: WebhookView })
  @ApiNotFoundResponse({ description: "WEBHOOK.NOT_FOUND, also for another party's webhook" })
  get(@Param() { id }: WebhookIdParam, @Ctx() ctx: RequestContext): Promise<WebhookView> {
    return this.reads.get(ctx.actor, id);
  }
}
