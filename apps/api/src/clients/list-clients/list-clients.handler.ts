import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { CLIENTS, type ClientDoc } from '@cl/projections/clients/clients.projection';
import type { Principal } from '../../shared/auth/principal';
import { allOf } from '../client-reads';
import { toClientView, type ClientPage } from '../client-view.dto';
import { ClientVisibility } from '../client-visibility';
import type { ListClientsParams } from './list-clients.dto';

export class ListClientsQuery extends Query<ClientPage> {
  constructor(
    readonly params: ListClientsParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** By legal name, then id: a total order, so pages neither repeat nor skip a client. */
const ORDER = { legalName: 1, _id: 1 } as const;

@QueryHandler(ListClientsQuery)
export class ListClientsHandler implements IQueryHandler<ListClientsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ params, viewer }: ListClientsQuery): Promise<ClientPage> {
    const { limit, offset } = params;
    const filter = allOf(await this.visibility.clientFilter(viewer), filtersOf(params));
    const [docs, total] = await Promise.all([
      this.reads.find<ClientDoc>(CLIENTS, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(CLIENTS, filter),
    ]);
    return { items: docs.map(toClientView), total, limit, offset };
  }
}

function filtersOf({ owner, territory, segment, q }: ListClientsParams): Filter {
  return {
    ...(owner !== undefined ? { ownerKey: owner === 'none' ? null : owner } : {}),
    // territoryPath holds the client's territory and every coarser code: PL finds PL-MZ.
    ...(territory !== undefined ? { territoryPath: territory } : {}),
    ...(segment !== undefined ? { segment } : {}),
    // Escaped: the text is matched literally, and a pattern of the caller's cannot backtrack.
    ...(q !== undefined ? { legalName: { $regex: escapeRegex(q), $options: 'i' } } : {}),
  };
}

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
