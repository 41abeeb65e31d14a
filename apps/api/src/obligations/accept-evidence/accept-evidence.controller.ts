import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { EvidenceParams } from '../obligations.dto';


@ApiTags('obligations')
@Controller('policies')
export class AcceptEvidenceController {
  constructor(private readonly commands: CommandBus) {}

  /** The protected party accepts the evidence: it counts towards fulfilment. Final. */
  @Post(':id/obligations/:oid/evidence/:eid/acceptance')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'AcceptEvidence recorded; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.FORBIDDEN_PARTY, OBLIGATIONS.NOT_PROTECTED_PARTY, OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.EVIDENCE_ACCEPTED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async accept(@Param() params: EvidenceParams, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: params.id, evidenceId: params.eid };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'AcceptEvidence', data, context: ctx }, ctx, params.oid));
    return obligationsAnswer(res, params.id, outcome);
  }
}
