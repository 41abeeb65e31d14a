import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi, negotiated } from '../../shared/csv';
import { TRANSFER_COLUMNS } from './transfer-columns';
import { TransfersReportPage, TransfersReportParams } from './transfers-report.dto';
import { TransfersReportQuery } from './transfers-report.handler';

@ApiTags('reports')
@Controller('reports')
@ApiExtraModels(TransfersReportPage)
export class TransfersReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('transfers')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Hand-over requests, oldest first, each with `overdue` judged now. A distributor sees the requests it is a side of and those ' +
      'about clients it may see. With `Accept: text/csv`, the same page as CSV.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(TransfersReportPage) } }, 'text/csv': csvOpenApi(TRANSFER_COLUMNS) },
  })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown' })
  async report(
    @Query() params: TransfersReportParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransfersReportPage | string> {
    const page = await this.queries.execute(new TransfersReportQuery(params, ctx.actor, ctx.now));
    return negotiated(req, res, page, { columns: TRANSFER_COLUMNS, rows: page.items });
  }
}
