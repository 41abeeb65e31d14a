import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi, negotiated } from '../../shared/csv';
import { asOfOr } from '../as-of';
import { AsOfQuery } from '../list-obligations/list-obligations.controller';
import { SCORECARD_COLUMNS } from './scorecard-columns';
import { ObligationsScorecard, type ScorecardReport } from './obligations-scorecard';

export class ScorecardQuery extends AsOfQuery {
  @ApiPropertyOptional({ example: 'acme', description: 'only this distributor (a distributor always sees only its own)' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'distributorId must be a distributor id' })
  distributorId?: string;
}

@ApiTags('reports')
@Controller('reports')
export class ScorecardController {
  constructor(private readonly scorecard: ObligationsScorecard) {}

  @Get('obligations')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      "The obligations scorecard at `asOf` for the policies of asOf's year: per policy, the distributor's and the company's " +
      'obligations counted by status, and totals per responsible party. A distributor sees only its own. With `Accept: text/csv`, the rows as CSV.',
    content: { 'text/csv': csvOpenApi(SCORECARD_COLUMNS) },
  })
  @ApiUnprocessableEntityResponse({ description: 'OBLIGATIONS.INVALID_AS_OF, REQUEST.VALIDATION_FAILED' })
  async report(@Query() query: ScorecardQuery, @Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ScorecardReport | string> {
    const asOf = asOfOr(query.asOf, ctx.now);
    const own = ctx.actor.party === 'distributor' ? ctx.actor.distributorId : undefined;
    const report = await this.scorecard.at(asOf, own, query.distributorId);
    return negotiated(req, res, report, { columns: SCORECARD_COLUMNS, rows: report.rows });
  }
}
