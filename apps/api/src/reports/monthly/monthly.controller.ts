import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { type Negotiate, Negotiation, ReportController, ReportRoute } from '../report-route';
import { MONTHLY_COLUMNS } from './monthly-columns';
import { MonthlyParams, MonthlyReport } from './monthly.dto';
import { MonthlyQuery } from './monthly.handler';

@ReportController(MonthlyReport)
export class MonthlyController {
  constructor(private readonly queries: QueryBus) {}

  @ReportRoute({
    path: 'monthly',
    model: MonthlyReport,
    columns: MONTHLY_COLUMNS,
    description:
      "The regular report of a month per distributor: its sales, the company's direct sales in its territories, plan vs actual of " +
      'the period containing the month, the claims, hand-overs and disputes of the month concerning it, price-compliance entries, ' +
      'promotion spends, the hand-over requests overdue now, and the obligations of its policy (either party\'s) due by the month\'s ' +
      'end and overdue now — missing periodic reports, unpaid settlements — or kept late in the month. A distributor gets its own report only. With `Accept: text/csv`, ' +
      'a summary row per distributor.',
    notFound: 'DISTRIBUTOR.NOT_FOUND: no such distributor, or another distributor than the caller',
  })
  async report(@Query() params: MonthlyParams, @Ctx() ctx: RequestContext, @Negotiation() negotiate: Negotiate): Promise<MonthlyReport | string> {
    const report = await this.queries.execute(new MonthlyQuery(params, ctx.actor, ctx.now));
    return negotiate(report, { columns: MONTHLY_COLUMNS, rows: report.reports });
  }
}
