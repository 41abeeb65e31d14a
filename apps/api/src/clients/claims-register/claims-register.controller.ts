import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { csvOpenApi, negotiated } from '../../shared/csv';
import { CLAIM_COLUMNS } from './claim-columns';
import { ClaimsRegisterPage, ClaimsRegisterParams } from './claims-register.dto';
import { ClaimsRegisterQuery } from './claims-register.handler';

@ApiTags('clients')
@Controller('claims')
@ApiExtraModels(ClaimsRegisterPage)
export class ClaimsRegisterController {
  constructor(private readonly queries: QueryBus) {}

  /** Who claimed which client when, on what basis, and what came of it: the register compliance reviews. */
  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Claims in the order they were made. A distributor sees the claims it made and those made against its ownership. ' +
      'With `Accept: text/csv`, the same page as CSV.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ClaimsRegisterPage) } }, 'text/csv': csvOpenApi(CLAIM_COLUMNS) },
  })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a filter, the period or the page bounds are invalid, or a parameter is unknown' })
  async register(
    @Query() params: ClaimsRegisterParams,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimsRegisterPage | string> {
    const page = await this.queries.execute(new ClaimsRegisterQuery(params, ctx.actor));
    return negotiated(req, res, page, { columns: CLAIM_COLUMNS, rows: page.items });
  }
}
