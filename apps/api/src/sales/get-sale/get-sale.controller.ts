import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { SaleIdParam } from '../sale.dto';
import { SaleView } from '../sale-view.dto';
import { GetSaleQuery } from './get-sale.handler';

@ApiTags('sales')
@Controller('sales')
export class GetSaleController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({
    type: SaleView,
    description: 'The sale with its lines, corrections and cancellation, or its refusal; ETag is the revision',
  })
  @ApiNotFoundResponse({
    description:
      'SALE.NOT_FOUND: no such sale, or — for a distributor — neither its own nor one to a client it owns (or owned on the sale date)',
  })
  async get(@Param() { id }: SaleIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<SaleView> {
    const view = await this.queries.execute(new GetSaleQuery(id, ctx.actor));
    res.setHeader('ETag', etag(view.revision));
    return view;
  }
}
