import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyPage } from '../policy-view.dto';
import { ListPoliciesParams } from './list-policies.dto';
import { ListPoliciesQuery } from './list-policies.handler';

@ApiTags('policies')
@Controller('policies')
export class ListPoliciesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({ type: PolicyPage, description: 'A page of policies, newest year first; a distributor sees only its own' })
  @ApiUnprocessableEntityResponse({
    description: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown',
  })
  list(@Query() query: ListPoliciesParams, @Ctx() ctx: RequestContext): Promise<PolicyPage> {
    return this.queries.execute(new ListPoliciesQuery(query, ctx.actor));
  }
}
