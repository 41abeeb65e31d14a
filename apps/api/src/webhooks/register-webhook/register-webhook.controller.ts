import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { WebhookRegistered } from '@cl/domain/webhook/events';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { generateSecret, WebhookSecrets } from '../webhook-secrets';
import { RegisteredWebhookView, RegisterWebhookDto } from '../webhook.dto';
import { WebhookCommandMessage } from '../webhook-command.handler';

@ApiTags('webhooks')
@Controller('webhooks')
export class RegisterWebhookController {
  private readonly secrets: WebhookSecrets;

  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) reads: ReadStore,
  ) {
    this.secrets = new WebhookSecrets(reads);
  }

  /**
   * The secret is stored before the registration is recorded, so that the delivery worker, which
   * starts as soon as the registration is in the log, can sign from the first event.
   */
  @Post()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: RegisteredWebhookView, description: 'Registered; the only answer that shows the secret. Location and ETag are set' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED (url, eventTypes, secret) or WEBHOOK.UNKNOWN_EVENT_TYPE, naming the field' })
  async register(@Body() dto: RegisterWebhookDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<RegisteredWebhookView> {
    const webhookId = randomUUID();
    const secret = dto.secret ?? generateSecret();
    await this.secrets.put(webhookId, secret, ctx.now);
    const command = { type: 'RegisterWebhook' as const, data: { webhookId, url: dto.url, eventTypes: dto.eventTypes ?? [] }, context: ctx };
    try {
      const { events, revision } = await this.commands.execute(new WebhookCommandMessage(command, ctx));
      const { data } = events[0] as WebhookRegistered;
      res.setHeader('Location', `/webhooks/${data.webhookId}`);
      res.setHeader('ETag', etag(revision!));
      return { id: data.webhookId, url: data.url, eventTypes: [...data.eventTypes], owner: data.owner, status: 'active', registeredAt: data.registeredAt, revision: revision!, secret };
    } catch (error) {
      await this.secrets.remove(webhookId);
      throw error;
    }
  }
}
