import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { ClientCommandMessage } from '../client-command.handler';
import { ClientIdParam } from '../client.dto';
import { recordedEvent } from '../recorded-event';
import { LogInteractionDto } from './log-interaction.dto';

@ApiTags('clients')
@Controller('clients')
export class LogInteractionController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Either side logs its own work with a client it may see, owned or not: the shared history both
   * sides read (the company's work is visible to the distributor, and the other way round).
   */
  @Post(':id/interactions')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'ClientInteractionLogged: `interactionId`; ETag is set' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED, CLIENT.INVALID_COMMAND (e.g. `occurredAt` in the future)' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, also for a client a distributor may not see' })
  async log(
    @Param() { id }: ClientIdParam,
    @Body() dto: LogInteractionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { kind, summary, occurredAt } = dto;
    const data = { clientId: id, interactionId: randomUUID(), kind, summary, occurredAt };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'LogInteraction', data, context: ctx }, ctx));
    const logged = recordedEvent(outcome, 'ClientInteractionLogged');
    return { ...clientAnswer(res, outcome.clientId, outcome), interactionId: logged?.interactionId, occurredAt: logged?.occurredAt };
  }
}
