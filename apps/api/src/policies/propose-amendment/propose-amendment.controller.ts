import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { Response } from 'express';
import type { PolicyAmendmentProposed, PolicyTerms } from '@cl/domain/policy';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { PolicyIdParam, TermsProperty } from '../policy.dto';

export class ProposeAmendmentDto {
  @TermsProperty()
  terms!: PolicyTerms;

  @ApiProperty({ required: false, example: '2026-07-01', description: 'earliest date it should apply from; never before both have signed' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be an ISO date or instant' })
  effectiveFrom?: string;
}

@ApiTags('policies')
@Controller('policies')
export class ProposeAmendmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/amendments')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'The amendment is open; the terms in force stay until both parties sign it' })
  async propose(@Param() { id }: PolicyIdParam, @Body() dto: ProposeAmendmentDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute(
      new PolicyCommandMessage({ type: 'ProposeAmendment', data: { policyId: id, terms: dto.terms, effectiveFrom: dto.effectiveFrom }, context: ctx }, ctx),
    );
    const proposed = outcome.events.find((e): e is PolicyAmendmentProposed => e.type === 'PolicyAmendmentProposed');
    if (proposed) res.setHeader('Location', `/policies/${id}/amendments/${proposed.data.amendmentNo}`);
    return policyAnswer(res, id, outcome);
  }
}
