import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { PolicyIdParam } from '../policy.dto';
import { PolicyView } from '../policy-view.dto';
import { GetPolicyQuery } from './get-policy.handler';

@ApiTags('policies')
@Controller('policies')
export class GetPolicyController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({ type: PolicyView, description: 'The policy with every version, its hash and signatures; ETag is the revision' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND: no such policy, or not one the caller may see' })
  async get(@Param() { id }: PolicyIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<PolicyView> {
    const view = await this.queries.execute(new GetPolicyQuery(id, ctx.actor));
    res.setHeader('ETag', etag(view.revision));
    return view;
  }
}
