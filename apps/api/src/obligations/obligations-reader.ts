/**
 * What a policy owes at an instant, read consistently from the event streams (never a read model): the
 * policy's terms history, its settlements' PeriodClosed events and the facts recorded on
 * `obligations-<policyId>`. Commands and reports derive from the same three sources, so both judge
 * against the same obligations.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import {
  deriveObligations,
  evolveObligations,
  initialObligationsState,
  obligationsStream,
  type Obligation,
  type ObligationsEvent,
  type ObligationsState,
} from '@cl/domain/obligations';
import { isPolicy, parsePolicyId, type PolicyState } from '@cl/domain/policy';
import { settlementStream, type PeriodClosed, type SettlementEvent } from '@cl/domain/settlement';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { PolicyLookup } from '../clients/policy-lookup';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import type { CommandRequest } from '../shared/command/request-context';
import { ApiProblem } from '../shared/problem/problem';

@Injectable()
export class ObligationsReader {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
    private readonly policies: PolicyLookup,
  ) {}

  /** The policy's obligations as derived at `at`; 404 when the policy does not exist. */
  async obligationsAt(policyId: string, at: Date | string): Promise<Obligation[]> {
    const policy = await this.existingPolicy(policyId);
    return deriveObligations(policy, at, await this.settlements(policyId));
  }

  /** The facts recorded about the policy's obligations. */
  async state(policyId: string): Promise<ObligationsState> {
    const recorded = await this.events.readStream(obligationsStream(policyId));
    return recorded.map((e) => upcast<ObligationsEvent>(this.schemas, e)).reduce(evolveObligations, initialObligationsState());
  }

  private async existingPolicy(policyId: string): Promise<PolicyState> {
    const policy = await this.policies.policyState(policyId);
    if (!isPolicy(policy)) throw policyNotFound(policyId);
    return policy;
  }

  private async settlements(policyId: string): Promise<PeriodClosed[]> {
    const recorded = await this.events.readStream(settlementStream(policyId));
    return recorded.map((e) => upcast<SettlementEvent>(this.schemas, e)).filter((e): e is PeriodClosed => e.type === 'PeriodClosed');
  }
}

export const policyNotFound = (policyId: string) => new ApiProblem(404, 'POLICY.NOT_FOUND', `Policy ${policyId} was not found`);

/** Another distributor's policy is answered exactly as a policy that does not exist. */
export function hideOtherDistributors(policyId: string, { actor }: Pick<CommandRequest, 'actor'>): void {
  if (actor.party === 'distributor' && parsePolicyId(policyId)?.distributorId !== actor.distributorId) throw policyNotFound(policyId);
}
