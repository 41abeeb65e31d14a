import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { DISTRIBUTORS, type DistributorView as Stored } from '@cl/projections/distributors/distributors.projection';
import { territoriesInForce } from '@cl/projections/distributors/territories-in-force';
import { ApiProblem } from '../../shared/problem/problem';
import type { Principal } from '../../shared/auth/principal';
import type { DistributorView } from '../distributor.dto';

export class GetDistributorQuery extends Query<DistributorView> {
  constructor(
    readonly id: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/**
 * A distributor sees only itself: any other id is answered as if it did not exist. Its territories
 * are those of the policy in force now, else the registered ones; the maps behind them stay internal.
 */
@QueryHandler(GetDistributorQuery)
export class GetDistributorHandler implements IQueryHandler<GetDistributorQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ id, viewer }: GetDistributorQuery): Promise<DistributorView> {
    const visible = viewer.party !== 'distributor' || viewer.distributorId === id;
    const doc = visible ? await this.store.findOne<Stored>(DISTRIBUTORS, { _id: id }) : null;
    if (!doc) throw new ApiProblem(404, 'DISTRIBUTOR.NOT_FOUND', `Distributor ${id} was not found`);
    return { id: doc._id, name: doc.name, territories: territoriesInForce(doc), registeredAt: doc.registeredAt, revision: doc.revision };
  }
}
