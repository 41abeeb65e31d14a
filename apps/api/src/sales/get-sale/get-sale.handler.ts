import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import type { Principal } from '../../shared/auth/principal';
import { findVisibleSale } from '../sale-read';
import type { SaleView } from '../sale-view.dto';

export class GetSaleQuery extends Query<SaleView> {
  constructor(
    readonly id: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetSaleQuery)
export class GetSaleHandler implements IQueryHandler<GetSaleQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  execute({ id, viewer }: GetSaleQuery): Promise<SaleView> {
    return findVisibleSale(this.reads, id, viewer);
  }
}
