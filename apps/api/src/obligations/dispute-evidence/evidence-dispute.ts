/**
 * Disputing evidence: the obligations stream records EvidenceDisputed, naming a fresh dispute id, in
 * one append against the revision the decider read (decided again on a concurrent write) — the only
 * write of the request. The dispute itself is opened from that fact by the evidence-dispute-opener
 * process (evidence-dispute-opener.reactor.ts), as a contested claim's dispute is, so neither a crash
 * nor a concurrent write can leave a dispute without its EvidenceDisputed or the reverse; the dispute
 * is readable once the process ran (milliseconds later). The dispute the process will open is decided
 * on the dispute decider before the append (a pure check), so a fact the process could not act on is
 * never recorded.
 */
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { disputeDecider } from '@cl/domain/dispute';
import type { ObligationsEvent } from '@cl/domain/obligations';
import type { CommandOutcome } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';
import { ObligationsCommandMessage } from '../obligations-command.handler';
import { evidenceDisputeOpening, EVIDENCE_DISPUTE_OPENER } from './evidence-dispute-opening';

export interface EvidenceDisputeRequest {
  policyId: string;
  obligationId: string;
  evidenceId: string;
  reason: string;
}

@Injectable()
export class EvidenceDispute {
  constructor(private readonly commands: CommandBus) {}

  open(r: EvidenceDisputeRequest, ctx: RequestContext): Promise<CommandOutcome<ObligationsEvent>> {
    const data = { policyId: r.policyId, evidenceId: r.evidenceId, disputeId: randomUUID(), reason: r.reason };
    const opensDispute = (events: readonly ObligationsEvent[]) => {
      for (const e of events) {
        if (e.type !== 'EvidenceDisputed') continue;
        const context = { now: ctx.now, actor: { party: 'system' as const, userId: EVIDENCE_DISPUTE_OPENER } };
        disputeDecider.decide({ type: 'OpenDispute', data: evidenceDisputeOpening(e.data), context }, disputeDecider.initialState());
      }
    };
    return this.commands.execute(
      new ObligationsCommandMessage({ type: 'DisputeEvidence', data, context: ctx }, ctx, r.obligationId, opensDispute),
    );
  }
}
