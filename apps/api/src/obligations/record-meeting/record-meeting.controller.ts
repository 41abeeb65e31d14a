import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { PolicyIdParam } from '../../policies/policy.dto';
import { RecordMeetingDto } from './record-meeting.dto';

@ApiTags('obligations')
@Controller('policies')
export class RecordMeetingController {
  constructor(private readonly commands: CommandBus) {}

  /** Either party records the meeting of one period of the agreed cadence. */
  @Post(':id/meetings')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'RecordMeeting recorded; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.FORBIDDEN_PARTY, OBLIGATIONS.NOT_PROTECTED_PARTY, OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.MEETING_NOT_EXPECTED, MEETING_ALREADY_RECORDED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async record(@Param() params: PolicyIdParam, @Body() dto: RecordMeetingDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: params.id, period: dto.period, heldOn: dto.heldOn, attendees: dto.attendees.map((a) => ({ name: a.name, party: a.party })), decisions: dto.decisions };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'RecordMeeting', data, context: ctx }, ctx));
    return obligationsAnswer(res, params.id, outcome);
  }
}
