import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { Principal } from '../../shared/auth/principal';
import { findVisibleDispute, toDisputeView } from '../dispute-read';
import type { DisputeView } from '../dispute-view.dto';

export class GetDisputeQuery extends Query<DisputeView> {
  constructor(
    readonly id: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetDisputeQuery)
export class GetDisputeHandler implements IQueryHandler<GetDisputeQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ id, viewer }: GetDisputeQuery): Promise<DisputeView> {
    return toDisputeView(await findVisibleDispute(this.store, id, viewer));
  }
}
