/**
 * The `clients` read model: one document per client with who owns it, since when and why, and what is
 * pending on it (open disputes, hand-over requests awaiting an answer).
 */
import type { ClientEvent, ClientRegistered, OwnershipBasis, Relationship } from '@cl/domain/client/events';
import type { DisputeEvent, DisputeOpened, DisputeResolved, DisputeWithdrawn } from '@cl/domain/dispute/events';
import type { Money } from '@cl/domain/policy/terms';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, Update, WriteOp } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';
import { stamp, territoryPath } from './envelope';
import { subjectClientId } from './subject-client';

export const CLIENTS = 'clients';

export interface ClientDoc extends Doc {
  legalName: string;
  taxId: string;
  territory: string;
  /** The territory and every coarser code: filter with `{ territoryPath: { $in: territories } }`. */
  territoryPath: string[];
  segment: string;
  annualVolume: Money;
  relationships: Relationship[];
  registeredBy: Side;
  registeredAt: string;
  owner: Side | null;
  /** `sideKey(owner)`: 'company' or 'distributor:<id>'; null when unowned. */
  ownerKey: string | null;
  ownerSince: string | null;
  ownershipBasis: OwnershipBasis | null;
  /** Disputes naming the client that are still open (contested claims and hand-overs, and direct ones). */
  openDisputeIds: string[];
  /** Hand-over requests awaiting the owner's answer. */
  pendingTransferRequestIds: string[];
  /** The latest `occurredAt` of a logged interaction. */
  lastInteractionAt: string | null;
  /** Stream revision of the client's last event applied: the ETag. */
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<ClientEvent | DisputeEvent>;

export const clientsProjection: Projection = {
  name: 'clients',
  collections: [CLIENTS],
  // legalName, _id: the client list's order (a page reads its rows in order, no sort of 20k documents);
  // ownerKey: the clients a distributor owns (its sales scope, the list's owner filter).
  indexes: [
    { collection: CLIENTS, fields: ['legalName', '_id'] },
    { collection: CLIENTS, fields: ['ownerKey'] },
  ],
  project(event) {
    const e = event as Projected;
    if (e.type === 'ClientRegistered') return [{ op: 'replace', collection: CLIENTS, doc: registered(e) }];
    if (e.type === 'DisputeOpened' || e.type === 'DisputeResolved' || e.type === 'DisputeWithdrawn') return disputeWrite(e);
    const update = updateFor(e);
    if (!update) return [];
    const $set = { ...((update.$set as object) ?? {}), ...stamp(e) };
    return [{ op: 'update', collection: CLIENTS, filter: { _id: (e.data as { clientId: string }).clientId }, update: { ...update, $set } }];
  },
};

function registered(e: ProjectedEvent<ClientRegistered>): ClientDoc {
  const d = e.data;
  return {
    _id: d.clientId,
    legalName: d.legalName,
    taxId: d.taxId,
    territory: d.territory,
    territoryPath: territoryPath(d.territory),
    segment: d.segment,
    annualVolume: d.annualVolume,
    relationships: d.relationships,
    registeredBy: d.registeredBy,
    registeredAt: d.registeredAt,
    ...unowned(),
    openDisputeIds: [],
    pendingTransferRequestIds: [],
    lastInteractionAt: null,
    ...stamp(e),
  };
}

const unowned = () => ({ owner: null, ownerKey: null, ownerSince: null, ownershipBasis: null });

const owned = (owner: Side, basis: OwnershipBasis) => ({ owner, ownerKey: sideKey(owner), ownerSince: basis.at, ownershipBasis: basis });

function updateFor(e: Projected): Update | undefined {
  switch (e.type) {
    case 'ClientClaimed': {
      const { owner, basis, claimedAt } = e.data;
      return { $set: owned(owner, { kind: 'claim', basis, at: claimedAt }) };
    }
    case 'ClientClaimContested':
      return { $addToSet: { openDisputeIds: e.data.disputeId } };
    case 'ClientClaimRefused':
      // Changes nothing about the client but its revision: the refusal is a fact of its stream.
      return { $set: {} };
    case 'ClientTransferRequested':
      return { $addToSet: { pendingTransferRequestIds: e.data.requestId } };
    case 'ClientTransferRequestWithdrawn':
      return { $pull: { pendingTransferRequestIds: e.data.requestId } };
    case 'ClientTransferContested':
      return { $pull: { pendingTransferRequestIds: e.data.requestId }, $addToSet: { openDisputeIds: e.data.disputeId } };
    case 'ClientTransferred': {
      // Whatever else was pending is superseded by the move (see the transfer_requests read model).
      const { to, transferId, cause, transferredAt } = e.data;
      return { $set: { ...owned(to, { kind: 'transfer', transferId, cause, at: transferredAt }), pendingTransferRequestIds: [] } };
    }
    case 'ClientReleased':
      return { $set: { ...unowned(), pendingTransferRequestIds: [] } };
    case 'ClientInteractionLogged':
      // $max: interactions may be logged after the fact, out of order.
      return { $max: { lastInteractionAt: e.data.occurredAt } };
    case 'ClientDisputeSettled':
      return { $pull: { openDisputeIds: e.data.disputeId } };
    default:
      return undefined;
  }
}

/**
 * A dispute naming the client is open from its opening to its end, whichever stream says so first;
 * the client's revision (its own stream's ETag) is left alone.
 */
function disputeWrite(e: ProjectedEvent<DisputeOpened | DisputeResolved | DisputeWithdrawn>): WriteOp[] {
  const clientId = subjectClientId(e.data.subject);
  if (!clientId) return [];
  const { disputeId } = e.data;
  const update = e.type === 'DisputeOpened' ? { $addToSet: { openDisputeIds: disputeId } } : { $pull: { openDisputeIds: disputeId } };
  return [{ op: 'update', collection: CLIENTS, filter: { _id: clientId }, update }];
}
