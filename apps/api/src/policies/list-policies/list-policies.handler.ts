import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { POLICIES, type PolicyDoc } from '@cl/projections/policies/policies.projection';
import type { Principal } from '../../shared/auth/principal';
import { toPolicySummary } from '../policy-read';
import type { PolicyPage } from '../policy-view.dto';
import type { ListPoliciesParams } from './list-policies.dto';

export class ListPoliciesQuery extends Query<PolicyPage> {
  constructor(
    readonly query: ListPoliciesParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** Newest year first, then by id: a total order, so pages neither repeat nor skip a policy. */
const ORDER = { year: -1, _id: 1 } as const;

@QueryHandler(ListPoliciesQuery)
export class ListPoliciesHandler implements IQueryHandler<ListPoliciesQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ query, viewer }: ListPoliciesQuery): Promise<PolicyPage> {
    const { limit, offset } = query;
    const filter = visibleFilter(query, viewer);
    if (!filter) return { items: [], total: 0, limit, offset };
    const [docs, total] = await Promise.all([
      this.store.find<PolicyDoc>(POLICIES, filter, { sort: ORDER, skip: offset, limit }),
      this.store.count(POLICIES, filter),
    ]);
    return { items: docs.map(toPolicySummary), total, limit, offset };
  }
}

/**
 * The query's filters, narrowed to the viewer's own policies for a distributor. A distributor asking
 * for another distributor's policies gets an empty page, as for a distributor with none: undefined.
 */
function visibleFilter({ distributorId, year, status }: ListPoliciesParams, viewer: Principal): Filter | undefined {
  const scope = viewer.party === 'distributor' ? viewer.distributorId : distributorId;
  if (viewer.party === 'distributor' && (!scope || (distributorId !== undefined && distributorId !== scope))) return undefined;
  return {
    ...(scope !== undefined ? { distributorId: scope } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}
