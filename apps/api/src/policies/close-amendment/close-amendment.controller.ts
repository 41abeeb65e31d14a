import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { AmendmentParams, ReasonProperty } from '../policy.dto';

export class CloseAmendmentDto {
  @ReasonProperty(false)
  @IsOptional()
  reason?: string;
}

/** An open amendment ends without changing the terms: withdrawn by its proposer, or refused by the other party. */
@ApiTags('policies')
@Controller('policies')
export class CloseAmendmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/amendments/:n/withdrawal')
  @HttpCode(200)
  @AllowParties('company', 'distributor')
  @ApiOkResponse({ description: 'PolicyAmendmentWithdrawn (only the proposing party)' })
  async withdraw(@Param() p: AmendmentParams, @Body() dto: CloseAmendmentDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: p.id, amendmentNo: Number(p.n), reason: dto.reason };
    return policyAnswer(res, p.id, await this.commands.execute(new PolicyCommandMessage({ type: 'WithdrawAmendment', data, context: ctx }, ctx)));
  }

  @Post(':id/amendments/:n/refusal')
  @HttpCode(200)
  @AllowParties('company', 'distributor')
  @ApiOkResponse({ description: 'PolicyAmendmentDeclined (only the other party)' })
  async refuse(@Param() p: AmendmentParams, @Body() dto: CloseAmendmentDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const data = { policyId: p.id, amendmentNo: Number(p.n), reason: dto.reason };
    return policyAnswer(res, p.id, await this.commands.execute(new PolicyCommandMessage({ type: 'DeclineAmendment', data, context: ctx }, ctx)));
  }
}
