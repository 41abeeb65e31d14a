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
import { BUDGET_COLUMNS, budgetCsvRows } from './promotion-budget-columns';
import { PromotionBudgetParams, PromotionBudgetReport } from './promotion-budget.dto';
import { PromotionBudgetQuery } from './promotion-budget.handler';

@ApiTags('reports')
@Controller('reports')
@ApiExtraModels(PromotionBudgetReport)
export class PromotionBudgetController {
  constructor(private readonly queries: QueryBus) {}

  @Get('promotion-budget')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      "The promotion budget ledger of one policy (`policyId`) or of every policy of a year: accrued, each party's contribution, " +
      'committed (proposed + approved, not settled), settled, the balance, and every spend. A distributor sees only its own. ' +
      'With `Accept: text/csv`, a budget row followed by its spend rows.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(PromotionBudgetReport) } }, 'text/csv': csvOpenApi(BUDGET_COLUMNS) },
  })
  @ApiNotFoundResponse({ description: "POLICY.NOT_FOUND, DISTRIBUTOR.NOT_FOUND: no such policy or distributor, or another distributor's" })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a parameter is invalid or unknown' })
  async report(
    @Query() params: PromotionBudgetParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PromotionBudgetReport | string> {
    const report = await this.queries.execute(new PromotionBudgetQuery(params, ctx.actor, ctx.now));
    return negotiated(req, res, report, { columns: BUDGET_COLUMNS, rows: budgetCsvRows(report) });
  }
}
