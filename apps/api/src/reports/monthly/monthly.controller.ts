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
import { MONTHLY_COLUMNS } from './monthly-columns';
import { MonthlyParams, MonthlyReport } from './monthly.dto';
import { MonthlyQuery } from './monthly.handler';

@ApiTags('reports')
@Controller('reports')
@ApiExtraModels(MonthlyReport)
export class MonthlyController {
  constructor(private readonly queries: QueryBus) {}

  @Get('monthly')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      "The regular report of a month per distributor: its sales, the company's direct sales in its territories, plan vs actual of " +
      'the period containing the month, the claims, hand-overs and disputes of the month concerning it, price-compliance entries, ' +
      'promotion spends, and the hand-over requests overdue now. A distributor gets its own report only. With `Accept: text/csv`, ' +
      'a summary row per distributor.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(MonthlyReport) } }, 'text/csv': csvOpenApi(MONTHLY_COLUMNS) },
  })
  @ApiNotFoundResponse({ description: 'DISTRIBUTOR.NOT_FOUND: no such distributor, or another distributor than the caller' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a parameter is invalid or unknown' })
  async report(
    @Query() params: MonthlyParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MonthlyReport | string> {
    const report = await this.queries.execute(new MonthlyQuery(params, ctx.actor, ctx.now));
    return negotiated(req, res, report, { columns: MONTHLY_COLUMNS, rows: report.reports });
  }
}
