import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { policyIdFor } from '@cl/domain/policy';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ID_PATTERN } from '../../distributors/distributor.dto';
import { PolicyCommandMessage } from '../policy-command.handler';
import { policyAnswer } from '../policy-response';
import { TermsProperty } from '../policy.dto';
import type { PolicyTerms } from '@cl/domain/policy';

export class DraftPolicyDto {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'distributorId must be a distributor id' })
  distributorId!: string;

  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @TermsProperty()
  terms!: PolicyTerms;
}

@ApiTags('policies')
@Controller('policies')
export class DraftPolicyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @AllowParties('company')
  @ApiCreatedResponse({ description: 'Drafted as terms version 1; Location /policies/<distributorId>-<year>' })
  async draft(@Body() dto: DraftPolicyDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.commands.execute(
      new PolicyCommandMessage({ type: 'DraftPolicy', data: { distributorId: dto.distributorId, year: dto.year, terms: dto.terms }, context: ctx }, ctx),
    );
    const policyId = policyIdFor(dto.distributorId, dto.year);
    res.setHeader('Location', `/policies/${policyId}`);
    return policyAnswer(res, policyId, outcome);
  }
}
