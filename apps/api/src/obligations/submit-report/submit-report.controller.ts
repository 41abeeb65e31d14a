import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { PolicyIdParam } from '../../policies/policy.dto';
import { SubmitReportDto } from './submit-report.dto';

@ApiTags('obligations')
@Controller('policies')
export class SubmitReportController {
  constructor(private readonly commands: CommandBus) {}

  /** The distributor submits its report for one period of the reporting cadence. */
  @Post(':id/reports')
  @AllowParties('distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'SubmitPeriodicReport recorded; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.FORBIDDEN_PARTY, OBLIGATIONS.NOT_PROTECTED_PARTY, OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.REPORT_NOT_EXPECTED, PERIOD_NOT_ENDED, REPORT_ALREADY_SUBMITTED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async submit(@Param() params: PolicyIdParam, @Body() dto: SubmitReportDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: params.id, period: dto.period, summary: dto.summary, attachmentRefs: dto.attachmentRefs };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'SubmitPeriodicReport', data, context: ctx }, ctx));
    return obligationsAnswer(res, params.id, outcome);
  }
}
