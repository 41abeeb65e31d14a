import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { PolicyIdParam } from '../policy.dto';
import { TermsInForceView } from '../policy-view.dto';
import { TermsInForceParams } from './terms-in-force.dto';
import { TermsInForceQuery } from './terms-in-force.handler';

@ApiTags('policies')
@Controller('policies')
export class TermsInForceController {
  constructor(private readonly queries: QueryBus) {}

  /** The question claims, sales and the budget ledger ask: which terms governed at that instant. */
  @Get(':id/terms-in-force')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({ type: TermsInForceView })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, or POLICY.NO_TERMS_IN_FORCE: nothing governed at that instant' })
  get(@Param() { id }: PolicyIdParam, @Query() { at }: TermsInForceParams, @Ctx() ctx: RequestContext): Promise<TermsInForceView> {
    return this.queries.execute(new TermsInForceQuery(id, at ?? ctx.now, ctx.actor));
  }
}
