import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { AmendmentParams, TermsHashProperty } from '../policy.dto';

export class SignAmendmentDto {
  @TermsHashProperty()
  termsHash!: string;
}

@ApiTags('policies')
@Controller('policies')
export class SignAmendmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/amendments/:n/signatures')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'PolicyAmendmentSigned, and PolicyAmended once both parties signed' })
  async sign(@Param() { id, n }: AmendmentParams, @Body() dto: SignAmendmentDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute(
      new PolicyCommandMessage({ type: 'SignAmendment', data: { policyId: id, amendmentNo: Number(n), termsHash: dto.termsHash }, context: ctx }, ctx),
    );
    return policyAnswer(res, id, outcome);
  }
}
