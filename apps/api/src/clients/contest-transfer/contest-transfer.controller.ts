import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { TransferRequestParams } from '../client-command.dto';
import { ClientCommandMessage } from '../client-command.handler';
import { recordedEvent } from '../recorded-event';
import { ContestTransferDto } from './contest-transfer.dto';

@ApiTags('clients')
@Controller('clients')
export class ContestTransferController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The owner contests a pending hand-over request. The contest is recorded in the client's stream
   * with the id of the dispute; the dispute process opens that dispute right after (Location).
   */
  @Post(':id/transfers/:requestId/rejection')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'ClientTransferContested: `disputeId`; Location names the dispute; ETag is set' })
  @ApiForbiddenResponse({ description: 'CLIENT.NOT_OWNER: only the owner contests' })
  @ApiConflictResponse({ description: 'CLIENT.TRANSFER_REQUEST_NOT_PENDING (names its `status`)' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, CLIENT.TRANSFER_REQUEST_NOT_FOUND' })
  async contest(
    @Param() { id, requestId }: TransferRequestParams,
    @Body() dto: ContestTransferDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { clientId: id, requestId, disputeId: randomUUID(), reason: dto.reason };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'ContestTransfer', data, context: ctx }, ctx));
    const contested = recordedEvent(outcome, 'ClientTransferContested');
    if (contested) res.setHeader('Location', `/disputes/${contested.disputeId}`);
    return { ...clientAnswer(res, outcome.clientId, outcome), requestId, disputeId: contested?.disputeId };
  }
}
