import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { ClientCommandMessage } from '../client-command.handler';
import { ClientIdParam } from '../client.dto';
import { ReleaseClientDto } from './release-client.dto';

@ApiTags('clients')
@Controller('clients')
export class ReleaseClientController {
  constructor(private readonly commands: CommandBus) {}

  /** The owner gives the client up: it has no owner until someone claims it again. */
  @Post(':id/release')
  @HttpCode(200)
  @AllowParties('company', 'distributor')
  @ApiOkResponse({ description: 'ClientReleased; pending hand-over requests end as superseded; ETag is set' })
  @ApiForbiddenResponse({ description: 'CLIENT.NOT_OWNER: only the owner releases (also when no one owns it)' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND, also for a client a distributor may not see' })
  async release(
    @Param() { id }: ClientIdParam,
    @Body() dto: ReleaseClientDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { clientId: id, reason: dto.reason };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'ReleaseClient', data, context: ctx }, ctx));
    return { ...clientAnswer(res, outcome.clientId, outcome), owner: null };
  }
}
