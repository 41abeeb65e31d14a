import { Body, Controller, Param, Post, Res } from '@nestjs/common';
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
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer, recordedDisputeEvent } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { DisputeIdParam, outcomeOf } from '../dispute.dto';
import { ProposeResolutionDto } from './propose-resolution.dto';

@ApiTags('disputes')
@Controller('disputes')
export class ProposeResolutionController {
  constructor(private readonly commands: CommandBus) {}

  /** Either party proposes how to end the dispute; the other party may accept it. A new proposal supersedes the open one. */
  @Post(':id/resolution-proposals')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'DisputeResolutionProposed, with its proposalNo (1, 2, …); ETag is set' })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND, also for a distributor that is not a party' })
  @ApiForbiddenResponse({ description: 'DISPUTE.NOT_A_PARTY: the company acting on a dispute between two distributors' })
  @ApiConflictResponse({ description: 'DISPUTE.CLOSED: the dispute was resolved or withdrawn' })
  @ApiUnprocessableEntityResponse({
    description:
      'DISPUTE.INVALID_COMMAND: outcome.clientOwner in a dispute not about a client, or naming a side that is not a party; ' +
      "outcome.evidenceVerdict missing in a dispute about an obligation's evidence, or given in another",
  })
  async propose(
    @Param() { id }: DisputeIdParam,
    @Body() dto: ProposeResolutionDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { disputeId: id, outcome: outcomeOf(dto.outcome) };
    const outcome = await this.commands.execute(new DisputeCommandMessage({ type: 'ProposeResolution', data, context: ctx }, ctx));
    return { ...disputeAnswer(res, id, outcome), proposalNo: recordedDisputeEvent(outcome, 'DisputeResolutionProposed')?.proposalNo };
  }
}
