import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { ProposalParams } from '../dispute.dto';

@ApiTags('disputes')
@Controller('disputes')
export class AcceptResolutionController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The party that did not make the proposal agrees to it; no body. Both sides have then agreed and the
   * dispute is resolved with the proposal's outcome (a client changes hands if it says so).
   */
  @Post(':id/resolution-proposals/:n/acceptance')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'DisputeResolved by agreement; ETag is set' })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND (also for a distributor that is not a party), DISPUTE.PROPOSAL_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'DISPUTE.NOT_A_PARTY: the company acting on a dispute between two distributors' })
  @ApiConflictResponse({ description: 'DISPUTE.OWN_PROPOSAL, DISPUTE.PROPOSAL_SUPERSEDED (names latest), DISPUTE.CLOSED' })
  async accept(@Param() { id, n }: ProposalParams, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { disputeId: id, proposalNo: Number(n) };
    const outcome = await this.commands.execute(new DisputeCommandMessage({ type: 'AcceptResolution', data, context: ctx }, ctx));
    return disputeAnswer(res, id, outcome);
  }
}
