/**
 * Policies, obligations, commands and events for obligations specs: policy d-1-2026 between the
 * company and distributor d-1, under the sample terms (a qualification due 30 June for 2 sales
 * engineers, script "First call" 3.1, monthly reports due on the 10th, quarterly meetings) unless a
 * spec gives others.
 */
import { evolvePolicy, initialPolicyState, type PolicyState } from '../../policy/state';
import type { PolicyEvent } from '../../policy/events';
import type { CompanyCommitment, PolicyTerms } from '../../policy/terms';
import { amended, amendmentSigned, cameIntoForce, drafted, proposed, signed } from '../../policy/testing/fixtures';
import { sampleTerms } from '../../policy/testing/sample-terms';
import { periodClosed } from '../../settlement/testing/fixtures';
import type { PeriodClosed } from '../../settlement/events';
import { DomainError } from '../../shared/errors';
import { fold, type CommandContext } from '../../shared/types';
import type {
  AcceptEvidence,
  AcknowledgePeriodicReport,
  DisputeEvidence,
  ObligationsCommand,
  RecordEvidence,
  RecordMeeting,
  RecordPayment,
  SettleEvidenceDispute,
  SubmitPeriodicReport,
  WaiveObligation,
} from '../commands';
import { deriveObligations } from '../derive';
import type { DisputedEvidenceOutcome, EvidenceDisputeEnding, ObligationActor, ObligationsEvent } from '../events';
import type { Obligation } from '../obligation';
import { obligationsDecider } from '../obligations';

export { asCompany, asCompliance, asDistributor, asSystem } from '../../policy/testing/fixtures';

export const POLICY_ID = 'd-1-2026';
export const JAN_1 = '2026-01-01T00:00:00.000Z';
/** The sample terms' qualification. */
export const QUAL = 'qual:sales engineer:Pump systems level 2';
export const SCRIPT = 'script:First call:3.1';

export const COMPANY: ObligationActor = { party: 'company', userId: 'ceo' };
export const DISTRIBUTOR: ObligationActor = { party: 'distributor', userId: 'jan' };

export const training: CompanyCommitment = {
  id: 'training',
  kind: 'training',
  description: 'Two product trainings on site',
  due: '2026-06-30',
};
export const leads: CompanyCommitment = {
  id: 'leads',
  kind: 'lead-response',
  description: 'Pass on leads within 2 working days',
  recurrence: 'monthly',
};

export const terms = (overrides: Partial<PolicyTerms> = {}): PolicyTerms => sampleTerms(2026, overrides);

/** Signed in December, in force from `effectiveFrom` (1 January unless given). */
export const inForce = (t: PolicyTerms = terms(), effectiveFrom = JAN_1): PolicyEvent[] => [
  drafted('2025-12-01T09:00:00.000Z', t),
  signed('company', 1, '2025-12-10T10:00:00.000Z'),
  signed('distributor', 1, '2025-12-10T11:00:00.000Z'),
  cameIntoForce(1, effectiveFrom),
];

/** The given history plus an amendment to `t`, signed by both and effective from `effectiveFrom`. */
export function amendedTo(history: PolicyEvent[], t: PolicyTerms, effectiveFrom: string): PolicyEvent[] {
  const amendmentNo = history.filter((e) => e.type === 'PolicyAmended').length + 1;
  const termsVersion = amendmentNo + 1;
  return [
    ...history,
    proposed({ amendmentNo, termsVersion, terms: t, by: 'company', proposedAt: effectiveFrom }),
    amendmentSigned(amendmentNo, termsVersion, 'company', effectiveFrom),
    amendmentSigned(amendmentNo, termsVersion, 'distributor', effectiveFrom),
    amended(amendmentNo, termsVersion, effectiveFrom),
  ];
}

export const policyOf = (events: PolicyEvent[]): PolicyState => fold({ initialState: initialPolicyState, evolve: evolvePolicy }, events);

export const obligationsAt = (events: PolicyEvent[], asOf: string, settlements: PeriodClosed[] = []): Obligation[] =>
  deriveObligations(policyOf(events), asOf, settlements);

export function byId(obligations: readonly Obligation[], id: string): Obligation {
  const o = obligations.find((x) => x.id === id);
  if (!o) throw new Error(`No obligation ${id} among ${obligations.map((x) => x.id).join(', ')}`);
  return o;
}

