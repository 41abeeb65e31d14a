/**
 * The dispute that disputing evidence opens: about the evidence (subject kind `obligation`), between
 * the party that disputed it (the protected party, which opens it) and the policy's other party, with
 * the reason as its summary. One function for the request's check and the process's opening, so both
 * decide on the same dispute.
 */
import type { OpenDispute } from '@cl/domain/dispute';
import type { EvidenceDisputed } from '@cl/domain/obligations';
import { parsePolicyId } from '@cl/domain/policy';
import { COMPANY, type Side } from '@cl/domain/shared/sides';

/** The process that opens it, acting as the system. */
export const EVIDENCE_DISPUTE_OPENER = 'evidence-dispute-opener';

type Disputed = Pick<EvidenceDisputed['data'], 'policyId' | 'obligationId' | 'evidenceId' | 'disputeId' | 'reason' | 'disputedBy'>;

export function evidenceDisputeOpening(d: Disputed): OpenDispute['data'] {
  const distributor: Side = { party: 'distributor', distributorId: parsePolicyId(d.policyId)?.distributorId ?? '' };
  const [openedBy, counterparty] = d.disputedBy.party === 'company' ? [COMPANY, distributor] : [distributor, COMPANY];
  return {
    disputeId: d.disputeId,
    subject: { kind: 'obligation', policyId: d.policyId, obligationId: d.obligationId, evidenceId: d.evidenceId },
    parties: [openedBy, counterparty],
    openedBy,
    summary: d.reason,
    origin: { kind: 'direct' },
  };
}
