/**
 * When a dispute about a client ends, records it in the client's stream — with the transfer, when the
 * resolution gave the client to the other side. The client's decider answers a second delivery of the
 * same dispute with no events, so a crash and replay never transfers twice.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { SettleClientDispute } from '@cl/domain/client/commands';
import type { DisputeResolved, DisputeWithdrawn } from '@cl/domain/dispute/events';
import type { ProjectedEvent, Reactor } from '@cl/projections';
import { ProjectorService } from '../../infrastructure/projector.service';
import { reactionRequest } from '../../shared/command/reaction-request';
import { ClientCommandMessage } from '../client-command.handler';

const PROCESS = 'dispute-settlement';

@Injectable()
export class DisputeSettlementReactor implements Reactor, OnModuleInit {
  readonly name = PROCESS;
  readonly eventTypes = ['DisputeResolved', 'DisputeWithdrawn'] as const;

  constructor(
    private readonly commands: CommandBus,
    private readonly projector: ProjectorService,
  ) {}

  onModuleInit(): void {
    this.projector.registerReactor(this);
  }

  async react(event: ProjectedEvent): Promise<void> {
    const ended = event as ProjectedEvent<DisputeResolved | DisputeWithdrawn>;
    const { subject, disputeId } = ended.data;
    if (subject.kind !== 'client') return;
    const request = reactionRequest(PROCESS, event);
    const clientOwner = ended.type === 'DisputeResolved' ? ended.data.outcome.clientOwner : undefined;
    const command: SettleClientDispute = {
      type: 'SettleClientDispute',
      data: {
        clientId: subject.clientId,
        disputeId,
        resolution: ended.type === 'DisputeResolved' ? 'resolved' : 'withdrawn',
        ...(clientOwner ? { clientOwner } : {}),
        // Derived from the dispute, so a redelivery names the same transfer.
        transferId: `dispute-${disputeId}`,
      },
      context: request,
    };
    await this.commands.execute(new ClientCommandMessage(command, request));
  }
}
