import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { DISPUTES, type DisputeDoc } from '@cl/projections/disputes/disputes.projection';
import type { Principal } from '../../shared/auth/principal';
import { toDisputeSummary } from '../dispute-read';
import type { DisputePage } from '../dispute-view.dto';
import { DISPUTE_ORDER, disputeFilter } from './dispute-filter';
import type { ListDisputesParams } from './list-disputes.dto';

export class ListDisputesQuery extends Query<DisputePage> {
  constructor(
    readonly params: ListDisputesParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListDisputesQuery)
export class ListDisputesHandler implements IQueryHandler<ListDisputesQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ params, viewer }: ListDisputesQuery): Promise<DisputePage> {
    const { limit, offset } = params;
    const filter = disputeFilter(params, viewer);
    const [docs, total] = await Promise.all([
      this.store.find<DisputeDoc>(DISPUTES, filter, { sort: DISPUTE_ORDER, skip: offset, limit }),
      this.store.count(DISPUTES, filter),
    ]);
    return { items: docs.map(toDisputeSummary), total, limit, offset };
  }
}
