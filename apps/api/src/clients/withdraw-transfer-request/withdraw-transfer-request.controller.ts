import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { TransferRequestParams } from '../client-command.dto';
import { ClientCommandMessage } from '../client-command.handler';
import { WithdrawTransferRequestDto } from './withdraw-transfer-request.dto';

@ApiTags('clients')
@Controller('clients')
export class WithdrawTransferRequestController {
  constructor(private readonly commands: CommandBus) {}

  /** The requester takes back its request while the owner has not answered it. */
  @Post(':id/transfers/:requestId/withdrawal')
  @HttpCode(200)
  @AllowParties('company', 'distributor')
  @ApiOkResponse({ description: 'ClientTransferRequestWithdrawn; ETag is set' })
  @ApiForbiddenResponse({ description: 'CLIENT.NOT_REQUESTER: only the side that requested it withdraws' })
  @ApiConflictResponse({ description: 'CLIENT.TRANSFER_REQUEST_NOT_PENDING (names its `status`)' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, CLIENT.TRANSFER_REQUEST_NOT_FOUND' })
  async withdraw(
    @Param() { id, requestId }: TransferRequestParams,
    @Body() dto: WithdrawTransferRequestDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { clientId: id, requestId, ...(dto.reason === undefined ? {} : { reason: dto.reason }) };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'WithdrawTransferRequest', data, context: ctx }, ctx));
    return { ...clientAnswer(res, outcome.clientId, outcome), requestId };
  }
}
