import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { SpecialPricePage } from '../special-price-view.dto';
import { ListSpecialPricesParams } from './list-special-prices.dto';
import { ListSpecialPricesQuery } from './list-special-prices.handler';

@ApiTags('price-exceptions')
@Controller('price-exceptions')
export class ListSpecialPricesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: SpecialPricePage, description: 'Special prices; a distributor sees those for the clients it may see' })
  @ApiUnprocessableEntityResponse({
    description: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown',
  })
  list(@Query() query: ListSpecialPricesParams, @Ctx() ctx: RequestContext): Promise<SpecialPricePage> {
    return this.queries.execute(new ListSpecialPricesQuery(query, ctx.actor));
  }
}
