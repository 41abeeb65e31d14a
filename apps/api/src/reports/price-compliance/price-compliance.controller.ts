import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { type Negotiate, Negotiation, ReportController, ReportRoute } from '../report-route';
import { PRICE_COMPLIANCE_COLUMNS } from './price-compliance-columns';
import { PriceCompliancePage, PriceComplianceParams } from './price-compliance.dto';
import { PriceComplianceQuery } from './price-compliance.handler';

@ReportController(PriceCompliancePage)
export class PriceComplianceController {
  constructor(private readonly queries: QueryBus) {}

  @ReportRoute({
    path: 'price-compliance',
    model: PriceCompliancePage,
    columns: PRICE_COMPLIANCE_COLUMNS,
    description:
      'Sales refused below the floor, special prices approved and revoked, channel conflicts and company sale lines above the ' +
      'discretion band, oldest first. A distributor sees the entries that concern it and the special prices of the clients it ' +
      'may see. With `Accept: text/csv`, the same page as CSV.',
    notFound: 'DISTRIBUTOR.NOT_FOUND: no such distributor, or another distributor than the caller',
    invalid: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown',
  })
  async report(@Query() params: PriceComplianceParams, @Ctx() ctx: RequestContext, @Negotiation() negotiate: Negotiate): Promise<PriceCompliancePage | string> {
    const page = await this.queries.execute(new PriceComplianceQuery(params, ctx.actor));
    return negotiate(page, { columns: PRICE_COMPLIANCE_COLUMNS, rows: page.items });
  }
}
