import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { ClientVisibility } from '../../clients/client-visibility';
import type { Principal } from '../../shared/auth/principal';
import { findVisibleSpecialPrice } from '../special-price-read';
import type { SpecialPriceView } from '../special-price-view.dto';

export class GetSpecialPriceQuery extends Query<SpecialPriceView> {
  constructor(
    readonly id: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetSpecialPriceQuery)
export class GetSpecialPriceHandler implements IQueryHandler<GetSpecialPriceQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  execute({ id, viewer }: GetSpecialPriceQuery): Promise<SpecialPriceView> {
    return findVisibleSpecialPrice(this.reads, this.visibility, id, viewer);
  }
}
