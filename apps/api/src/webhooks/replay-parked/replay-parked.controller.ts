import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { fold } from '@cl/domain/shared/types';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { webhookStream, type WebhookEvent } from '@cl/domain/webhook/events';
import { assertManages, webhookDecider } from '@cl/domain/webhook/webhook';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { AllowParties } from '../../shared/auth/access';
import { EVENT_SCHEMAS } from '../../shared/command/command-pipeline';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ApiProblem } from '../../shared/problem/problem';
import { ReplayView } from '../deliveries/deliveries.dto';
import { DeliveryStateStore } from '../delivery/delivery-state';
import { WebhookIdParam } from '../webhook.dto';

@ApiTags('webhooks')
@Controller('webhooks')
export class ReplayParkedController {
  private readonly state: DeliveryStateStore;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    @Inject(READ_STORE) reads: ReadStore,
  ) {
    this.state = new DeliveryStateStore(reads);
  }

  /**
   * Releases the parked delivery: the worker (on whichever instance holds the webhook) resumes with
   * that event, with a fresh count of attempts. Decided on the webhook's stream, like a command.
   */
  @Post(':id/parked/replay')
  @HttpCode(202)
  @AllowParties('company', 'distributor', 'compliance')
  @ApiAcceptedResponse({ type: ReplayView, description: 'Delivery resumes with the released events, asynchronously' })
  @ApiForbiddenResponse({ description: 'WEBHOOK.NOT_OWNER: compliance reads every webhook but manages only its own' })
  @ApiNotFoundResponse({ description: "WEBHOOK.NOT_FOUND, also for another party's webhook" })
  @ApiConflictResponse({ description: 'WEBHOOK.DEACTIVATED' })
  async replay(@Param() { id }: WebhookIdParam, @Ctx() ctx: RequestContext): Promise<ReplayView> {
    const recorded = await this.events.readStream(webhookStream(id));
    const state = fold(webhookDecider, recorded.map((e) => upcast<WebhookEvent>(this.schemas, e)));
    assertManages(ctx.actor, state, id);
    if (state.status === 'deactivated') throw new ApiProblem(409, 'WEBHOOK.DEACTIVATED', `Webhook ${id} is deactivated; register a new one`);
    return { webhookId: id, replayed: await this.state.replay(id, ctx.now) };
  }
}
