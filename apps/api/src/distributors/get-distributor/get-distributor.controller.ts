import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { DistributorView, ID_PATTERN } from '../distributor.dto';
import { GetDistributorQuery } from './get-distributor.handler';

export class DistributorIdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'id must be 1–64 letters, digits, _ or -' })
  id!: string;
}

@ApiTags('distributors')
@Controller('distributors')
export class GetDistributorController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({ type: DistributorView })
  @ApiNotFoundResponse({ description: 'No such distributor, or not one the caller may see' })
  async get(@Param() { id }: DistributorIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DistributorView> {
    const view = await this.queries.execute(new GetDistributorQuery(id, ctx.actor));
    res.setHeader('ETag', etag(view.revision));
    return view;
  }
}
