import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { CLIENT_TIMELINE, type TimelineEntryDoc } from '@cl/projections/clients/client-timeline.projection';
import type { Principal } from '../../shared/auth/principal';
import { findVisibleClient } from '../client-reads';
import { ClientVisibility } from '../client-visibility';
import type { PageParams } from '../read-params';
import type { TimelineEntryView, TimelinePage } from './client-history.dto';

export class ClientHistoryQuery extends Query<TimelinePage> {
  constructor(
    readonly clientId: string,
    readonly page: PageParams,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** The order of the log: what happened first comes first, whichever stream (client or dispute) said it. */
const ORDER = { position: 1, _id: 1 } as const;

@QueryHandler(ClientHistoryQuery)
export class ClientHistoryHandler implements IQueryHandler<ClientHistoryQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ clientId, page, viewer }: ClientHistoryQuery): Promise<TimelinePage> {
    await findVisibleClient(this.reads, this.visibility, clientId, viewer);
    const { limit, offset } = page;
    const filter = { clientId };
    const [docs, total] = await Promise.all([
      this.reads.find<TimelineEntryDoc>(CLIENT_TIMELINE, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(CLIENT_TIMELINE, filter),
    ]);
    return { items: docs.map(toEntryView), total, limit, offset };
  }
}

/** The document's `_id` is the event id; other storage keys (starting with `_`) stay internal. */
function toEntryView(doc: TimelineEntryDoc): TimelineEntryView {
  const fields = Object.entries(doc).filter(([key]) => !key.startsWith('_'));
  return { id: doc._id, ...Object.fromEntries(fields) } as TimelineEntryView;
}
