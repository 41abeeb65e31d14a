/**
 * The client and money facts of a month that concern one distributor, each read from its own read
 * model: claims, hand-over requests and moves, disputes, price-compliance entries, promotion spends.
 */
import { sameSide, type Side } from '@cl/domain/shared/sides';
import type { Filter, ReadStore } from '@cl/read-models';
import { CLAIMS_REGISTER, type ClaimEntryDoc } from '@cl/projections/clients/claims-register.projection';
import { CLIENT_TIMELINE, type TimelineEntryDoc } from '@cl/projections/clients/client-timeline.projection';
import { overdueFilter, TRANSFER_REQUESTS, type TransferRequestDoc } from '@cl/projections/clients/transfer-requests.projection';
import { DISPUTES, type DisputeDoc } from '@cl/projections/disputes/disputes.projection';
import { PROMOTION_SPENDS, type PromotionSpendDoc } from '@cl/projections/promotion/promotion.projection';
import { PRICE_COMPLIANCE, type PriceComplianceDoc } from '@cl/projections/sales/price-compliance.projection';
import { allOf } from '../../clients/client-reads';
import type { ClientVisibility } from '../../clients/client-visibility';
import { priceComplianceScope } from '../price-compliance/price-compliance-scope';
import { within } from '../report-scope';
import type {
  ClaimRowView,
  ComplianceRowView,
  DisputeRowView,
  SpendMonthView,
  TransferRequestRowView,
  TransferRowView,
} from './monthly.dto';

export interface MonthOf {
  distributorId: string;
  /** 'distributor:<id>' */
  key: string;
  side: Side;
  /** The month's first instant and the next month's, ISO. */
  start: string;
  end: string;
}

const inMonth = (field: string, m: MonthOf): Filter => within(field, m.start, m.end);
const sideOf = (m: MonthOf): Filter => ({ $or: [{ fromKey: m.key }, { toKey: m.key }] });

export async function claimsOf(reads: ReadStore, m: MonthOf): Promise<ClaimRowView[]> {
  // The month inside each branch, so the claimantKey and ownerKey indexes narrow both (an $and could not).
  const filter = {
    $or: [
      { claimantKey: m.key, ...inMonth('at', m) },
      { ownerKey: m.key, ...inMonth('at', m) },
    ],
  };
  const docs = await reads.find<ClaimEntryDoc>(CLAIMS_REGISTER, filter, { sort: { at: 1, _id: 1 } });
  return docs.map((c) => ({
    id: c._id,
    clientId: c.clientId,
    claimant: c.claimant,
    at: c.at,
    outcome: c.outcome,
    ...(c.disputeId ? { disputeId: c.disputeId } : {}),
  }));
}

const requestRow = (r: TransferRequestDoc): TransferRequestRowView => ({
  requestId: r._id,
  clientId: r.clientId,
  from: r.from,
  to: r.to,
  requestedAt: r.requestedAt,
  dueBy: r.dueBy,
  status: r.status,
});

export async function transferRequestsOf(reads: ReadStore, m: MonthOf): Promise<TransferRequestRowView[]> {
  const docs = await reads.find<TransferRequestDoc>(TRANSFER_REQUESTS, allOf(inMonth('requestedAt', m), sideOf(m)), {
    sort: { requestedAt: 1, _id: 1 },
  });
  return docs.map(requestRow);
}

/** Judged at `now`, whatever the month: what is late today. */
export async function overdueRequestsOf(reads: ReadStore, m: MonthOf, now: Date): Promise<TransferRequestRowView[]> {
  const docs = await reads.find<TransferRequestDoc>(TRANSFER_REQUESTS, allOf(overdueFilter(now), sideOf(m)), {
    sort: { dueBy: 1, _id: 1 },
  });
  return docs.map(requestRow);
}

/**
 * The timeline's moves do not carry side keys: the month's moves are read, and those to or from the
 * distributor kept. One top-level conjunction (not $and) so the `kind` index narrows ~1M entries to the moves.
 */
export async function transfersOf(reads: ReadStore, m: MonthOf): Promise<TransferRowView[]> {
  const moves = { kind: 'transferred', ...inMonth('at', m) };
  const docs = await reads.find<TimelineEntryDoc>(CLIENT_TIMELINE, moves, { sort: { position: 1 } });
  return docs.flatMap((e) =>
    e.kind === 'transferred' && (sameSide(e.from, m.side) || sameSide(e.to, m.side))
      ? [{ transferId: e.transferId, clientId: e.clientId, from: e.from, to: e.to, at: e.at, cause: e.cause.kind }]
      : [],
  );
}

export async function disputesOf(reads: ReadStore, m: MonthOf): Promise<DisputeRowView[]> {
  const filter = allOf({ partyKeys: m.key }, { $or: [inMonth('openedAt', m), inMonth('closedAt', m)] });
  const docs = await reads.find<DisputeDoc>(DISPUTES, filter, { sort: { openedAt: 1, _id: 1 } });
  return docs.map((d) => ({
    disputeId: d._id,
    subjectKind: d.subjectKind,
    clientId: d.clientId,
    summary: d.summary,
    status: d.status,
    openedAt: d.openedAt,
    ...(d.closedAt ? { closedAt: d.closedAt } : {}),
  }));
}

export async function complianceOf(reads: ReadStore, visibility: ClientVisibility, m: MonthOf): Promise<ComplianceRowView[]> {
  const filter = allOf(await priceComplianceScope(reads, visibility, m.distributorId), inMonth('at', m));
  const docs = await reads.find<PriceComplianceDoc>(PRICE_COMPLIANCE, filter, { sort: { at: 1, _id: 1 } });
  return docs.map((e) => ({
    id: e._id,
    kind: e.kind,
    at: e.at,
    clientId: e.clientId,
    skus: e.skus,
    by: { party: e.by.party, userId: e.by.userId },
  }));
}

export async function spendsOf(reads: ReadStore, m: MonthOf): Promise<SpendMonthView[]> {
  const moved = ['proposedAt', 'approvedAt', 'rejectedAt', 'settledAt'].map((field) => inMonth(field, m));
  const docs = await reads.find<PromotionSpendDoc>(
    PROMOTION_SPENDS,
    { distributorId: m.distributorId, $or: moved },
    { sort: { proposedAt: 1, _id: 1 } },
  );
  return docs.map((s) => {
    const optional = {
      settledAmountMinor: s.settledAmount?.minor,
      approvedAt: s.approvedAt,
      rejectedAt: s.rejectedAt,
      settledAt: s.settledAt,
    };
    return {
      spendId: s._id,
      policyId: s.policyId,
      status: s.status,
      activity: s.activity,
      currency: s.amount.currency,
      amountMinor: s.amount.minor,
      proposedAt: s.proposedAt,
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    };
  });
}
