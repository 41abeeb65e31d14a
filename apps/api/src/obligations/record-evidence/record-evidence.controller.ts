import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { ObligationParams } from '../obligations.dto';
import { RecordEvidenceDto } from './record-evidence.dto';

@ApiTags('obligations')
@Controller('policies')
export class RecordEvidenceController {
  constructor(private readonly commands: CommandBus) {}

  /** The responsible party shows it kept an obligation, or part of it (one certificate of several). */
  @Post(':id/obligations/:oid/evidence')
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'EvidenceRecorded: `evidenceId`; ETag is the stream revision' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.NOT_RESPONSIBLE_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.NOT_KEPT_BY_EVIDENCE, RETIRED, WAIVED, ALREADY_FULFILLED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.OBLIGATION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names the field)' })
  async record(@Param() { id, oid }: ObligationParams, @Body() dto: RecordEvidenceDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: id, obligationId: oid, evidenceId: randomUUID(), what: dto.what, when: dto.when, documentRef: dto.documentRef, count: dto.count };
    const outcome = await this.commands.execute(new ObligationsCommandMessage({ type: 'RecordEvidence', data, context: ctx }, ctx));
    const recorded = outcome.events.find((e) => e.type === 'EvidenceRecorded');
    return { ...obligationsAnswer(res, id, outcome), evidenceId: recorded?.type === 'EvidenceRecorded' ? recorded.data.evidenceId : undefined };
  }
}
