import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { ClientIdParam } from '../client.dto';
import { ClientView } from '../client-view.dto';
import { GetClientQuery } from './get-client.handler';

@ApiTags('clients')
@Controller('clients')
export class GetClientController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: ClientView, description: 'The client, its owner and what made it the owner; ETag is the revision' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND: no such client, or not one the caller may see' })
  async get(@Param() { id }: ClientIdParam, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<ClientView> {
    const view = await this.queries.execute(new GetClientQuery(id, ctx.actor));
    res.setHeader('ETag', etag(view.revision));
    return view;
  }
}
