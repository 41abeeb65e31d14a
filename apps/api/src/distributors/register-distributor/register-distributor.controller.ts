import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DistributorRegistered } from '@cl/domain/distributor/events';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { DistributorView } from '../distributor.dto';
import { RegisterDistributorDto } from './register-distributor.dto';
import { RegisterDistributorMessage } from './register-distributor.handler';

@ApiTags('distributors')
@Controller('distributors')
export class RegisterDistributorController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @AllowParties('company')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: DistributorView, description: 'Registered; Location and ETag headers are set' })
  async register(@Body() dto: RegisterDistributorDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<DistributorView> {
    const { events, revision } = await this.commands.execute(
      new RegisterDistributorMessage(
        { type: 'RegisterDistributor', data: { distributorId: dto.id, name: dto.name, territories: dto.territories }, context: ctx },
        ctx,
      ),
    );
    // Registration either records DistributorRegistered or throws; a replay returns that same event.
    const { data } = events[0] as DistributorRegistered;
    res.setHeader('Location', `/distributors/${data.distributorId}`);
    res.setHeader('ETag', etag(revision!));
    return { id: data.distributorId, name: data.name, territories: [...data.territories], registeredAt: data.registeredAt, revision: revision! };
  }
}
