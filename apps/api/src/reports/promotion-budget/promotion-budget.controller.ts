import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { type Negotiate, Negotiation, ReportController, ReportRoute } from '../report-route';
import { BUDGET_COLUMNS, budgetCsvRows } from './promotion-budget-columns';
import { PromotionBudgetParams, PromotionBudgetReport } from './promotion-budget.dto';
import { PromotionBudgetQuery } from './promotion-budget.handler';

@ReportController(PromotionBudgetReport)
export class PromotionBudgetController {
  constructor(private readonly queries: QueryBus) {}

  @ReportRoute({
    path: 'promotion-budget',
    model: PromotionBudgetReport,
    columns: BUDGET_COLUMNS,
    description:
      "The promotion budget ledger of one policy (`policyId`) or of every policy of a year: accrued, each party's contribution, " +
      'committed (proposed + approved, not settled), settled, the balance, and every spend. A distributor sees only its own. ' +
      'With `Accept: text/csv`, a budget row followed by its spend rows.',
    notFound: "POLICY.NOT_FOUND, DISTRIBUTOR.NOT_FOUND: no such policy or distributor, or another distributor's",
  })
  async report(@Query() params: PromotionBudgetParams, @Ctx() ctx: RequestContext, @Negotiation() negotiate: Negotiate): Promise<PromotionBudgetReport | string> {
    const report = await this.queries.execute(new PromotionBudgetQuery(params, ctx.actor, ctx.now));
    return negotiate(report, { columns: BUDGET_COLUMNS, rows: budgetCsvRows(report) });
  }
}
