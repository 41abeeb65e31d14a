import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { ClientCommandMessage } from '../client-command.handler';
import { ClientIdParam, sideOfDto } from '../client.dto';
import { recordedEvent } from '../recorded-event';
import { HandOverClientDto } from './hand-over-client.dto';
import { requireRegisteredSide } from './registered-distributor';

@ApiTags('clients')
@Controller('clients')
export class HandOverClientController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** The owner hands the client to the other side on its own initiative, without a request. */
  @Post(':id/hand-over')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'ClientTransferred (cause: owner-initiative): `transferId`, the new `owner`; ETag is set' })
  @ApiForbiddenResponse({ description: 'CLIENT.NOT_OWNER: only the owner hands a client over' })
  @ApiConflictResponse({ description: 'CLIENT.ALREADY_OWNER: `to` is the owner itself' })
  @ApiUnprocessableEntityResponse({ description: 'CLIENT.UNKNOWN_DISTRIBUTOR (names `to.distributorId`), REQUEST.VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, also for a client a distributor may not see' })
  async handOver(
    @Param() { id }: ClientIdParam,
    @Body() dto: HandOverClientDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const to = sideOfDto(dto.to);
    await requireRegisteredSide(this.events, to, 'to');
    const data = { clientId: id, transferId: randomUUID(), to, reason: dto.reason };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'HandOverClient', data, context: ctx }, ctx));
    const transferred = recordedEvent(outcome, 'ClientTransferred');
    return { ...clientAnswer(res, outcome.clientId, outcome), transferId: transferred?.transferId, owner: transferred?.to };
  }
}
