import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { SalePage } from '../sale-view.dto';
import { ListSalesParams } from './list-sales.dto';
import { ListSalesQuery } from './list-sales.handler';

@ApiTags('sales')
@Controller('sales')
export class ListSalesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({
    type: SalePage,
    description:
      'Recorded and cancelled sales, latest sale date first; a distributor sees its own, those to clients it owns and the channel conflicts against it',
  })
  @ApiUnprocessableEntityResponse({
    description: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown',
  })
  list(@Query() query: ListSalesParams, @Ctx() ctx: RequestContext): Promise<SalePage> {
    return this.queries.execute(new ListSalesQuery(query, ctx.actor));
  }
}
