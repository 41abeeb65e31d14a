import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { WebhookCommandMessage } from '../webhook-command.handler';
import { DeactivationView, WebhookIdParam } from '../webhook.dto';

@ApiTags('webhooks')
@Controller('webhooks')
export class DeactivateWebhookController {
  constructor(private readonly commands: CommandBus) {}

  /** Deliveries stop on every instance as soon as this is recorded; deactivating again changes nothing. */
  @Post(':id/deactivation')
  @HttpCode(200)
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: DeactivationView, description: 'WebhookDeactivated recorded (or already); ETag is set' })
  @ApiForbiddenResponse({ description: 'WEBHOOK.NOT_OWNER: compliance reads every webhook but manages only its own' })
  @ApiNotFoundResponse({ description: "WEBHOOK.NOT_FOUND, also for another party's webhook" })
  async deactivate(@Param() { id }: WebhookIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DeactivationView> {
    const command = { type: 'DeactivateWebhook' as const, data: { webhookId: id }, context: ctx };
    const { revision } = await this.commands.execute(new WebhookCommandMessage(command, ctx));
    res.setHeader('ETag', etag(revision!));
    return { id, status: 'deactivated', revision: revision! };
  }
}
