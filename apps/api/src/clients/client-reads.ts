/** What the client queries share: finding a client the viewer may see, the clients it may see, and filter composition. */
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Filter, ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import type { Principal } from '../shared/auth/principal';
import { clientNotFound, type ClientVisibility } from './client-visibility';

/** The client's document, or the same 404 for a client that does not exist and one the viewer may not see. */
export async function findVisibleClient(reads: ReadStore, visibility: ClientVisibility, id: string, viewer: Principal): Promise<ClientDoc> {
  const doc = await reads.findOne<ClientDoc>(CLIENTS, { _id: id });
  await visibility.assertVisible(viewer, id, doc ?? undefined);
  return doc as ClientDoc;
}

/**
 * The ids of the clients a distributor may see now (owned, or in its territories in force). Read
 * models keyed by client but without the client's placement (requests, claims) are narrowed with it.
 */
export async function visibleClientIds(reads: ReadStore, visibility: ClientVisibility, viewer: Principal): Promise<string[]> {
  const docs = await reads.find<ClientDoc>(CLIENTS, await visibility.clientFilter(viewer), { sort: { _id: 1 } });
  return docs.map((d) => d._id);
}

/** The viewer's own side key, for a distributor; undefined for the company and compliance, who see everything. */
export const distributorKey = (viewer: Principal): string | undefined =>
  viewer.party === 'distributor' ? sideKey({ party: 'distributor', distributorId: viewer.distributorId ?? '' }) : undefined;

/** Every filter must hold; empty ones are dropped (MongoDB refuses an empty $and). */
export function allOf(...filters: Filter[]): Filter {
  const parts = filters.filter((f) => Object.keys(f).length > 0);
  if (parts.length <= 1) return parts[0] ?? {};
  return { $and: parts };
}

/** The legal names of the given clients, to label report rows (one query per page). */
export async function legalNamesOf(reads: ReadStore, clientIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return new Map();
  const docs = await reads.find<ClientDoc>(CLIENTS, { _id: { $in: ids } });
  return new Map(docs.map((d) => [d._id, d.legalName]));
}

/** The fields that are set: absent ones stay absent in the answer rather than coming back as null. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A side as one CSV cell: 'company' or 'distributor:<id>'. */
export const sideCell = (side: Side | null | undefined): string | undefined => (side ? sideKey(side) : undefined);
