import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { ObligationParams, ReasonDto } from '../obligations.dto';


@ApiTags('obligations')
@Controller('policies')
export class WaiveObligationController {
  constructor(private readonly commands: CommandBus) {}

  /** The protected party releases the responsible party from an obligation. */
  @Post(':id/obligations/:oid/waiver')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'WaiveObligation recorded; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.FORBIDDEN_PARTY, OBLIGATIONS.NOT_PROTECTED_PARTY, OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.ALREADY_WAIVED, RETIRED, ALREADY_FULFILLED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async waive(@Param() params: ObligationParams, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: params.id, obligationId: params.oid, reason: dto.reason };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'WaiveObligation', data, context: ctx }, ctx));
    return obligationsAnswer(res, params.id, outcome);
  }
}
