/** The CSV columns of GET /claims, in order. */
import type { Judgement } from '@cl/domain/client/events';
import type { CsvColumn } from '../../shared/csv';
import { sideCell } from '../client-reads';
import type { ClaimEntryView } from './claims-register.dto';

/** `acme-2026 v1 default→distributor`, one per policy that judged the claim, separated by `; `. */
export const judgementsCell = (judgements: readonly Judgement[]): string =>
  judgements.map((j) => `${j.policyId} v${j.termsVersion} ${j.ruleId}→${j.assignedTo}`).join('; ');

export const CLAIM_COLUMNS: readonly CsvColumn<ClaimEntryView>[] = [
  { header: 'id', description: 'the id of the claim event', value: (c) => c.id },
  { header: 'clientId', description: 'the client id', value: (c) => c.clientId },
  { header: 'clientLegalName', description: "the client's legal name", value: (c) => c.clientLegalName },
  { header: 'at', description: 'ISO instant of the claim', value: (c) => c.at },
  { header: 'claimant', description: "'company' or 'distributor:<id>'", value: (c) => sideCell(c.claimant) },
  { header: 'outcome', description: 'claimed or disputed', value: (c) => c.outcome },
  {
    header: 'judgements',
    description: "the division criteria's verdicts, `<policyId> v<termsVersion> <ruleId>→<assignedTo>` separated by `; ` (empty: no policy covered the client)",
    value: (c) => judgementsCell(c.basis.judgements),
  },
  { header: 'disputeId', description: 'disputed: the dispute it opened', value: (c) => c.disputeId },
  { header: 'ownerAtTheTime', description: 'disputed: the owner then', value: (c) => sideCell(c.ownerAtTheTime) },
  { header: 'resolution', description: 'disputed, once ended: resolved or withdrawn', value: (c) => c.resolution?.resolution },
  { header: 'ownerAfter', description: 'disputed, once ended: the owner after it', value: (c) => sideCell(c.resolution?.ownerAfter) },
  { header: 'granted', description: 'disputed, once ended: whether the claimant got the client', value: (c) => c.resolution?.granted },
  { header: 'settledAt', description: 'disputed, once ended: when', value: (c) => c.resolution?.settledAt },
  { header: 'endedAt', description: 'the ownership the claim gave ended then', value: (c) => c.endedAt },
  { header: 'endedBy', description: 'transferred or released', value: (c) => c.endedBy },
];
