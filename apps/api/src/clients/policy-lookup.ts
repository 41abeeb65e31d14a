/**
 * The policies in force at an instant, as client rules read them. Read from the policy streams, not
 * from a read model: a claim is judged on the terms actually signed, never on a projection that may
 * lag by a few milliseconds. Only the list of distributors comes from the read model.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { PolicyInForce } from '@cl/domain/client/commands';
import {
  evolvePolicy,
  initialPolicyState,
  isPolicy,
  policyIdFor,
  policyStream,
  termsInForceOn,
  type PolicyEvent,
  type PolicyState,
  type TermsInForce,
} from '@cl/domain/policy';
import { coversTerritory } from '@cl/domain/policy/division';
import type { EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { DISTRIBUTORS } from '@cl/projections/distributors/distributors.projection';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';
import { StreamFolds } from '../shared/command/stream-folds';

const FOLDED_POLICIES = 2_000;

@Injectable()
export class PolicyLookup {
  /** Bounded: a year has one policy per distributor. */
  private readonly folded: StreamFolds<PolicyState, PolicyEvent>;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_SCHEMAS) schemas: EventSchemas,
  ) {
    const fold = { initial: initialPolicyState, apply: (state: PolicyState, later: readonly PolicyEvent[]) => later.reduce(evolvePolicy, state), weight: () => 1 };
    this.folded = new StreamFolds(events, schemas, fold, { maxWeight: FOLDED_POLICIES, maxStreamWeight: 1 });
  }

  /** The distributor's policy in force at `at`, if any. */
  async forDistributor(distributorId: string, at: Date): Promise<PolicyInForce | undefined> {
    const governing = await this.termsInForce(distributorId, at);
    if (!governing) return undefined;
    const { territories, divisionCriteria, handOverDays } = governing.terms;
    const { policyId, termsVersion, firstEffectiveFrom } = governing;
    return { policyId, distributorId, termsVersion, territories, divisionCriteria, handOverDays, firstEffectiveFrom };
  }

  /** The whole terms of the distributor's policy in force at `at`, with when the policy first took effect. */
  async termsInForce(distributorId: string, at: Date): Promise<(TermsInForce & { distributorId: string; firstEffectiveFrom: string }) | undefined> {
    const state = await this.policyState(policyIdFor(distributorId, at.getUTCFullYear()));
    const governing = termsInForceOn(state, at);
    if (!governing || !isPolicy(state) || !state.firstEffectiveFrom) return undefined;
    return { ...governing, distributorId, firstEffectiveFrom: state.firstEffectiveFrom };
  }

  /**
   * A policy folded from its stream (status 'none' when it does not exist). Every sale and claim asks
   * for it, so the folded state is kept per stream and only the events after it are read and folded
   * (`StreamFolds`; `evolvePolicy` returns new objects, so the kept state is never changed).
   */
  async policyState(policyId: string): Promise<PolicyState> {
    return this.folded.read(policyStream(policyId));
  }

  /** Every distributor policy in force at `at` whose territories cover `territory`. */
  async covering(territory: string, at: Date): Promise<PolicyInForce[]> {
    const distributors = await this.reads.find(DISTRIBUTORS, {}, { sort: { _id: 1 } });
    const policies = await Promise.all(distributors.map((d) => this.forDistributor(d._id, at)));
    return policies.filter((p): p is PolicyInForce => !!p && coversTerritory(p.territories, territory));
  }

  /** Like `covering`, with the whole terms (a company sale honours the floors of each of them). */
  async termsCovering(territory: string, at: Date): Promise<Array<NonNullable<Awaited<ReturnType<PolicyLookup['termsInForce']>>>>> {
    const distributors = await this.reads.find(DISTRIBUTORS, {}, { sort: { _id: 1 } });
    const policies = await Promise.all(distributors.map((d) => this.termsInForce(d._id, at)));
    return policies.filter((p): p is NonNullable<typeof p> => !!p && coversTerritory(p.terms.territories, territory));
  }
}
