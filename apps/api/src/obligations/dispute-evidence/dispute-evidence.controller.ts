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

  /**
   * The protected party disputes evidence: EvidenceDisputed names a new dispute, which the dispute process opens between the two
   * parties a few milliseconds later (GET /disputes/{disputeId}: 404 until then). The obligation is disputed until the dispute ends;
   * its resolution's evidenceVerdict (or a withdrawal, which upholds) then decides whether the evidence counts.
   */
  @Post(':id/obligations/:oid/evidence/:eid/dispute')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'EvidenceDisputed: `disputeId`, the dispute (subject kind obligation) the process opens from it' })
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
