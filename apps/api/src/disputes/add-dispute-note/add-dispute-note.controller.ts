import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AllowParties } from '../../shared/auth/access';
import { Ctx, type RequestContext } from '../../shared/command/request-context';
import { disputeAnswer, recordedDisputeEvent } from '../dispute-answer';
import { DisputeCommandMessage } from '../dispute-command.handler';
import { DisputeIdParam } from '../dispute.dto';
import { AddDisputeNoteDto } from './add-dispute-note.dto';

@ApiTags('disputes')
@Controller('disputes')
export class AddDisputeNoteController {
  constructor(private readonly commands: CommandBus) {}

  /** Either party says something on the record while the dispute is open; the note goes on the timeline compliance reads. */
  @Post(':id/notes')
  @AllowParties('company', 'distributor')
  @ApiCreatedResponse({ description: 'DisputeNoteAdded, with its noteId; ETag is set' })
  @ApiNotFoundResponse({ description: 'DISPUTE.NOT_FOUND, also for a distributor that is not a party' })
  @ApiForbiddenResponse({ description: 'DISPUTE.NOT_A_PARTY: the company acting on a dispute between two distributors' })
  @ApiConflictResponse({ description: 'DISPUTE.CLOSED: the dispute was resolved or withdrawn' })
  async add(
    @Param() { id }: DisputeIdParam,
    @Body() dto: AddDisputeNoteDto,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { disputeId: id, noteId: randomUUID(), text: dto.text };
    const outcome = await this.commands.execute(new DisputeCommandMessage({ type: 'AddDisputeNote', data, context: ctx }, ctx));
    return { ...disputeAnswer(res, id, outcome), noteId: recordedDisputeEvent(outcome, 'DisputeNoteAdded')?.noteId };
  }
}
