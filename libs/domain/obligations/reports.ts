/**
 * The communication procedure's periodic reports. The reporting cadence and due day of the terms in
 * force make the expected reports (derive.ts); the distributor submits each once its period has ended
 * (a report covers the whole period), and a period the policy does not expect is refused. The company
 * acknowledges receipt. A report submitted after its due day is fulfilled late; one never submitted
 * becomes overdue.
 */
import { addDays, startOf } from './calendar';
import type { AcknowledgePeriodicReport, SubmitPeriodicReport } from './commands';
import { ObligationErrors } from './errors';
import type { ObligationsEvent } from './events';
import { actingParty, expectedFor, requireOwed, requireProtected, requireResponsible, sameFacts } from './rules';
import type { ObligationsState } from './state';
import { id, OBLIGATION_LIMITS, requireValid, text, texts, type Errors } from './validate';

export function submitReport(cmd: SubmitPeriodicReport, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const submittedBy = actingParty(actor, cmd.data.policyId, 'submit a periodic report');
  const out: Errors = [];
  id(out, 'period', cmd.data.period);
  text(out, 'summary', cmd.data.summary, OBLIGATION_LIMITS.summary);
  texts(out, 'attachmentRefs', cmd.data.attachmentRefs, OBLIGATION_LIMITS.attachments, OBLIGATION_LIMITS.text);
  requireValid(out);
  const { policyId, period, summary, attachmentRefs } = cmd.data;
  const o = expectedFor(cmd.data.obligations, 'report', period);
  requireResponsible(o, submittedBy);
  const existing = state.reports[o.id];
  if (existing) {
    if (sameFacts({ summary: existing.summary, attachmentRefs: existing.attachmentRefs }, { summary, attachmentRefs })) return [];
    throw ObligationErrors.alreadyRecorded('REPORT_ALREADY_SUBMITTED', o.id);
  }
  requireOwed(o, state);
  if (now.getTime() < Date.parse(startOf(o.periodEnd))) throw ObligationErrors.periodNotEnded(period, addDays(o.periodEnd, -1));
  const data = {
    policyId,
    obligationId: o.id,
    period,
    summary,
    attachmentRefs: [...attachmentRefs],
    submittedBy,
    submittedAt: now.toISOString(),
  };
  return [{ type: 'PeriodicReportSubmitted', data }];
}

export function acknowledgeReport(cmd: AcknowledgePeriodicReport, state: ObligationsState): ObligationsEvent[] {
  const { actor, now } = cmd.context;
  const acknowledgedBy = actingParty(actor, cmd.data.policyId, 'acknowledge a periodic report');
  const out: Errors = [];
  id(out, 'period', cmd.data.period);
  requireValid(out);
  const { policyId, period } = cmd.data;
  const o = expectedFor(cmd.data.obligations, 'report', period);
  requireProtected(o, acknowledgedBy);
  const report = state.reports[o.id];
  if (!report) throw ObligationErrors.reportNotSubmitted(period);
  if (report.acknowledged) return [];
  return [
    {
      type: 'PeriodicReportAcknowledged',
      data: { policyId, obligationId: o.id, period, acknowledgedBy, acknowledgedAt: now.toISOString() },
    },
  ];
}
