import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { overdueFilter, TRANSFER_REQUESTS, type TransferRequestDoc } from '@cl/projections/clients/transfer-requests.projection';
import type { Principal } from '../../shared/auth/principal';
import { allOf, definedOnly, distributorKey, legalNamesOf, visibleClientIds } from '../client-reads';
import { ClientVisibility } from '../client-visibility';
import type { TransferRequestView, TransfersReportPage, TransfersReportParams } from './transfers-report.dto';

export class TransfersReportQuery extends Query<TransfersReportPage> {
  constructor(
    readonly params: TransfersReportParams,
    readonly viewer: Principal,
    /** The instant `overdue` is judged at. */
    readonly now: Date,
  ) {
    super();
  }
}

/** Oldest request first, then by id: a total order for paging. */
const ORDER = { requestedAt: 1, _id: 1 } as const;

@QueryHandler(TransfersReportQuery)
export class TransfersReportHandler implements IQueryHandler<TransfersReportQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
  ) {}

  async execute({ params, viewer, now }: TransfersReportQuery): Promise<TransfersReportPage> {
    const { limit, offset, status, overdue } = params;
    const filter = allOf(
      await this.scope(viewer),
      status !== undefined ? { status } : {},
      overdue === 'true' ? overdueFilter(now) : overdue === 'false' ? notOverdue(now) : {},
    );
    const [docs, total] = await Promise.all([
      this.reads.find<TransferRequestDoc>(TRANSFER_REQUESTS, filter, { sort: ORDER, skip: offset, limit }),
      this.reads.count(TRANSFER_REQUESTS, filter),
    ]);
    const names = await legalNamesOf(this.reads, docs.map((d) => d.clientId));
    const items = docs.map((d) => toView(d, names.get(d.clientId), now));
    return { items, total, limit, offset, asOf: now.toISOString() };
  }

  /** A distributor sees the requests it is a side of, and those about clients it may see now. */
  private async scope(viewer: Principal): Promise<Filter> {
    const me = distributorKey(viewer);
    if (!me) return {};
    const clientIds = await visibleClientIds(this.reads, this.visibility, viewer);
    return { $or: [{ fromKey: me }, { toKey: me }, { clientId: { $in: clientIds } }] };
  }
}

/** The complement of overdueFilter: answered, or still within its hand-over days. */
const notOverdue = (now: Date): Filter => ({ $or: [{ status: { $ne: 'pending' } }, { dueBy: { $gte: now.toISOString() } }] });

/** Overdue is a question about now, so it is answered here rather than stored. Picked field by field: the side keys stay internal. */
function toView(doc: TransferRequestDoc, clientLegalName: string | undefined, now: Date): TransferRequestView {
  const { clientId, from, to, reason, policyId, handOverDays, requestedAt, dueBy, status, revision, updatedAt } = doc;
  const optional = {
    answeredAt: doc.answeredAt,
    transferId: doc.transferId,
    disputeId: doc.disputeId,
    contestReason: doc.contestReason,
    withdrawnAt: doc.withdrawnAt,
    withdrawalReason: doc.withdrawalReason,
    supersededAt: doc.supersededAt,
    supersededBy: doc.supersededBy,
    closedAt: doc.closedAt,
    outcome: doc.outcome,
  };
  return {
    requestId: doc._id,
    clientId,
    ...(clientLegalName !== undefined ? { clientLegalName } : {}),
    from,
    to,
    reason,
    policyId,
    handOverDays,
    requestedAt,
    dueBy,
    status,
    overdue: status === 'pending' && dueBy < now.toISOString(),
    ...definedOnly(optional),
    revision,
    updatedAt,
  };
}
