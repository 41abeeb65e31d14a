/**
 * Opens the dispute that disputed evidence names. The obligations stream records EvidenceDisputed
 * (with the dispute id) in the request's one append; this process then opens the dispute in its own
 * stream, as the dispute-opener does for a contested claim. Opening is idempotent (the same id,
 * subject, parties and kind of origin record nothing), so a redelivery after a crash changes nothing.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { OpenDispute } from '@cl/domain/dispute/commands';
import type { EvidenceDisputed } from '@cl/domain/obligations';
import type { ProjectedEvent, Reactor } from '@cl/projections';
import { DisputeCommandMessage } from '../../disputes/dispute-command.handler';
import { ProjectorService } from '../../infrastructure/projector.service';
import { reactionRequest } from '../../shared/command/reaction-request';
import { evidenceDisputeOpening, EVIDENCE_DISPUTE_OPENER } from './evidence-dispute-opening';

@Injectable()
export class EvidenceDisputeOpenerReactor implements Reactor, OnModuleInit {
  readonly name = EVIDENCE_DISPUTE_OPENER;
  readonly eventTypes = ['EvidenceDisputed'] as const;

  constructor(
    private readonly commands: CommandBus,
    private readonly projector: ProjectorService,
  ) {}

  onModuleInit(): void {
    this.projector.registerReactor(this);
  }

  async react(event: ProjectedEvent): Promise<void> {
    const request = reactionRequest(EVIDENCE_DISPUTE_OPENER, event);
    const command: OpenDispute = {
      type: 'OpenDispute',
      data: evidenceDisputeOpening(event.data as EvidenceDisputed['data']),
      context: request,
    };
    await this.commands.execute(new DisputeCommandMessage(command, request));
  }
}
