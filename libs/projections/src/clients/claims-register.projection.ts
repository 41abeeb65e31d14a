/**
 * The `claims_register` read model, for compliance: who claimed which client when, on what basis, and
 * what came of it. One entry per claim (`_id` = event id): granted at once (`outcome: 'claimed'`),
 * refused by the division criteria (`outcome: 'refused'`, with the rule), or contested because the
 * other side owned the client (`outcome: 'disputed'`). Later facts are written
 * onto the entries they concern by filter — the dispute's end onto the disputed claim, the end of the
 * claimant's ownership onto the claim that gave it.
 */
import type { ClaimBasis, ClientEvent, Judgement, OwnershipBasis } from '@cl/domain/client/events';
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { Doc, Filter, WriteOp } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';
import { stamp } from './envelope';

export const CLAIMS_REGISTER = 'claims_register';

/** An entry as a claim writes it. */
interface ClaimFields {
  clientId: string;
  claimant: Side;
  at: string;
  /** The division criteria's judgements the claim rested on. */
  basis: ClaimBasis;
  outcome: 'claimed' | 'disputed' | 'refused';
  /** refused: the rule of the policy whose criteria gave the client to the other side. */
  refusedBy?: Judgement;
  /** disputed: the dispute it opened, and the owner then with what made them owner. */
  disputeId?: string;
  ownerAtTheTime?: Side;
  ownerKey?: string;
  ownerBasis?: OwnershipBasis;
}

export interface ClaimEntryDoc extends Doc, ClaimFields {
  /** The id of the ClientClaimed / ClientClaimContested event. */
  _id: string;
  claimantKey: string;
  /** disputed, once the dispute ended. `granted`: the claimant owns the client after it. */
  resolution?: { resolution: 'resolved' | 'withdrawn'; ownerAfter: Side | null; settledAt: string; granted: boolean };
  /** The ownership this claim gave (a claim, or a disputed claim granted) ended: when and how. */
  endedAt?: string;
  endedBy?: 'transferred' | 'released';
  /** Revision of the client stream's last event applied to the entry. */
  revision: number;
  updatedAt: string;
}

type Projected = ProjectedEvent<ClientEvent>;
type Data<T extends Projected['type']> = Extract<ClientEvent, { type: T }>['data'];

export const claimsRegisterProjection: Projection = {
  name: 'claims_register',
  collections: [CLAIMS_REGISTER],
  // clientId and disputeId: the entries later facts are written onto; at, _id: the register's order;
  // claimantKey and ownerKey: a distributor's view (the claims it made or that were made against it).
  indexes: [
    { collection: CLAIMS_REGISTER, fields: ['clientId'] },
    { collection: CLAIMS_REGISTER, fields: ['disputeId'] },
    { collection: CLAIMS_REGISTER, fields: ['at', '_id'] },
    { collection: CLAIMS_REGISTER, fields: ['claimantKey'] },
    { collection: CLAIMS_REGISTER, fields: ['ownerKey'] },
  ],
  project(event) {
    const e = event as Projected;
    switch (e.type) {
      case 'ClientClaimed':
        return [
          entry(e, { clientId: e.data.clientId, claimant: e.data.owner, at: e.data.claimedAt, basis: e.data.basis, outcome: 'claimed' }),
        ];
      case 'ClientClaimContested':
        return [contested(e, e.data)];
      case 'ClientClaimRefused': {
        const { clientId, claimant, refusedBy, refusedAt } = e.data;
        return [entry(e, { clientId, claimant, at: refusedAt, basis: { judgements: [refusedBy] }, outcome: 'refused', refusedBy })];
      }
      case 'ClientDisputeSettled':
        return settled(e, e.data);
      case 'ClientTransferred':
        return e.data.from ? [ended(e, e.data.clientId, e.data.from, e.data.transferredAt, 'transferred')] : [];
      case 'ClientReleased':
        return [ended(e, e.data.clientId, e.data.from, e.data.releasedAt, 'released')];
      default:
        return [];
    }
  },
};

function entry(e: Projected, fields: ClaimFields): WriteOp {
  const doc: ClaimEntryDoc = { _id: e.id, ...fields, claimantKey: sideKey(fields.claimant), ...stamp(e) };
  return { op: 'replace', collection: CLAIMS_REGISTER, doc };
}

function contested(e: Projected, d: Data<'ClientClaimContested'>): WriteOp {
  const { clientId, disputeId, claimant, claimantBasis, owner, ownerBasis, contestedAt } = d;
  return entry(e, {
    clientId,
    claimant,
    at: contestedAt,
    basis: claimantBasis,
    outcome: 'disputed',
    disputeId,
    ownerAtTheTime: owner,
    ownerKey: sideKey(owner),
    ownerBasis,
  });
}

function update(e: Projected, filter: Filter, fields: Partial<ClaimEntryDoc>): WriteOp {
  return { op: 'update', collection: CLAIMS_REGISTER, filter, update: { $set: { ...fields, ...stamp(e) } }, multi: true };
}

/** Whether the claimant won is a comparison with the entry's own claimant: the first write takes the winner's entry. */
function settled(e: Projected, d: Data<'ClientDisputeSettled'>): WriteOp[] {
  const { disputeId, resolution, ownerAfter, settledAt } = d;
  const open = { disputeId, outcome: 'disputed', resolution: { $exists: false } };
  const result = (granted: boolean) => ({ resolution: { resolution, ownerAfter, settledAt, granted } });
  const won = ownerAfter ? [update(e, { ...open, claimantKey: sideKey(ownerAfter) }, result(true))] : [];
  return [...won, update(e, open, result(false))];
}

/** The entry that made `from` the owner: its granted claim on the client not yet ended. */
function ended(e: Projected, clientId: string, from: Side, at: string, by: 'transferred' | 'released'): WriteOp {
  const filter = {
    clientId,
    claimantKey: sideKey(from),
    endedAt: { $exists: false },
    $or: [{ outcome: 'claimed' }, { outcome: 'disputed', 'resolution.granted': true }],
  };
  return update(e, filter, { endedAt: at, endedBy: by });
}
