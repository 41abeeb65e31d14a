import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ClientPage } from '../client-view.dto';
import { ListClientsParams } from './list-clients.dto';
import { ListClientsQuery } from './list-clients.handler';

@ApiTags('clients')
@Controller('clients')
export class ListClientsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({
    type: ClientPage,
    description: 'A page of clients by legal name; a distributor sees only those it owns or that lie in its territories in force',
  })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: a filter or the page bounds are invalid, or a parameter is unknown' })
  list(@Query() params: ListClientsParams, @Ctx() ctx: RequestContext): Promise<ClientPage> {
    return this.queries.execute(new ListClientsQuery(params, ctx.actor));
  }
}