export const ids = (obligations: readonly Obligation[]) => obligations.map((o) => o.id);

/** A Q1 settlement closed on 2 April, payable within 30 days. */
export const q1Closed = (payable = 250_000): PeriodClosed =>
  periodClosed({
    period: '2026-Q1',
    plan: 30_000_000,
    actual: 33_000_000,
    attainmentBp: 11_000,
    bonus: payable,
    payable,
    closedAt: '2026-04-02T08:00:00.000Z',
    paymentDue: '2026-05-02T08:00:00.000Z',
  });

/** The obligations of the sample policy as the handler would derive them on 1 December. */
export const sampleObligations = (settlements: PeriodClosed[] = [q1Closed()]) =>
  obligationsAt(inForce(terms({ companyCommitments: [training, leads] })), '2026-12-01T00:00:00.000Z', settlements);

/** The refusal a command meets, for specs that look at more than its code. */
export function refusalOf(events: ObligationsEvent[], command: ObligationsCommand): DomainError {
  try {
    obligationsDecider.decide(command, fold(obligationsDecider, events));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${command.type} was not refused`);
}

export interface EvidenceInput {
  obligationId?: string;
  evidenceId?: string;
  what?: string;
  when?: string;
  documentRef?: string;
  count?: number;
}

const evidenceDefaults = (e: EvidenceInput) => ({
  obligationId: e.obligationId ?? QUAL,
  evidenceId: e.evidenceId ?? 'ev-1',
  what: e.what ?? 'Certificate of A. Kowalska',
  when: e.when ?? '2026-05-20',
  documentRef: e.documentRef ?? `doc://certificates/${e.evidenceId ?? 'ev-1'}`,
});

export const recordEvidenceCmd = (context: CommandContext, e: EvidenceInput = {}, obligations = sampleObligations()): RecordEvidence => ({
  type: 'RecordEvidence',
  data: { policyId: POLICY_ID, obligations, ...evidenceDefaults(e), ...(e.count !== undefined ? { count: e.count } : {}) },
  context,
});

export const evidenceRecorded = (recordedAt: string, e: EvidenceInput = {}, recordedBy = DISTRIBUTOR): ObligationsEvent => ({
  type: 'EvidenceRecorded',
  data: { policyId: POLICY_ID, ...evidenceDefaults(e), recordedBy, count: e.count ?? 1, recordedAt },
});

export const acceptCmd = (context: CommandContext, evidenceId = 'ev-1', obligations = sampleObligations()): AcceptEvidence => ({
  type: 'AcceptEvidence',
  data: { policyId: POLICY_ID, obligations, evidenceId },
  context,
});

export const evidenceAccepted = (acceptedAt: string, evidenceId = 'ev-1', obligationId = QUAL, acceptedBy = COMPANY): ObligationsEvent => ({
  type: 'EvidenceAccepted',
  data: { policyId: POLICY_ID, obligationId, evidenceId, acceptedBy, acceptedAt },
});

export const disputeCmd = (
  context: CommandContext,
  disputeId = 'dsp-1',
  evidenceId = 'ev-1',
  reason = 'The certificate has expired',
): DisputeEvidence => ({
  type: 'DisputeEvidence',
  data: { policyId: POLICY_ID, obligations: sampleObligations(), evidenceId, disputeId, reason },
  context,
});

export const evidenceDisputed = (disputedAt: string, disputeId = 'dsp-1', evidenceId = 'ev-1', obligationId = QUAL): ObligationsEvent => ({
  type: 'EvidenceDisputed',
  data: {
    policyId: POLICY_ID,
    obligationId,
    evidenceId,
    disputedBy: COMPANY,
    disputeId,
    reason: 'The certificate has expired',
    disputedAt,
  },
});

/** Compliance decided the dispute. */
export const BY_COMPLIANCE: EvidenceDisputeEnding = { kind: 'compliance', userId: 'auditor' };

export const settleDisputeCmd = (
  context: CommandContext,
  outcome: DisputedEvidenceOutcome,
  disputeId = 'dsp-1',
  evidenceId = 'ev-1',
  endedBy: EvidenceDisputeEnding = BY_COMPLIANCE,
): SettleEvidenceDispute => ({
  type: 'SettleEvidenceDispute',
  data: { policyId: POLICY_ID, obligations: sampleObligations(), evidenceId, disputeId, outcome, endedBy },
  context,
});

