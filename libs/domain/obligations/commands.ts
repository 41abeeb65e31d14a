/**
 * What can be asked about a policy's obligations. Every command carries `obligations`: the policy's
 * obligations as derived now (deriveObligations over the policy and its settlements), passed in by the
 * handler as a period close is passed its terms, so the decider judges against what is owed.
 */
import type { Command } from '../shared/types';
import type { Money } from '../policy/terms';
import type { DisputedEvidenceOutcome, EvidenceDisputeEnding, MeetingAttendee } from './events';
import type { Obligation } from './obligation';

export interface AgainstObligations {
  policyId: string;
  obligations: readonly Obligation[];
}

/** `count`: only for a staff qualification (employees covered); 1 when absent. */
export type RecordEvidence = Command<
  'RecordEvidence',
  AgainstObligations & { obligationId: string; evidenceId: string; what: string; when: string; documentRef: string; count?: number }
>;
export type AcceptEvidence = Command<'AcceptEvidence', AgainstObligations & { evidenceId: string }>;
/** `disputeId`: the dispute the dispute process opens about it once this is recorded (libs/domain/dispute). */
export type DisputeEvidence = Command<'DisputeEvidence', AgainstObligations & { evidenceId: string; disputeId: string; reason: string }>;
/** The dispute process (the system) records how the dispute about evidence ended. */
export type SettleEvidenceDispute = Command<
  'SettleEvidenceDispute',
  AgainstObligations & { evidenceId: string; disputeId: string; outcome: DisputedEvidenceOutcome; endedBy: EvidenceDisputeEnding }
>;
export type WaiveObligation = Command<'WaiveObligation', AgainstObligations & { obligationId: string; reason: string }>;
export type SubmitPeriodicReport = Command<
  'SubmitPeriodicReport',
  AgainstObligations & { period: string; summary: string; attachmentRefs: string[] }
>;
export type AcknowledgePeriodicReport = Command<'AcknowledgePeriodicReport', AgainstObligations & { period: string }>;
export type RecordMeeting = Command<
  'RecordMeeting',
  AgainstObligations & { period: string; heldOn: string; attendees: MeetingAttendee[]; decisions: string[] }
>;
export type RecordPayment = Command<
  'RecordPayment',
  AgainstObligations & { period: string; amount: Money; paidOn: string; reference: string }
>;

export type ObligationsCommand =
  | RecordEvidence
  | AcceptEvidence
  | DisputeEvidence
  | SettleEvidenceDispute
  | WaiveObligation
  | SubmitPeriodicReport
  | AcknowledgePeriodicReport
  | RecordMeeting
  | RecordPayment;
