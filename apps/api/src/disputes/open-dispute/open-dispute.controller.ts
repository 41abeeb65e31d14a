import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { DisputeOpening } from './dispute-opening';
import { OpenDisputeDto } from './open-dispute.dto';

@ApiTags('disputes')
@Controller('disputes')
export class OpenDisputeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly opening: DisputeOpening,
  ) {}

  /** A side opens a dispute in its own name about a client, a sale or a price; claims and contested hand-overs open theirs by themselves. */
  @Post()
  @AllowParties('company', 'distributor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'DisputeOpened; Location /disputes/:id and ETag are set' })
  @ApiOkResponse({ description: 'A dispute with this id, subject and parties is already open: nothing recorded' })
  @ApiNotFoundResponse({ description: 'CLIENT.NOT_FOUND: the client the subject names does not exist or is not one the caller may see' })
  @ApiConflictResponse({ description: 'DISPUTE.ALREADY_EXISTS: the disputeId is taken by another dispute' })
  @ApiUnprocessableEntityResponse({
    description:
      'DISPUTE.COUNTERPARTY_REQUIRED, DISPUTE.INVALID_COUNTERPARTY (names counterparty), DISPUTE.UNKNOWN_DISTRIBUTOR (names counterparty.distributorId)',
  })
  async open(@Body() dto: OpenDisputeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const command = await this.opening.command(dto, ctx);
    const outcome = await this.commands.execute(new DisputeCommandMessage(command, ctx));
    const { disputeId } = command.data;
    res.status(outcome.events.length > 0 || outcome.replayed ? 201 : 200);
    res.setHeader('Location', `/disputes/${disputeId}`);
    return disputeAnswer(res, disputeId, outcome);
  }
}
