import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { type Negotiate, Negotiation, ReportController, ReportRoute } from '../report-route';
import { NON_DISCRIMINATION_COLUMNS, channelCsvRows } from './non-discrimination-columns';
import { NonDiscriminationParams, NonDiscriminationReport } from './non-discrimination.dto';
import { NonDiscriminationQuery } from './non-discrimination.handler';

@ReportController(NonDiscriminationReport)
export class NonDiscriminationController {
  constructor(private readonly queries: QueryBus) {}

  @ReportRoute({
    path: 'non-discrimination',
    model: NonDiscriminationReport,
    columns: NON_DISCRIMINATION_COLUMNS,
    description:
      'For each territory, SKU and month: the effective unit price of every channel that sold (the company and each distributor), ' +
      'the pairs further apart than the tolerance, and the sales behind them. A distributor sees the groups of its territories ' +
      'only, and the sales behind its own and the company’s prices. With `Accept: text/csv`, one row per channel of a group.',
  })
  async report(@Query() params: NonDiscriminationParams, @Ctx() ctx: RequestContext, @Negotiation() negotiate: Negotiate): Promise<NonDiscriminationReport | string> {
    const report = await this.queries.execute(new NonDiscriminationQuery(params, ctx.actor, ctx.now));
    return negotiate(report, { columns: NON_DISCRIMINATION_COLUMNS, rows: channelCsvRows(report) });
  }
}
