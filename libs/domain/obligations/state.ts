/** The facts recorded about one policy's obligations, folded from its events. */
import type { Money } from '../policy/terms';
import { assertNever } from '../shared/types';
import type { DisputedEvidenceOutcome, EvidenceDisputeEnding, MeetingAttendee, ObligationActor, ObligationsEvent } from './events';

export interface Verdict {
  by: ObligationActor;
  at: string;
}

export interface EvidenceDispute extends Verdict {
  disputeId: string;
  reason: string;
  /** How the dispute ended, once it has. */
  resolved?: { outcome: DisputedEvidenceOutcome; endedBy: EvidenceDisputeEnding; at: string };
}

export interface EvidenceRecord {
  evidenceId: string;
  obligationId: string;
  recordedBy: ObligationActor;
  what: string;
  when: string;
  documentRef: string;
  count: number;
  recordedAt: string;
  accepted?: Verdict;
  /** A disputed evidence may still be accepted later; the dispute's end upholds or rejects it. */
  dispute?: EvidenceDispute;
}

export interface WaiverRecord extends Verdict {
  reason: string;
}

export interface ReportRecord {
  obligationId: string;
  period: string;
  summary: string;
  attachmentRefs: string[];
  submittedBy: ObligationActor;
  submittedAt: string;
  acknowledged?: Verdict;
}

export interface MeetingRecord {
  obligationId: string;
  period: string;
  heldOn: string;
  attendees: MeetingAttendee[];
  decisions: string[];
  recordedBy: ObligationActor;
  recordedAt: string;
}

export interface PaymentRecord {
  obligationId: string;
  period: string;
  amount: Money;
  paidOn: string;
  reference: string;
  recordedBy: ObligationActor;
  recordedAt: string;
}

export interface ObligationsState {
  evidence: Readonly<Record<string, EvidenceRecord>>;
  /** By obligation id. */
  waivers: Readonly<Record<string, WaiverRecord>>;
  /** By obligation id. */
  reports: Readonly<Record<string, ReportRecord>>;
  /** By obligation id. */
  meetings: Readonly<Record<string, MeetingRecord>>;
  /** By the payment's reference. */
  payments: Readonly<Record<string, PaymentRecord>>;
}

export const initialObligationsState = (): ObligationsState => ({ evidence: {}, waivers: {}, reports: {}, meetings: {}, payments: {} });

export function evolveObligations(state: ObligationsState, event: ObligationsEvent): ObligationsState {
  switch (event.type) {
    case 'EvidenceRecorded': {
      const { policyId: _p, ...evidence } = event.data;
      return { ...state, evidence: { ...state.evidence, [evidence.evidenceId]: evidence } };
    }
    case 'EvidenceAccepted':
      return onEvidence(state, event.data.evidenceId, { accepted: { by: event.data.acceptedBy, at: event.data.acceptedAt } });
    case 'EvidenceDisputed': {
      const { disputedBy: by, disputedAt: at, disputeId, reason } = event.data;
      return onEvidence(state, event.data.evidenceId, { dispute: { by, at, disputeId, reason } });
    }
    case 'EvidenceDisputeResolved': {
      const { evidenceId, disputeId, outcome, endedBy, resolvedAt: at } = event.data;
      const dispute = state.evidence[evidenceId]?.dispute;
      // The end of a dispute the evidence does not name would mean a corrupt stream: skipped.
      if (dispute?.disputeId !== disputeId) return state;
      return onEvidence(state, evidenceId, { dispute: { ...dispute, resolved: { outcome, endedBy, at } } });
    }
    case 'ObligationWaived': {
      const { obligationId, waivedBy: by, waivedAt: at, reason } = event.data;
      return { ...state, waivers: { ...state.waivers, [obligationId]: { by, at, reason } } };
    }
    case 'PeriodicReportSubmitted': {
      const { policyId: _p, ...report } = event.data;
      return { ...state, reports: { ...state.reports, [report.obligationId]: report } };
    }
    case 'PeriodicReportAcknowledged': {
      const report = state.reports[event.data.obligationId];
      if (!report) return state; // an acknowledgement of no report would mean a corrupt stream: skipped
      const acknowledged = { by: event.data.acknowledgedBy, at: event.data.acknowledgedAt };
      return { ...state, reports: { ...state.reports, [report.obligationId]: { ...report, acknowledged } } };
    }
    case 'MeetingRecorded': {
      const { policyId: _p, ...meeting } = event.data;
      return { ...state, meetings: { ...state.meetings, [meeting.obligationId]: meeting } };
    }
    case 'PaymentRecorded': {
      const { policyId: _p, ...payment } = event.data;
      return { ...state, payments: { ...state.payments, [payment.reference]: payment } };
    }
    default:
      return assertNever(event);
  }
}

/** A verdict on evidence never recorded would mean a corrupt stream: it is skipped, not invented. */
function onEvidence(state: ObligationsState, evidenceId: string, change: Partial<EvidenceRecord>): ObligationsState {
  const evidence = state.evidence[evidenceId];
  return evidence ? { ...state, evidence: { ...state.evidence, [evidenceId]: { ...evidence, ...change } } } : state;
}

export const evidenceOf = (state: ObligationsState, obligationId: string): EvidenceRecord[] =>
  Object.values(state.evidence).filter((e) => e.obligationId === obligationId);

export const paymentsOf = (state: ObligationsState, obligationId: string): PaymentRecord[] =>
  Object.values(state.payments).filter((p) => p.obligationId === obligationId);
