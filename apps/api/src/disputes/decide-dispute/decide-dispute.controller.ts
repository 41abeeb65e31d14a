import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { DisputeIdParam, outcomeOf } from '../dispute.dto';
import { DecideDisputeDto } from './decide-dispute.dto';

@ApiTags('disputes')
@Controller('disputes')
export class DecideDisputeController {
  constructor(private readonly commands: CommandBus) {}

  /** Compliance settles a dispute the parties could not; neither side may decide. The only write compliance makes. */
  @Post(':id/resolution')
  @AllowParties('compliance')
  @ApiCreatedResponse({ description: 'DisputeResolved by compliance; ETag is set' })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DISPUTE.CLOSED: the dispute was resolved or withdrawn' })
  @ApiUnprocessableEntityResponse({
    description:
      'DISPUTE.INVALID_COMMAND: outcome.clientOwner in a dispute not about a client, or naming a side that is not a party; ' +
      "outcome.evidenceVerdict missing in a dispute about an obligation's evidence, or given in another",
  })
  async decide(
    @Param() { id }: DisputeIdParam,
    @Body() dto: DecideDisputeDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { disputeId: id, outcome: outcomeOf(dto.outcome) };
    const outcome = await this.commands.execute(new DisputeCommandMessage({ type: 'DecideDispute', data, context: ctx }, ctx));
    return disputeAnswer(res, id, outcome);
  }
}
