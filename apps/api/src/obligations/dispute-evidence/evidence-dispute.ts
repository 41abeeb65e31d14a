/**
 * Disputing evidence opens a dispute through the dispute process (libs/domain/dispute) between the
 * protected party, who opens it, and the responsible party; the obligations stream records
 * EvidenceDisputed naming it. The obligations decider is asked first, against the stream as it is, so
 * a refused dispute (not the protected party, evidence accepted or already disputed) opens nothing.
 */
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { OpenDispute } from '@cl/domain/dispute';
import { obligationsDecider, type DisputeEvidence, type ObligationsEvent } from '@cl/domain/obligations';
import { parsePolicyId } from '@cl/domain/policy';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import { DisputeCommandMessage } from '../../disputes/dispute-command.handler';
import type { CommandOutcome } from '../../shared/command/command-pipeline';
import type { RequestContext } from '../../shared/command/request-context';
import { ObligationsCommandMessage, requireEvidenceOf } from '../obligations-command.handler';
import { hideOtherDistributors, ObligationsReader } from '../obligations-reader';

export interface EvidenceDisputeRequest {
  policyId: string;
  obligationId: string;
  evidenceId: string;
  reason: string;
}

@Injectable()
export class EvidenceDispute {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ObligationsReader,
  ) {}

  async open(r: EvidenceDisputeRequest, ctx: RequestContext): Promise<CommandOutcome<ObligationsEvent>> {
    hideOtherDistributors(r.policyId, ctx);
    const disputeId = randomUUID();
    const data = { policyId: r.policyId, evidenceId: r.evidenceId, disputeId, reason: r.reason };
    await this.precheck({ type: 'DisputeEvidence', data: { ...data, obligations: await this.reader.obligationsAt(r.policyId, ctx.now) }, context: ctx }, r.obligationId);
    await this.commands.execute(new DisputeCommandMessage(this.openDispute(r, disputeId, ctx), ctx));
    return this.commands.execute(new ObligationsCommandMessage({ type: 'DisputeEvidence', data, context: ctx }, ctx, r.obligationId));
  }

  private async precheck(command: DisputeEvidence, obligationId: string): Promise<void> {
    const state = await this.reader.state(command.data.policyId);
    requireEvidenceOf(state, obligationId, command.data.evidenceId);
    obligationsDecider.decide(command, state);
  }

  /** The opener is the caller's side (the protected party, as the precheck made sure); the other side is the policy's other party. */
  private openDispute(r: EvidenceDisputeRequest, disputeId: string, ctx: RequestContext): OpenDispute {
    const distributor: Side = { party: 'distributor', distributorId: parsePolicyId(r.policyId)!.distributorId };
    const [openedBy, counterparty] = ctx.actor.party === 'company' ? [COMPANY, distributor] : [distributor, COMPANY];
    const subject = { kind: 'obligation' as const, policyId: r.policyId, obligationId: r.obligationId, evidenceId: r.evidenceId };
    const data = { disputeId, subject, parties: [openedBy, counterparty] as [Side, Side], openedBy, summary: r.reason, origin: { kind: 'direct' as const } };
    return { type: 'OpenDispute', data, context: ctx };
  }
}
