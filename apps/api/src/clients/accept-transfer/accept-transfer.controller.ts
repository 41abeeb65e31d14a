import { Controller, Param, Post, Res } from '@nestjs/common';
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

@ApiTags('clients')
@Controller('clients')
export class AcceptTransferController {
  constructor(private readonly commands: CommandBus) {}

  /** The owner accepts a pending hand-over request (also after `dueBy`); no body. The requester owns the client from now on. */
  @Post(':id/transfers/:requestId/acceptance')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'ClientTransferred (cause: the request): `transferId`, the new `owner`; ETag is set' })
  @ApiForbiddenResponse({ description: 'CLIENT.NOT_OWNER: only the owner accepts' })
  @ApiConflictResponse({ description: 'CLIENT.TRANSFER_REQUEST_NOT_PENDING (names its `status`)' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, CLIENT.TRANSFER_REQUEST_NOT_FOUND' })
  async accept(@Param() { id, requestId }: TransferRequestParams, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { clientId: id, requestId, transferId: randomUUID() };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'AcceptTransfer', data, context: ctx }, ctx));
    const transferred = recordedEvent(outcome, 'ClientTransferred');
    return { ...clientAnswer(res, outcome.clientId, outcome), requestId, transferId: transferred?.transferId, owner: transferred?.to };
  }
}
