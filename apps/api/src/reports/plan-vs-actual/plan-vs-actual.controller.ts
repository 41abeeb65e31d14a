import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { type Negotiate, Negotiation, ReportController, ReportRoute } from '../report-route';
import { PLAN_COLUMNS, planCsvRows } from './plan-vs-actual-columns';
import { PlanVsActualParams, PlanVsActualReport } from './plan-vs-actual.dto';
import { PlanVsActualQuery } from './plan-vs-actual.handler';

@ReportController(PlanVsActualReport)
export class PlanVsActualController {
  constructor(private readonly queries: QueryBus) {}

  @ReportRoute({
    path: 'plan-vs-actual',
    model: PlanVsActualReport,
    columns: PLAN_COLUMNS,
    description:
      'Per distributor policy and plan period of the year: plan (from the terms governing at the end of the period), actual, ' +
      'attainment, the bonus the tiers give so far, and the settlement of a closed period; then a total per distributor and per ' +
      'period. A distributor sees only its own rows. With `Accept: text/csv`, the same rows as one CSV table.',
    notFound: 'DISTRIBUTOR.NOT_FOUND: no such distributor, or another distributor than the caller',
  })
  async report(@Query() params: PlanVsActualParams, @Ctx() ctx: RequestContext, @Negotiation() negotiate: Negotiate): Promise<PlanVsActualReport | string> {
    const report = await this.queries.execute(new PlanVsActualQuery(params, ctx.actor, ctx.now));
    return negotiate(report, { columns: PLAN_COLUMNS, rows: planCsvRows(report) });
  }
}
