/**
 * Opens the dispute a contested claim or a contested hand-over asked for. The client's stream records
 * the contest (and the dispute id) atomically with the ownership it contests; this process then opens
 * the dispute in its own stream. Opening is idempotent, so a redelivery after a crash changes nothing.
 */
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { clientStream, type ClientClaimContested, type ClientTransferContested, type ClientTransferRequested } from '@cl/domain/client/events';
import type { OpenDispute } from '@cl/domain/dispute/commands';
import { sideKey } from '@cl/domain/shared/sides';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import type { ProjectedEvent, Reactor } from '@cl/projections';
import { ProjectorService } from '../../infrastructure/projector.service';
import { reactionRequest } from '../../shared/command/reaction-request';
import { DisputeCommandMessage } from '../dispute-command.handler';

const PROCESS = 'dispute-opener';

@Injectable()
export class DisputeOpenerReactor implements Reactor, OnModuleInit {
  readonly name = PROCESS;
  readonly eventTypes = ['ClientClaimContested', 'ClientTransferContested'] as const;

  constructor(
    private readonly commands: CommandBus,
    private readonly projector: ProjectorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  onModuleInit(): void {
    this.projector.registerReactor(this);
  }

  async react(event: ProjectedEvent): Promise<void> {
    const request = reactionRequest(PROCESS, event);
    const data = event.type === 'ClientClaimContested' ? claimDispute(event.data as ClientClaimContested['data']) : await this.transferDispute(event);
    const command: OpenDispute = { type: 'OpenDispute', data, context: request };
    await this.commands.execute(new DisputeCommandMessage(command, request));
  }

  private async transferDispute(event: ProjectedEvent): Promise<OpenDispute['data']> {
    const { clientId, requestId, disputeId, reason } = event.data as ClientTransferContested['data'];
    const request = (await this.events.readStream(clientStream(clientId)))
      .filter((e) => e.revision < event.revision && e.type === 'ClientTransferRequested')
      .map((e) => e.data as ClientTransferRequested['data'])
      .find((r) => r.requestId === requestId);
    if (!request) throw new Error(`Client ${clientId}: contested request ${requestId} is not in its stream`);
    return {
      disputeId,
      subject: { kind: 'client', clientId },
      parties: [request.from, request.to],
      openedBy: request.from,
      summary: `The owner (${sideKey(request.from)}) contests the hand-over of client ${clientId} requested by ${sideKey(request.to)}: ${reason}`,
      origin: { kind: 'transfer-contest', requestId, requester: request.to, owner: request.from, requestReason: request.reason },
    };
  }
}

function claimDispute(contest: ClientClaimContested['data']): OpenDispute['data'] {
  const { clientId, disputeId, claimant, claimantBasis, owner, ownerBasis } = contest;
  return {
    disputeId,
    subject: { kind: 'client', clientId },
    parties: [claimant, owner],
    openedBy: claimant,
    summary: `${sideKey(claimant)} claims client ${clientId}, owned by ${sideKey(owner)}`,
    origin: { kind: 'claim', claimant, claimantBasis, owner, ownerBasis },
  };
}
