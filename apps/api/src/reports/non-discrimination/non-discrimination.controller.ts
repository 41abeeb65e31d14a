import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi, negotiated } from '../../shared/csv';
import { NON_DISCRIMINATION_COLUMNS, channelCsvRows } from './non-discrimination-columns';
import { NonDiscriminationParams, NonDiscriminationReport } from './non-discrimination.dto';
import { NonDiscriminationQuery } from './non-discrimination.handler';

@ApiTags('reports')
@Controller('reports')
@ApiExtraModels(NonDiscriminationReport)
export class NonDiscriminationController {
  constructor(private readonly queries: QueryBus) {}

  @Get('non-discrimination')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'For each territory, SKU and month: the effective unit price of every channel that sold (the company and each distributor), ' +
      'the pairs further apart than the tolerance, and the sales behind them. A distributor sees the groups of its territories ' +
      'only, and the sales behind its own and the company’s prices. With `Accept: text/csv`, one row per channel of a group.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(NonDiscriminationReport) } },
      'text/csv': csvOpenApi(NON_DISCRIMINATION_COLUMNS),
    },
  })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a parameter is invalid or unknown' })
  async report(
    @Query() params: NonDiscriminationParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NonDiscriminationReport | string> {
    const report = await this.queries.execute(new NonDiscriminationQuery(params, ctx.actor, ctx.now));
    return negotiated(req, res, report, { columns: NON_DISCRIMINATION_COLUMNS, rows: channelCsvRows(report) });
  }
}
