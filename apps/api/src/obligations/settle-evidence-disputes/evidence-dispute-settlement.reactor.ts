/**
 * When a dispute about an obligation's evidence ends, records in the obligations stream what the end
 * means for the evidence: the resolution's `evidenceVerdict` (upheld: it counts as accepted; rejected:
 * it does not count), or upheld when the party that disputed it withdrew the dispute. The obligations
 * decider answers a second delivery of the same end with no events, and the reaction's "now" is the
 * instant the dispute ended, so a replay decides exactly as the first delivery did.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DisputeResolved, DisputeWithdrawn } from '@cl/domain/dispute/events';
import type { DisputedEvidenceOutcome, EvidenceDisputeEnding } from '@cl/domain/obligations';
import type { ProjectedEvent, Reactor } from '@cl/projections';
import { ProjectorService } from '../../infrastructure/projector.service';
import { reactionRequest } from '../../shared/command/reaction-request';
import { ObligationsCommandMessage, type ObligationsRequest } from '../obligations-command.handler';

const PROCESS = 'evidence-dispute-settlement';

@Injectable()
export class EvidenceDisputeSettlementReactor implements Reactor, OnModuleInit {
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
    if (subject.kind !== 'obligation' || subject.evidenceId === undefined) return;
    const verdict = verdictOf(ended);
    // A resolution recorded before verdicts were required says nothing of the evidence: it stays disputed (the protected party may still accept it or waive).
    if (!verdict) return;
    const request = reactionRequest(PROCESS, event);
    const command: ObligationsRequest = {
      type: 'SettleEvidenceDispute',
      data: { policyId: subject.policyId, evidenceId: subject.evidenceId, disputeId, ...verdict },
      context: request,
    };
    await this.commands.execute(new ObligationsCommandMessage(command, request));
  }
}

function verdictOf(
  e: ProjectedEvent<DisputeResolved | DisputeWithdrawn>,
): { outcome: DisputedEvidenceOutcome; endedBy: EvidenceDisputeEnding } | undefined {
  if (e.type === 'DisputeWithdrawn') return { outcome: 'upheld', endedBy: { kind: 'withdrawal', withdrawnBy: e.data.by.party } };
  const { outcome, by } = e.data;
  if (!outcome.evidenceVerdict) return undefined;
  const endedBy: EvidenceDisputeEnding =
    by.kind === 'agreement'
      ? { kind: 'agreement', proposedBy: by.proposedBy.party, agreedBy: by.agreedBy.party }
      : { kind: 'compliance', userId: by.userId };
  return { outcome: outcome.evidenceVerdict, endedBy };
}
