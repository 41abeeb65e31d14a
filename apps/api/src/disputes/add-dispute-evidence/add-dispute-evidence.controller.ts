import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer, recordedDisputeEvent } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { DisputeIdParam } from '../dispute.dto';
import { AddDisputeEvidenceDto } from './add-dispute-evidence.dto';

@ApiTags('disputes')
@Controller('disputes')
export class AddDisputeEvidenceController {
  constructor(private readonly commands: CommandBus) {}

  /** Either party points to a document backing its case while the dispute is open. */
  @Post(':id/evidence')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'DisputeEvidenceAdded, with its evidenceId; ETag is set' })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND, also for a distributor that is not a party' })
  @ApiForbiddenResponse({ description: 'DISPUTE.NOT_A_PARTY: the company acting on a dispute between two distributors' })
  @ApiConflictResponse({ description: 'DISPUTE.CLOSED: the dispute was resolved or withdrawn' })
  async add(
    @Param() { id }: DisputeIdParam,
    @Body() dto: AddDisputeEvidenceDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { disputeId: id, evidenceId: randomUUID(), reference: dto.reference, description: dto.description };
    const outcome = await this.commands.execute(new DisputeCommandMessage({ type: 'AddDisputeEvidence', data, context: ctx }, ctx));
    return { ...disputeAnswer(res, id, outcome), evidenceId: recordedDisputeEvent(outcome, 'DisputeEvidenceAdded')?.evidenceId };
  }
}
