import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { PRICE_COMPLIANCE, type PriceComplianceDoc } from '@cl/projections/sales/price-compliance.projection';
import type { Principal } from '../../shared/auth/principal';
import { allOf, legalNamesOf } from '../../clients/client-reads';
import { ClientVisibility } from '../../clients/client-visibility';
import { isoInstant } from '../../clients/read-params';
import { distributorScope, within } from '../report-scope';
import { priceComplianceScope } from './price-compliance-scope';
import type { PriceComplianceEntryView, PriceCompliancePage, PriceComplianceParams } from './price-compliance.dto';

export class PriceComplianceQuery extends Query<PriceCompliancePage> {
  constructor(
    readonly params: PriceComplianceParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** Oldest first, then by id: a total order for paging. */
const ORDER = { at: 1, _id: 1 } as const;

@QueryHandler(PriceComplianceQuery)
export class PriceComplianceHandler implements IQueryHandler<PriceComplianceQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ params, viewer }: PriceComplianceQuery): Promise<PriceCompliancePage> {
    const { limit, offset, from, to, kind, clientId, sku } = params;
    const distributorId = await distributorScope(this.reads, viewer, params.distributorId);
    const filter = allOf(
      await priceComplianceScope(this.reads, this.visibility, distributorId),
      // Instants are stored as toISOString() text, so normalised bounds compare correctly as text.
      within('at', from && isoInstant(from), to && isoInstant(to)),
      kind !== undefined ? { kind } : {},
      clientId !== undefined ? { clientId } : {},
      sku !== undefined ? { skus: sku } : {},
    );
    const [docs, total] = await Promise.all([
      this.reads.find<PriceComplianceDoc>(PRICE_COMPLIANCE, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(PRICE_COMPLIANCE, filter),
    ]);
    const names = await legalNamesOf(
      this.reads,
      docs.map((d) => d.clientId),
    );
    return { items: docs.map((d) => entryView(d, names.get(d.clientId))), total, limit, offset };
  }
}

/** Picked field by field: the side keys and the store's bookkeeping stay internal. */
export function entryView(doc: PriceComplianceDoc, clientLegalName?: string): PriceComplianceEntryView {
  const { party, userId, distributorId } = doc.by;
  return {
    id: doc._id,
    kind: doc.kind,
    at: doc.at,
    clientId: doc.clientId,
    ...(clientLegalName !== undefined ? { clientLegalName } : {}),
    seller: doc.seller ?? null,
    distributorIds: doc.distributorIds,
    skus: doc.skus,
    by: { party, userId, ...(distributorId ? { distributorId } : {}) },
    details: doc.details as Record<string, unknown>,
  };
}
