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
import { PLAN_COLUMNS, planCsvRows } from './plan-vs-actual-columns';
import { PlanVsActualParams, PlanVsActualReport } from './plan-vs-actual.dto';
import { PlanVsActualQuery } from './plan-vs-actual.handler';

@ApiTags('reports')
@Controller('reports')
@ApiExtraModels(PlanVsActualReport)
export class PlanVsActualController {
  constructor(private readonly queries: QueryBus) {}

  @Get('plan-vs-actual')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Per distributor policy and plan period of the year: plan (from the terms governing at the end of the period), actual, ' +
      'attainment, the bonus the tiers give so far, and the settlement of a closed period; then a total per distributor and per ' +
      'period. A distributor sees only its own rows. With `Accept: text/csv`, the same rows as one CSV table.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(PlanVsActualReport) } }, 'text/csv': csvOpenApi(PLAN_COLUMNS) },
  })
  @ApiNotFoundResponse({ description: 'DISTRIBUTOR.NOT_FOUND: no such distributor, or another distributor than the caller' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a parameter is invalid or unknown' })
  async report(
    @Query() params: PlanVsActualParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVsActualReport | string> {
    const report = await this.queries.execute(new PlanVsActualQuery(params, ctx.actor, ctx.now));
    return negotiated(req, res, report, { columns: PLAN_COLUMNS, rows: planCsvRows(report) });
  }
}
