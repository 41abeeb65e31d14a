import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { Principal } from '../../shared/auth/principal';
import { findVisibleClient } from '../client-reads';
import { toClientView, type ClientView } from '../client-view.dto';
import { ClientVisibility } from '../client-visibility';

export class GetClientQuery extends Query<ClientView> {
  constructor(
    readonly id: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetClientQuery)
export class GetClientHandler implements IQueryHandler<GetClientQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ id, viewer }: GetClientQuery): Promise<ClientView> {
    return toClientView(await findVisibleClient(this.reads, this.visibility, id, viewer));
  }
}
