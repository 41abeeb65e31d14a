import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PolicyIdParam } from '../../policies/policy.dto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { SpendParams } from '../promotion.dto';
import { BudgetView, SpendView } from '../promotion-view.dto';
import { GetBudgetQuery, GetSpendQuery } from './budget-query.handler';

/** The company, compliance and the policy's own distributor read the ledger; another distributor gets 404. */
@ApiTags('promotion')
@Controller('policies')
export class BudgetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/promotion')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({
    type: BudgetView,
    description: 'Accrued (with each party’s contribution), committed, settled, balance, and every spend; ETag is the ledger revision',
  })
  @ApiNotFoundResponse({
    description: 'POLICY.NOT_FOUND (also for a policy the caller may not see), PROMOTION.NO_BUDGET (not in force yet)',
  })
  async budget(@Param() { id }: PolicyIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<BudgetView> {
    const view = await this.queries.execute(new GetBudgetQuery(id, ctx.actor));
    res.setHeader('ETag', etag(view.revision));
    return view;
  }

  @Get(':id/promotion/spends/:sid')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({ type: SpendView, description: 'One spend with its status and who decided and settled it' })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND (also for a policy the caller may not see), PROMOTION.SPEND_NOT_FOUND' })
  spend(@Param() { id, sid }: SpendParams, @Ctx() ctx: RequestContext): Promise<SpendView> {
    return this.queries.execute(new GetSpendQuery(id, sid, ctx.actor));
  }
}
