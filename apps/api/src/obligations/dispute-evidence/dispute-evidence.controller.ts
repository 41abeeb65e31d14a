import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { obligationsAnswer } from '../obligations-answer';
import { EvidenceParams, ReasonDto } from '../obligations.dto';
import { EvidenceDispute } from './evidence-dispute';

@ApiTags('obligations')
@Controller('policies')
export class DisputeEvidenceController {
  constructor(private readonly disputes: EvidenceDispute) {}

  /** The protected party disputes evidence: a dispute (GET /disputes/{disputeId}) opens between the two parties, and the obligation is disputed until it is settled. */
  @Post(':id/obligations/:oid/evidence/:eid/dispute')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'DisputeOpened (subject kind obligation) and EvidenceDisputed: `disputeId`' })
  @ApiForbiddenResponse({ description: 'OBLIGATIONS.NOT_PROTECTED_PARTY' })
  @ApiConflictResponse({ description: 'OBLIGATIONS.EVIDENCE_ACCEPTED, OBLIGATIONS.EVIDENCE_DISPUTED, RETIRED, WAIVED, ALREADY_FULFILLED' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, OBLIGATIONS.EVIDENCE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_COMMAND (names reason)' })
  async dispute(@Param() { id, oid, eid }: EvidenceParams, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.disputes.open({ policyId: id, obligationId: oid, evidenceId: eid, reason: dto.reason }, ctx);
    const disputed = outcome.events.find((e) => e.type === 'EvidenceDisputed');
    return { ...obligationsAnswer(res, id, outcome), disputeId: disputed?.type === 'EvidenceDisputed' ? disputed.data.disputeId : undefined };
  }
}
