/** What every policy query shares: who may see which policy, and the summary of a stored policy. */
import type { ReadStore } from '@cl/read-models';
import { POLICIES, type PolicyDoc } from '@cl/projections/policies/policies.projection';
import { signaturesOf } from '@cl/projections/policies/policy-state';
import type { Principal } from '../shared/auth/principal';
import { ApiProblem } from '../shared/problem/problem';
import type { PolicySummary } from './policy-view.dto';

/** The company and compliance see every policy; a distributor only its own. */
export const canSeePoliciesOf = (viewer: Principal, distributorId: string): boolean =>
  viewer.party !== 'distributor' || viewer.distributorId === distributorId;

/** Another distributor's policy is answered exactly as one that does not exist. */
export async function findVisiblePolicy(store: ReadStore, id: string, viewer: Principal): Promise<PolicyDoc> {
  const doc = await store.findOne<PolicyDoc>(POLICIES, { _id: id });
  if (!doc || !canSeePoliciesOf(viewer, doc.distributorId)) throw new ApiProblem(404, 'POLICY.NOT_FOUND', `Policy ${id} was not found`);
  return doc;
}

export function toPolicySummary(doc: PolicyDoc): PolicySummary {
  const current = doc.versions[doc.currentVersion];
  return {
    id: doc._id,
    distributorId: doc.distributorId,
    year: doc.year,
    status: doc.status,
    currentVersion: doc.currentVersion,
    currentTermsHash: current.termsHash,
    signedBy: signaturesOf(current).map((s) => s.party),
    ...(doc.firstEffectiveFrom ? { firstEffectiveFrom: doc.firstEffectiveFrom } : {}),
    ...(doc.endedAt ? { endedAt: doc.endedAt } : {}),
    revision: doc.revision,
    updatedAt: doc.updatedAt,
  };
}
