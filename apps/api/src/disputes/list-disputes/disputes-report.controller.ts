import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi } from '../../shared/csv';
import { DisputePage } from '../dispute-view.dto';
import { DISPUTE_COLUMNS } from './dispute-columns';
import { ListDisputesParams } from './list-disputes.dto';
import { disputeList } from './list-disputes.controller';

/** The dispute report of the HTTP contract: the same filters, scoping and CSV as GET /disputes, among the reports. */
@ApiTags('reports')
@Controller('reports')
export class DisputesReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('disputes')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'As GET /disputes: summaries newest first, filtered by party, status, subject and period; CSV with Accept: text/csv',
    content: { 'application/json': { schema: { $ref: getSchemaPath(DisputePage) } }, 'text/csv': csvOpenApi(DISPUTE_COLUMNS) },
  })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED naming the parameter' })
  async report(@Query() params: ListDisputesParams, @Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return disputeList(this.queries, params, ctx, req, res);
  }
}
