import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PolicyIdParam } from '../../policies/policy.dto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { SettlementList } from '../settlement.dto';
import { ListSettlementsQuery } from './list-settlements.handler';

@ApiTags('settlements')
@Controller('policies')
export class ListSettlementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/settlements')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({
    type: SettlementList,
    description: 'Every closed period: what its close recorded and what has been settled for it since',
  })
  @ApiNotFoundResponse({ description: 'POLICY.NOT_FOUND, also for another distributor’s policy' })
  list(@Param() { id }: PolicyIdParam, @Ctx() ctx: RequestContext): Promise<SettlementList> {
    return this.queries.execute(new ListSettlementsQuery(id, ctx.actor));
  }
}
