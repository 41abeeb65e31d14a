import { Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { ReportParams } from '../obligations.dto';


@ApiTags('obligations')
@Controller('policies')
export class AcknowledgeReportController {
  constructor(private readonly commands: CommandBus) {}

  /** The company confirms it received the period's report. */
  @Post(':id/reports/:period/acknowledgement')
  @AllowParties('company')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'AcknowledgePeriodicReport recorded; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.FORBIDDEN_PARTY, OBLIGATIONS.NOT_PROTECTED_PARTY, OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.REPORT_NOT_SUBMITTED, REPORT_NOT_EXPECTED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async acknowledge(@Param() params: ReportParams, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: params.id, period: params.period };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'AcknowledgePeriodicReport', data, context: ctx }, ctx));
    return obligationsAnswer(res, params.id, outcome);
  }
}
