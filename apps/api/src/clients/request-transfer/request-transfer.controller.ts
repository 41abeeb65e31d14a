import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { ClientCommandMessage } from '../client-command.handler';
import { ClientIdParam } from '../client.dto';
import { recordedEvent } from '../recorded-event';
import { RequestTransferDto } from './request-transfer.dto';

@ApiTags('clients')
@Controller('clients')
export class RequestTransferController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The side the client turned to asks the owner to hand it over. The owner answers within the
   * hand-over days of the distributor's policy in force (`dueBy`); the request stays answerable after.
   */
  @Post(':id/transfers')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'ClientTransferRequested: `requestId`, `dueBy`; Location and ETag are set' })
  @ApiConflictResponse({
    description:
      'CLIENT.NOT_OWNED (claim it instead), CLIENT.ALREADY_OWNER, CLIENT.TRANSFER_ALREADY_REQUESTED (names `requestId`), CLIENT.NO_POLICY_IN_FORCE',
  })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, also for a client a distributor may not see' })
  async request(
    @Param() { id }: ClientIdParam,
    @Body() dto: RequestTransferDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { clientId: id, requestId: randomUUID(), reason: dto.reason, policy: null };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'RequestTransfer', data, context: ctx }, ctx));
    const requested = recordedEvent(outcome, 'ClientTransferRequested');
    if (requested) res.setHeader('Location', `/clients/${outcome.clientId}/transfers/${requested.requestId}`);
    return {
      ...clientAnswer(res, outcome.clientId, outcome),
      requestId: requested?.requestId,
      from: requested?.from,
      dueBy: requested?.dueBy,
    };
  }
}
