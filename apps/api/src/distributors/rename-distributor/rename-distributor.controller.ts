import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, etag, type RequestContext } from '../../shared/command/request-context';
import { DistributorIdParam } from '../get-distributor/get-distributor.controller';
import { DistributorNameDto } from '../distributor.dto';
import { RenameDistributorMessage } from './rename-distributor.handler';

@ApiTags('distributors')
@Controller('distributors')
export class RenameDistributorController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/name')
  @HttpCode(200)
  @AllowParties('company')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the distributor; 412 when it changed since' })
  @ApiOkResponse({ description: 'Renamed (or already so named); the new ETag is returned' })
  async rename(@Param() { id }: DistributorIdParam, @Body() dto: DistributorNameDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { revision } = await this.commands.execute(
      new RenameDistributorMessage({ type: 'RenameDistributor', data: { distributorId: id, name: dto.name }, context: ctx }, ctx),
    );
    res.setHeader('ETag', etag(revision!));
    return { id, name: dto.name, revision };
  }
}
