import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { DisputeIdParam } from '../dispute.dto';
import { WithdrawDisputeDto } from './withdraw-dispute.dto';

@ApiTags('disputes')
@Controller('disputes')
export class WithdrawDisputeController {
  constructor(private readonly commands: CommandBus) {}

  /** The side that opened the dispute drops it, with a reason; ownership stays as it is. */
  @Post(':id/withdrawal')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'DisputeWithdrawn; ETag is set' })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND, also for a distributor that is not a party' })
  @ApiForbiddenResponse({ description: 'DISPUTE.NOT_OPENER: the other party cannot withdraw it; DISPUTE.NOT_A_PARTY' })
  @ApiConflictResponse({ description: 'DISPUTE.CLOSED: the dispute was resolved or withdrawn' })
  async withdraw(
    @Param() { id }: DisputeIdParam,
    @Body() dto: WithdrawDisputeDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { disputeId: id, reason: dto.reason };
    const outcome = await this.commands.execute(new DisputeCommandMessage({ type: 'WithdrawDispute', data, context: ctx }, ctx));
    return disputeAnswer(res, id, outcome);
  }
}