export const evidenceDisputeResolved = (
  resolvedAt: string,
  outcome: DisputedEvidenceOutcome,
  disputeId = 'dsp-1',
  evidenceId = 'ev-1',
  endedBy: EvidenceDisputeEnding = BY_COMPLIANCE,
  obligationId = QUAL,
): ObligationsEvent => ({
  type: 'EvidenceDisputeResolved',
  data: { policyId: POLICY_ID, obligationId, evidenceId, disputeId, outcome, endedBy, resolvedAt },
});

export const waiveCmd = (
  context: CommandContext,
  obligationId = QUAL,
  reason = 'Staff changes agreed at the Q2 meeting',
  obligations = sampleObligations(),
): WaiveObligation => ({
  type: 'WaiveObligation',
  data: { policyId: POLICY_ID, obligations, obligationId, reason },
  context,
});

export const obligationWaived = (
  waivedAt: string,
  obligationId = QUAL,
  waivedBy = COMPANY,
  reason = 'Staff changes agreed at the Q2 meeting',
): ObligationsEvent => ({
  type: 'ObligationWaived',
  data: { policyId: POLICY_ID, obligationId, waivedBy, reason, waivedAt },
});

export const submitCmd = (
  context: CommandContext,
  period = '2026-03',
  summary = 'Sales up 10% on plan',
  obligations = sampleObligations(),
): SubmitPeriodicReport => ({
  type: 'SubmitPeriodicReport',
  data: { policyId: POLICY_ID, obligations, period, summary, attachmentRefs: [`doc://reports/${period}.pdf`] },
  context,
});

export const reportSubmitted = (submittedAt: string, period = '2026-03', summary = 'Sales up 10% on plan'): ObligationsEvent => ({
  type: 'PeriodicReportSubmitted',
  data: {
    policyId: POLICY_ID,
    obligationId: `report:${period}`,
    period,
    summary,
    attachmentRefs: [`doc://reports/${period}.pdf`],
    submittedBy: DISTRIBUTOR,
    submittedAt,
  },
});

export const acknowledgeCmd = (context: CommandContext, period = '2026-03'): AcknowledgePeriodicReport => ({
  type: 'AcknowledgePeriodicReport',
  data: { policyId: POLICY_ID, obligations: sampleObligations(), period },
  context,
});

export const attendees = [
  { name: 'Anna Nowak', party: 'company' as const },
  { name: 'Jan Kowalski', party: 'distributor' as const },
];

export const meetingCmd = (
  context: CommandContext,
  period = '2026-Q1',
  heldOn = '2026-03-20',
  over: Partial<RecordMeeting['data']> = {},
): RecordMeeting => ({
  type: 'RecordMeeting',
  data: {
    policyId: POLICY_ID,
    obligations: sampleObligations(),
    period,
    heldOn,
    attendees,
    decisions: ['Joint stand at the spring fair'],
    ...over,
  },
  context,
});

export const meetingRecorded = (recordedAt: string, period = '2026-Q1', heldOn = '2026-03-20', recordedBy = COMPANY): ObligationsEvent => ({
  type: 'MeetingRecorded',
  data: {
    policyId: POLICY_ID,
    obligationId: `meeting:${period}`,
    period,
    heldOn,
    attendees,
    decisions: ['Joint stand at the spring fair'],
    recordedBy,
    recordedAt,
  },
});

export const paymentCmd = (
  context: CommandContext,
  minor: number,
  reference = 'TR-1',
  paidOn = '2026-04-20',
  obligations = sampleObligations(),
  currency = 'PLN',
): RecordPayment => ({
  type: 'RecordPayment',
  data: { policyId: POLICY_ID, obligations, period: '2026-Q1', amount: { minor, currency }, paidOn, reference },
  context,
});

export const paymentRecorded = (recordedAt: string, minor: number, reference = 'TR-1', paidOn = '2026-04-20'): ObligationsEvent => ({
  type: 'PaymentRecorded',
  data: {
    policyId: POLICY_ID,
    obligationId: 'payment:2026-Q1',
    period: '2026-Q1',
    amount: { minor, currency: 'PLN' },
    paidOn,
    reference,
    recordedBy: COMPANY,
    recordedAt,
  },
});
