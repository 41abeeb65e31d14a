import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi, negotiated } from '../../shared/csv';
import { DisputePage } from '../dispute-view.dto';
import { DISPUTE_COLUMNS } from './dispute-columns';
import { ListDisputesParams } from './list-disputes.dto';
import { ListDisputesQuery } from './list-disputes.handler';

@ApiTags('disputes')
@Controller('disputes')
@ApiExtraModels(DisputePage)
export class ListDisputesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowParties('company', 'compliance', 'distributor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Dispute summaries, newest first; a distributor sees only the disputes it is a party to. With `Accept: text/csv`, the same page as CSV.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(DisputePage) } }, 'text/csv': csvOpenApi(DISPUTE_COLUMNS) },
  })
  @ApiUnprocessableEntityResponse({
    description: 'REQUEST.VALIDATION_FAILED: a filter, the period or the page bounds are invalid, or a parameter is unknown',
  })
  async list(
    @Query() params: ListDisputesParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DisputePage | string> {
    return disputeList(this.queries, params, ctx, req, res);
  }
}

/** The page as JSON, or as CSV when Accept asks for it (shared with GET /reports/disputes). */
export async function disputeList(queries: QueryBus, params: ListDisputesParams, ctx: RequestContext, req: Request, res: Response) {
  const page: DisputePage = await queries.execute(new ListDisputesQuery(params, ctx.actor));
  return negotiated(req, res, page, { columns: DISPUTE_COLUMNS, rows: page.items });
}
