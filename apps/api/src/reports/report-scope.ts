/**
 * Whose rows a report shows. The company and compliance see every distributor's; a distributor only
 * its own. A distributor naming another distributor (or its policy) is told it does not exist — the
 * same 404 as for one that does not exist — so that it cannot learn that it does.
 */
import { parsePolicyId } from '@cl/domain/policy/events';
import type { Filter, ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import { DISTRIBUTORS } from '@cl/projections/distributors/distributors.projection';
import type { Principal } from '../shared/auth/principal';
import { ApiProblem } from '../shared/problem/problem';
import type { ClientVisibility } from '../clients/client-visibility';

export const distributorNotFound = (id: string) => new ApiProblem(404, 'DISTRIBUTOR.NOT_FOUND', `Distributor ${id} was not found`);
export const policyNotFound = (id: string) => new ApiProblem(404, 'POLICY.NOT_FOUND', `Policy ${id} was not found`);

/** The viewer's own distributor id; undefined for the company and compliance. */
export const ownDistributor = (viewer: Principal): string | undefined =>
  viewer.party === 'distributor' ? (viewer.distributorId ?? '') : undefined;

/**
 * The distributor a report is narrowed to: the viewer's own for a distributor (naming another is a
 * 404), the one asked for by the company or compliance (a 404 when it is not registered), or
 * undefined: every distributor.
 */
export async function distributorScope(reads: ReadStore, viewer: Principal, asked: string | undefined): Promise<string | undefined> {
  const own = ownDistributor(viewer);
  if (own !== undefined) {
    if (asked !== undefined && asked !== own) throw distributorNotFound(asked);
    return own;
  }
  if (asked !== undefined && !(await reads.findOne(DISTRIBUTORS, { _id: asked }))) throw distributorNotFound(asked);
  return asked;
}

/** A distributor may see a policy only if it is its own; anyone else's is answered as missing. */
export function assertPolicyVisible(viewer: Principal, policyId: string): void {
  const own = ownDistributor(viewer);
  if (own !== undefined && parsePolicyId(policyId)?.distributorId !== own) throw policyNotFound(policyId);
}

/**
 * The clients a distributor may see now, as ClientVisibility judges it. The reports ask it for a
 * distributor that is not the caller too (the company narrowing a report to one distributor sees what
 * that distributor sees), so the question is put as that distributor.
 */
export async function clientIdsVisibleTo(reads: ReadStore, visibility: ClientVisibility, distributorId: string): Promise<string[]> {
  const as: Principal = { party: 'distributor', userId: `report:${distributorId}`, distributorId };
  const docs = await reads.find<ClientDoc>(CLIENTS, await visibility.clientFilter(as), { sort: { _id: 1 } });
  return docs.map((d) => d._id);
}

/** An instant range on a field, as ISO text (`from` inclusive, `to` exclusive); empty when neither is given. */
export function within(field: string, from: string | undefined, to: string | undefined): Filter {
  if (!from && !to) return {};
  return { [field]: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } };
}
