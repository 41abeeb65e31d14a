/**
 * Accrues a policy's promotion budget when the policy comes into force, and again after every
 * amendment: the terms of the version that event brought in force are read from the policy stream
 * (versions never change once written) and AccruePromotionBudget runs as the system. The ledger's
 * decider records nothing for a version not newer than its last accrual, nor for one that leaves the
 * budget as it was, so a redelivery after a crash accrues nothing twice. A refusal (an amendment that
 * changed the settlement currency cannot re-accrue a budget kept in the old one) would be refused
 * again on every retry: the reactor runner parks it (on record, shown by /health) and moves on.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { isPolicy, type PolicyAmended, type PolicyCameIntoForce } from '@cl/domain/policy';
import type { AccruePromotionBudget } from '@cl/domain/promotion';
import type { ProjectedEvent, Reactor } from '@cl/projections';
import { PolicyLookup } from '../../clients/policy-lookup';
import { ProjectorService } from '../../infrastructure/projector.service';
import { reactionRequest } from '../../shared/command/reaction-request';
import { PromotionCommandMessage } from '../promotion-command.handler';

const PROCESS = 'promotion-budget-accrual';

@Injectable()
export class BudgetAccrualReactor implements Reactor, OnModuleInit {
  readonly name = PROCESS;
  readonly eventTypes = ['PolicyCameIntoForce', 'PolicyAmended'] as const;

  constructor(
    private readonly commands: CommandBus,
    private readonly projector: ProjectorService,
    private readonly policies: PolicyLookup,
  ) {}

  onModuleInit(): void {
    this.projector.registerReactor(this);
  }

  async react(event: ProjectedEvent): Promise<void> {
    const { policyId, termsVersion } = (event as ProjectedEvent<PolicyCameIntoForce | PolicyAmended>).data;
    const state = await this.policies.policyState(policyId);
    const version = isPolicy(state) ? state.versions.find((v) => v.version === termsVersion) : undefined;
    // The event is in the policy's stream, so its version is too: anything else is a corrupt log, retried and reported.
    if (!version) throw new Error(`Policy ${policyId}: terms version ${termsVersion} brought in force is not in its stream`);
    const request = reactionRequest(PROCESS, event);
    const command: AccruePromotionBudget = {
      type: 'AccruePromotionBudget',
      data: { policyId, termsVersion, terms: version.terms },
      context: request,
    };
    await this.commands.execute(new PromotionCommandMessage(command, request));
  }
}
