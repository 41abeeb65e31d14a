/**
 * Claiming a client. The division criteria of the policies in force judge first: a claim they do not
 * support is refused — recorded as ClientClaimRefused, since compliance must see it — whoever owns the client. Only a claim they support meets the ownership: an
 * unowned client becomes the claimant's, and one the other side owns is contested (a dispute opens)
 * rather than silently refused.
 */
import { assignClient, coversTerritory, hadRelationshipBefore, type ClientProfile } from '../policy/division';
import { text, type Errors } from '../policy/field-checks';
import { COMPANY, sameSide, type Side } from '../shared/sides';
import type { ClaimClient, PolicyInForce } from './commands';
import { ClientErrors } from './errors';
import type { ClaimBasis, ClientEvent, Judgement, OwnershipBasis } from './events';
import { actingSide, registeredClient, requireNoErrors } from './rules';
import type { Client, ClientState } from './state';

export function claimClient(cmd: ClaimClient, state: ClientState): ClientEvent[] {
  const { actor, now } = cmd.context;
  const claimant = actingSide(actor, 'claim');
  const client = registeredClient(state, cmd.data.clientId);
  // A retry of a claim already recorded: nothing new to say, even if the policies changed since.
  if (client.owner && sameSide(client.owner, claimant)) return [];
  const judgements = judgeClaim(client, claimant, cmd.data.policies);
  const at = now.toISOString();
  const refusing = judgements.find((j) => j.assignedTo !== (claimant.party === 'company' ? 'company' : 'distributor'));
  if (refusing) return [{ type: 'ClientClaimRefused', data: { clientId: client.clientId, claimant, refusedBy: refusing, refusedAt: at } }];
  const basis: ClaimBasis = { judgements };
  if (!client.owner) return [{ type: 'ClientClaimed', data: { clientId: client.clientId, owner: claimant, basis, claimedAt: at } }];
  return [contest(cmd, client, client.owner, claimant, basis, at)];
}

function contest(cmd: ClaimClient, client: Client, owner: Side, claimant: Side, claimantBasis: ClaimBasis, at: string): ClientEvent {
  // One open dispute per claimant: repeating the claim must not open a second one.
  const open = client.openContests.find((c) => sameSide(c.claimant, claimant));
  if (open) throw ClientErrors.ownedByOtherParty(owner, open.disputeId);
  const errors: Errors = [];
  text(errors, 'disputeId', cmd.data.disputeId);
  requireNoErrors(errors);
  // Set together with the owner by every event that sets one (see evolve).
  const ownerBasis = client.ownershipBasis as OwnershipBasis;
  const data = { clientId: client.clientId, disputeId: cmd.data.disputeId, claimant, claimantBasis, owner, ownerBasis, contestedAt: at };
  return { type: 'ClientClaimContested', data };
}

/** The judgements of the policies that have a say; the caller refuses the claim if one gives the client to the other side. */
function judgeClaim(client: Client, claimant: Side, policies: readonly PolicyInForce[]): Judgement[] {
  return claimant.party === 'company' ? companyClaim(client, policies) : [distributorClaim(client, claimant.distributorId, policies)];
}

/** Judged by the distributor's own policy in force, and only inside its territories. */
function distributorClaim(client: Client, distributorId: string, policies: readonly PolicyInForce[]): Judgement {
  const policy = policies.find((p) => p.distributorId === distributorId);
  if (!policy) throw ClientErrors.noPolicyInForce({ party: 'distributor', distributorId });
  if (!coversTerritory(policy.territories, client.territory)) {
    throw ClientErrors.outsideTerritory(client.territory, policy.policyId, policy.territories);
  }
  return judge(client, policy);
}

/**
 * Judged by every distributor policy in force whose territories hold the client; each must leave the
 * client to the company. None covering the client: no distributor has a say, and the claim stands.
 * A policy not covering the client is skipped here too, so a wider list cannot refuse a valid claim.
 */
function companyClaim(client: Client, policies: readonly PolicyInForce[]): Judgement[] {
  return policies.filter((p) => coversTerritory(p.territories, client.territory)).map((p) => judge(client, p));
}

/** How one policy's division criteria judge the client. */
export function judge(client: Client, policy: PolicyInForce): Judgement {
  const { owner, ruleId } = assignClient(policy.divisionCriteria, profileFor(client, policy));
  return { policyId: policy.policyId, termsVersion: policy.termsVersion, ruleId, assignedTo: owner };
}

/**
 * The client as a policy's criteria see it. "The distributor" is that policy's distributor; a
 * relationship counts as existing when it began before the policy first took effect.
 */
export function profileFor(client: Client, policy: PolicyInForce): ClientProfile {
  const since = (s: Side) => client.relationships.find((r) => sameSide(r.side, s))?.since;
  const distributor: Side = { party: 'distributor', distributorId: policy.distributorId };
  return {
    segment: client.segment,
    territory: client.territory,
    annualVolume: client.annualVolume,
    existingRelationshipWithCompany: hadRelationshipBefore(since(COMPANY), policy.firstEffectiveFrom),
    existingRelationshipWithDistributor: hadRelationshipBefore(since(distributor), policy.firstEffectiveFrom),
  };
}
