/**
 * The policies in force at an instant, as client rules read them. Read from the policy streams, not
 * from a read model: a claim is judged on the terms actually signed, never on a projection that may
 * lag by a few milliseconds. Only the list of distributors comes from the read model.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { PolicyInForce } from '@cl/domain/client/commands';
import { evolvePolicy, initialPolicyState, isPolicy, policyIdFor, policyStream, termsInForceOn, type PolicyEvent } from '@cl/domain/policy';
import { coversTerritory } from '@cl/domain/policy/division';
import { upcast, type EventSchemas } from '@cl/domain/shared/schemas';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { DISTRIBUTORS } from '@cl/projections/distributors/distributors.projection';
import { EVENT_SCHEMAS } from '../shared/command/command-pipeline';

@Injectable()
export class PolicyLookup {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemas,
  ) {}

  /** The distributor's policy in force at `at`, if any. */
  async forDistributor(distributorId: string, at: Date): Promise<PolicyInForce | undefined> {
    const policyId = policyIdFor(distributorId, at.getUTCFullYear());
    const recorded = await this.events.readStream(policyStream(policyId));
    const state = recorded.map((e) => upcast<PolicyEvent>(this.schemas, e)).reduce(evolvePolicy, initialPolicyState());
    const governing = termsInForceOn(state, at);
    if (!governing || !isPolicy(state) || !state.firstEffectiveFrom) return undefined;
    const { territories, divisionCriteria, handOverDays } = governing.terms;
    return {
      policyId,
      distributorId,
      termsVersion: governing.termsVersion,
      territories,
      divisionCriteria,
      handOverDays,
      firstEffectiveFrom: state.firstEffectiveFrom,
    };
  }

  /** Every distributor policy in force at `at` whose territories cover `territory`. */
  async covering(territory: string, at: Date): Promise<PolicyInForce[]> {
    const distributors = await this.reads.find(DISTRIBUTORS, {}, { sort: { _id: 1 } });
    const policies = await Promise.all(distributors.map((d) => this.forDistributor(d._id, at)));
    return policies.filter((p): p is PolicyInForce => !!p && coversTerritory(p.territories, territory));
  }
}
