import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ClientIdParam } from '../client.dto';
import { PageParams } from '../read-params';
import { TimelinePage } from './client-history.dto';
import { ClientHistoryQuery } from './client-history.handler';

@ApiTags('clients')
@Controller('clients')
export class ClientHistoryController {
  constructor(private readonly queries: QueryBus) {}

  /** The shared CRM view: both sides read the same line of facts about the client. */
  @Get(':id/history')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: TimelinePage, description: "A page of the client's timeline in log order: ownership, hand-overs, interactions, disputes" })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND: no such client, or not one the caller may see' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: the page bounds are invalid, or a parameter is unknown' })
  get(@Param() { id }: ClientIdParam, @Query() page: PageParams, @Ctx() ctx: RequestContext): Promise<TimelinePage> {
    return this.queries.execute(new ClientHistoryQuery(id, page, ctx.actor));
  }
}
