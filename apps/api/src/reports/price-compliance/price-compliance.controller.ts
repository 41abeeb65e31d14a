import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi, negotiated } from '../../shared/csv';
import { PRICE_COMPLIANCE_COLUMNS } from './price-compliance-columns';
import { PriceCompliancePage, PriceComplianceParams } from './price-compliance.dto';
import { PriceComplianceQuery } from './price-compliance.handler';

@ApiTags('reports')
@Controller('reports')
@ApiExtraModels(PriceCompliancePage)
export class PriceComplianceController {
  constructor(private readonly queries: QueryBus) {}

  @Get('price-compliance')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Sales refused below the floor, special prices approved and revoked, channel conflicts and company sale lines above the ' +
      'discretion band, oldest first. A distributor sees the entries that concern it and the special prices of the clients it ' +
      'may see. With `Accept: text/csv`, the same page as CSV.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PriceCompliancePage) } },
      'text/csv': csvOpenApi(PRICE_COMPLIANCE_COLUMNS),
    },
  })
  @ApiNotFoundResponse({ description: 'DISTRIBUTOR.NOT_FOUND: no such distributor, or another distributor than the caller' })
  @ApiUnprocessableEntityResponse({
    description: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown',
  })
  async report(
    @Query() params: PriceComplianceParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PriceCompliancePage | string> {
    const page = await this.queries.execute(new PriceComplianceQuery(params, ctx.actor));
    return negotiated(req, res, page, { columns: PRICE_COMPLIANCE_COLUMNS, rows: page.items });
  }
}
