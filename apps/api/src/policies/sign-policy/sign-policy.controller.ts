import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { PolicyIdParam, TermsHashProperty } from '../policy.dto';

export class SignPolicyDto {
  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  termsVersion!: number;

  @TermsHashProperty()
  termsHash!: string;
}

@ApiTags('policies')
@Controller('policies')
export class SignPolicyController {
  constructor(private readonly commands: CommandBus) {}

  /** The caller's party signs for itself; the second matching signature brings the policy into force. */
  @Post(':id/signatures')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'PolicySigned, and PolicyCameIntoForce when both parties signed the same version' })
  async sign(@Param() { id }: PolicyIdParam, @Body() dto: SignPolicyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute(
      new PolicyCommandMessage({ type: 'SignPolicy', data: { policyId: id, termsVersion: dto.termsVersion, termsHash: dto.termsHash }, context: ctx }, ctx),
    );
    return policyAnswer(res, id, outcome);
  }
}
