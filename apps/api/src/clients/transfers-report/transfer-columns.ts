/** The CSV columns of GET /reports/transfers, in order. */
import type { CsvColumn } from '../../shared/csv';
import { sideCell } from '../client-reads';
import type { TransferRequestView } from './transfers-report.dto';

export const TRANSFER_COLUMNS: readonly CsvColumn<TransferRequestView>[] = [
  { header: 'requestId', description: 'the request id', value: (r) => r.requestId },
  { header: 'clientId', description: 'the client id', value: (r) => r.clientId },
  { header: 'clientLegalName', description: "the client's legal name", value: (r) => r.clientLegalName },
  { header: 'from', description: "the owner when requested ('company' or 'distributor:<id>')", value: (r) => sideCell(r.from) },
  { header: 'to', description: 'the requesting side', value: (r) => sideCell(r.to) },
  { header: 'status', description: 'pending, accepted, contested, withdrawn, superseded or closed', value: (r) => r.status },
  { header: 'overdue', description: 'true when pending past dueBy at the time of the export', value: (r) => r.overdue },
  { header: 'requestedAt', description: 'ISO instant', value: (r) => r.requestedAt },
  { header: 'dueBy', description: 'ISO instant: requestedAt + handOverDays', value: (r) => r.dueBy },
  { header: 'handOverDays', description: "from the distributor's policy", value: (r) => r.handOverDays },
  { header: 'policyId', description: 'the policy whose hand-over days apply', value: (r) => r.policyId },
  { header: 'reason', description: "the requester's reason", value: (r) => r.reason },
  { header: 'answeredAt', description: 'accepted or contested: when the owner answered', value: (r) => r.answeredAt },
  { header: 'transferId', description: 'accepted: the transfer that carried it out', value: (r) => r.transferId },
  { header: 'disputeId', description: 'contested: the dispute it opened', value: (r) => r.disputeId },
  { header: 'endedAt', description: 'withdrawn, superseded or closed: when', value: (r) => r.withdrawnAt ?? r.supersededAt ?? r.closedAt },
  { header: 'handedOver', description: 'closed: whether the requester got the client', value: (r) => r.outcome?.handedOver },
];
