import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PolicyTerms } from '@cl/domain/policy';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { PolicyIdParam, TermsProperty } from '../policy.dto';

export class ReviseTermsDto {
  @TermsProperty()
  terms!: PolicyTerms;
}

@ApiTags('policies')
@Controller('policies')
export class ReviseTermsController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/terms')
  @HttpCode(200)
  @AllowParties('company')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the policy; 412 when it changed since' })
  @ApiOkResponse({ description: 'A new draft version; signatures of earlier versions no longer count' })
  async revise(@Param() { id }: PolicyIdParam, @Body() dto: ReviseTermsDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute(new PolicyCommandMessage({ type: 'ReviseTerms', data: { policyId: id, terms: dto.terms }, context: ctx }, ctx));
    return policyAnswer(res, id, outcome);
  }
}
