import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { ClientIdParam } from '../client.dto';
import { OwnershipParams, OwnershipView } from './client-ownership.dto';
import { ClientOwnershipQuery } from './client-ownership.handler';

@ApiTags('clients')
@Controller('clients')
export class ClientOwnershipController {
  constructor(private readonly queries: QueryBus) {}

  /** Read from the client's events, so a past answer never changes when read models are rebuilt. */
  @Get(':id/ownership')
  @AllowParties('company', 'distributor', 'compliance')
  @ApiOkResponse({ type: OwnershipView, description: 'The owner at asOf, since when, the claim, transfer or release that made it so, and who recorded it' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND: no such client, or not one the caller may see now' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.VALIDATION_FAILED: asOf is neither a date nor an ISO instant with an offset' })
  get(@Param() { id }: ClientIdParam, @Query() { asOf }: OwnershipParams, @Ctx() ctx: RequestContext): Promise<OwnershipView> {
    return this.queries.execute(new ClientOwnershipQuery(id, asOf ?? ctx.now, ctx.actor));
  }
}
