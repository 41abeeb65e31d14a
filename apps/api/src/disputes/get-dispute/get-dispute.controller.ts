import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { DisputeIdParam } from '../dispute.dto';
import { DisputeView } from '../dispute-view.dto';
import { GetDisputeQuery } from './get-dispute.handler';

@ApiTags('disputes')
@Controller('disputes')
export class GetDisputeController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AllowParties('company', 'compliance', 'distributor')
  @ApiOkResponse({
    type: DisputeView,
    description: 'The dispute with its proposals and its whole timeline (the audit trail); ETag is the revision',
  })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND: no such dispute, or a distributor that is not a party' })
  async get(@Param() { id }: DisputeIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DisputeView> {
    const view = await this.queries.execute(new GetDisputeQuery(id, ctx.actor));
    res.setHeader('ETag', etag(view.revision));
    return view;
  }
}
