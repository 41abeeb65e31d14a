import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { PolicyIdParam, ReasonProperty } from '../policy.dto';

export class TerminatePolicyDto {
  @ReasonProperty(true)
  reason!: string;
}

@ApiTags('policies')
@Controller('policies')
export class TerminatePolicyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/termination')
  @HttpCode(200)
  @AllowParties('company', 'distributor')
  @ApiOkResponse({ description: 'PolicyTerminated: no terms are in force from now on' })
  async terminate(@Param() { id }: PolicyIdParam, @Body() dto: TerminatePolicyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute(new PolicyCommandMessage({ type: 'TerminatePolicy', data: { policyId: id, reason: dto.reason }, context: ctx }, ctx));
    return policyAnswer(res, id, outcome);
  }
}
