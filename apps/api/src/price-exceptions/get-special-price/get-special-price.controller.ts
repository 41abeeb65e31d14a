import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { SpecialPriceIdParam } from '../special-price.dto';
import { SpecialPriceView } from '../special-price-view.dto';
import { GetSpecialPriceQuery } from './get-special-price.handler';

@ApiTags('price-exceptions')
@Controller('price-exceptions')
export class GetSpecialPriceController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: SpecialPriceView, description: 'The special price and its revocation, if any' })
  @ApiNotFoundResponse({ description: 'SPECIAL_PRICE.NOT_FOUND: no such special price, or one for a client the distributor may not see' })
  get(@Param() { id }: SpecialPriceIdParam, @Ctx() ctx: RequestContext): Promise<SpecialPriceView> {
    return this.queries.execute(new GetSpecialPriceQuery(id, ctx.actor));
  }
}
