import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { CLAIMS_REGISTER, type ClaimEntryDoc } from '@cl/projections/clients/claims-register.projection';
import type { Principal } from '../../shared/auth/principal';
import { allOf, definedOnly, distributorKey, legalNamesOf } from '../client-reads';
import { isoInstant } from '../read-params';
import type { ClaimEntryView, ClaimsRegisterPage, ClaimsRegisterParams } from './claims-register.dto';

export class ClaimsRegisterQuery extends Query<ClaimsRegisterPage> {
  constructor(
    readonly params: ClaimsRegisterParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** In the order the claims were made, then by id: a register reads chronologically, and pages stay stable. */
const ORDER = { at: 1, _id: 1 } as const;

@QueryHandler(ClaimsRegisterQuery)
export class ClaimsRegisterHandler implements IQueryHandler<ClaimsRegisterQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ params, viewer }: ClaimsRegisterQuery): Promise<ClaimsRegisterPage> {
    const { limit, offset } = params;
    const me = distributorKey(viewer);
    // A distributor sees the claims it made and those made against its ownership.
    const filter = allOf(me ? involving(me) : {}, filtersOf(params));
    const [docs, total] = await Promise.all([
      this.reads.find<ClaimEntryDoc>(CLAIMS_REGISTER, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(CLAIMS_REGISTER, filter),
    ]);
    const names = await legalNamesOf(this.reads, docs.map((d) => d.clientId));
    return { items: docs.map((d) => toView(d, names.get(d.clientId))), total, limit, offset };
  }
}

/** Entries where the side is the claimant, or the owner the claim contested. */
const involving = (key: string): Filter => ({ $or: [{ claimantKey: key }, { ownerKey: key }] });

function filtersOf({ clientId, party, outcome, from, to }: ClaimsRegisterParams): Filter {
  // Instants are stored as toISOString() text, so normalised bounds compare correctly as text.
  const period = { ...(from ? { $gte: isoInstant(from) } : {}), ...(to ? { $lt: isoInstant(to) } : {}) };
  return allOf(
    clientId !== undefined ? { clientId } : {},
    outcome !== undefined ? { outcome } : {},
    Object.keys(period).length > 0 ? { at: period } : {},
    party !== undefined ? involving(party) : {},
  );
}

/** Picked field by field: the side keys the read model filters on stay internal. */
function toView(doc: ClaimEntryDoc, clientLegalName: string | undefined): ClaimEntryView {
  const { clientId, claimant, at, basis, outcome, revision, updatedAt } = doc;
  const optional = {
    disputeId: doc.disputeId,
    ownerAtTheTime: doc.ownerAtTheTime,
    ownerBasis: doc.ownerBasis,
    resolution: doc.resolution,
    endedAt: doc.endedAt,
    endedBy: doc.endedBy,
  };
  return {
    id: doc._id,
    clientId,
    ...(clientLegalName !== undefined ? { clientLegalName } : {}),
    claimant,
    at,
    basis,
    outcome,
    ...definedOnly(optional),
    revision,
    updatedAt,
  };
}
