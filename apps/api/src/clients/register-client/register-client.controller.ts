import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { clientAnswer } from '../client-answer';
import { ClientCommandMessage } from '../client-command.handler';
import { sideOfDto } from '../client.dto';
import { RegisterClientDto } from './register-client.dto';

@ApiTags('clients')
@Controller('clients')
export class RegisterClientController {
  constructor(private readonly commands: CommandBus) {}

  /** Either side registers a client; a distributor only in its own territories. Registering does not claim it. */
  @Post()
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'ClientRegistered; Location and ETag headers are set' })
  @ApiConflictResponse({ description: 'CLIENT.TAX_ID_TAKEN (names existingClientId) or CLIENT.ALREADY_REGISTERED' })
  async register(@Body() dto: RegisterClientDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { legalName, taxId, territory, segment, annualVolume, relationships = [] } = dto;
    const data = {
      clientId: dto.clientId ?? '',
      legalName,
      taxId,
      territory,
      segment,
      annualVolume: { minor: annualVolume.minor, currency: annualVolume.currency },
      relationships: relationships.map((r) => ({ side: sideOfDto(r.side), since: r.since })),
    };
    const outcome = await this.commands.execute(new ClientCommandMessage({ type: 'RegisterClient', data, context: ctx }, ctx));
    res.setHeader('Location', `/clients/${outcome.clientId}`);
    return clientAnswer(res, outcome.clientId, outcome);
  }
}
