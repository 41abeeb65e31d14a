/**
 * How the parties of a policy keep their obligations, one stream per policy (`obligations-<policyId>`).
 * The obligations themselves are derived from the terms in force and the settlements (derive.ts); this
 * stream records the facts about them: evidence and the protected party's verdict on it, waivers,
 * periodic reports and their acknowledgement, meetings held and payments made. Every event names the
 * policy and the obligation, and carries the acting user and party from the token — except the end of
 * an evidence dispute, which the dispute process records and which names how the dispute ended.
 */
import type { Event } from '../shared/types';
import type { EventSchemas } from '../shared/schemas';
import type { Money, Party } from '../policy/terms';

/** A user acting for one of the policy's two parties. */
export interface ObligationActor {
  party: Party;
  userId: string;
}

export interface MeetingAttendee {
  name: string;
  party: Party;
}

/** The responsible party shows that it kept an obligation, or part of it (one certificate of several). */
export type EvidenceRecorded = Event<
  'EvidenceRecorded',
  {
    policyId: string;
    obligationId: string;
    evidenceId: string;
    recordedBy: ObligationActor;
    /** What the evidence shows. */
    what: string;
    /** The day it happened (YYYY-MM-DD), e.g. the certificate's date: judged against the due date. */
    when: string;
    documentRef: string;
    /** How many of the required units it covers (qualified employees for a qualification); at least 1. */
    count: number;
    recordedAt: string;
  }
>;
/** The protected party accepts the evidence: it counts towards fulfilment. Final. */
export type EvidenceAccepted = Event<
  'EvidenceAccepted',
  { policyId: string; obligationId: string; evidenceId: string; acceptedBy: ObligationActor; acceptedAt: string }
>;
/** The protected party disputes the evidence; the dispute itself runs in the dispute stream `disputeId`. */
export type EvidenceDisputed = Event<
  'EvidenceDisputed',
  {
    policyId: string;
    obligationId: string;
    evidenceId: string;
    disputedBy: ObligationActor;
    disputeId: string;
    reason: string;
    disputedAt: string;
  }
>;
/** Whether disputed evidence stands, as the dispute ended: upheld, it counts as accepted; rejected, it does not count. */
export type DisputedEvidenceOutcome = 'upheld' | 'rejected';

/** How the dispute about evidence ended: both parties agreed, compliance decided, or its opener withdrew it. */
export type EvidenceDisputeEnding =
  | { kind: 'agreement'; proposedBy: Party; agreedBy: Party }
  | { kind: 'compliance'; userId: string }
  | { kind: 'withdrawal'; withdrawnBy: Party };

/**
 * The dispute about evidence ended (recorded by the dispute-settlement process from the dispute's own
 * DisputeResolved or DisputeWithdrawn): the evidence counts from `resolvedAt` when upheld, never when
 * rejected, and the obligation is no longer disputed. A withdrawal upholds the evidence: the party
 * that disputed it dropped its objection.
 */
export type EvidenceDisputeResolved = Event<
  'EvidenceDisputeResolved',
  {
    policyId: string;
    obligationId: string;
    evidenceId: string;
    disputeId: string;
    outcome: DisputedEvidenceOutcome;
    endedBy: EvidenceDisputeEnding;
    /** When the dispute ended. */
    resolvedAt: string;
  }
>;
/** The protected party releases the responsible party from an obligation it has not kept. */
export type ObligationWaived = Event<
  'ObligationWaived',
  { policyId: string; obligationId: string; waivedBy: ObligationActor; reason: string; waivedAt: string }
>;
/** The distributor's report for one period of the reporting cadence. */
export type PeriodicReportSubmitted = Event<
  'PeriodicReportSubmitted',
  {
    policyId: string;
    obligationId: string;
    period: string;
    summary: string;
    attachmentRefs: string[];
    submittedBy: ObligationActor;
    submittedAt: string;
  }
>;
/** The company confirms it received the period's report. */
export type PeriodicReportAcknowledged = Event<
  'PeriodicReportAcknowledged',
  { policyId: string; obligationId: string; period: string; acknowledgedBy: ObligationActor; acknowledgedAt: string }
>;
/** The meeting of one period of the meeting cadence took place. */
export type MeetingRecorded = Event<
  'MeetingRecorded',
  {
    policyId: string;
    obligationId: string;
    period: string;
    /** YYYY-MM-DD. */
    heldOn: string;
    attendees: MeetingAttendee[];
    decisions: string[];
    recordedBy: ObligationActor;
    recordedAt: string;
  }
>;
/** A payment (possibly one of several instalments) of a period's settlement. */
export type PaymentRecorded = Event<
  'PaymentRecorded',
  {
    policyId: string;
    obligationId: string;
    period: string;
    amount: Money;
    /** YYYY-MM-DD. */
    paidOn: string;
    /** The transfer's reference: unique within the policy. */
    reference: string;
    recordedBy: ObligationActor;
    recordedAt: string;
  }
>;

export type ObligationsEvent =
  | EvidenceRecorded
  | EvidenceAccepted
  | EvidenceDisputed
  | EvidenceDisputeResolved
  | ObligationWaived
  | PeriodicReportSubmitted
  | PeriodicReportAcknowledged
  | MeetingRecorded
  | PaymentRecorded;

export const obligationsEventSchemas: EventSchemas = {
  EvidenceRecorded: { version: 1 },
  EvidenceAccepted: { version: 1 },
  EvidenceDisputed: { version: 1 },
  EvidenceDisputeResolved: { version: 1 },
  ObligationWaived: { version: 1 },
  PeriodicReportSubmitted: { version: 1 },
  PeriodicReportAcknowledged: { version: 1 },
  MeetingRecorded: { version: 1 },
  PaymentRecorded: { version: 1 },
};

export const obligationsStream = (policyId: string) => `obligations-${policyId}`;
