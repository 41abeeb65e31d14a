/**
 * Where an obligation stands at `asOf`, judged only on what was recorded by then. In order:
 *  - fulfilled: kept, on time if on or before its due day, late after it. Evidence counts once the
 *    protected party accepted it, dated by the evidence's own day (a certificate obtained in June and
 *    accepted in July kept a June deadline); a report counts from its submission, a meeting from the
 *    day it was held, a payment once the payments recorded cover the settlement (the day of the one
 *    that completed it);
 *  - waived: the protected party released it;
 *  - retired: an amendment or the end of the policy dropped it before it fell due;
 *  - disputed: the responsible party shows evidence that the protected party disputes (and has not
 *    accepted since): neither kept nor simply overdue until the dispute ends. Its end upholds the
 *    evidence, which then counts as accepted from that instant, or rejects it, which never counts;
 *  - overdue: from the day after its due day;
 *  - open: otherwise.
 */
import { toMillis } from '../policy/calendar';
import { dateOf, overdueFrom } from './calendar';
import { ObligationErrors } from './errors';
import { requiredCount, type Obligation } from './obligation';
import { evidenceOf, paymentsOf, type EvidenceRecord, type ObligationsState } from './state';

export type ObligationStatus = 'open' | 'fulfilled' | 'overdue' | 'waived' | 'disputed' | 'retired';

export type StatusAt =
  | { status: 'fulfilled'; fulfilledOn: string; timeliness: 'on-time' | 'late' }
  | { status: 'waived'; waivedAt: string }
  | { status: 'retired'; retiredFrom: string }
  | { status: 'disputed'; disputeIds: string[] }
  | { status: 'overdue' }
  | { status: 'open' };

export function obligationStatus(o: Obligation, state: ObligationsState, asOf: Date | string): StatusAt {
  const at = millis(asOf);
  const fulfilledOn = fulfilmentDay(o, state, at);
  if (fulfilledOn !== undefined) return { status: 'fulfilled', fulfilledOn, timeliness: fulfilledOn <= o.due ? 'on-time' : 'late' };
  const waiver = state.waivers[o.id];
  if (waiver && Date.parse(waiver.at) <= at) return { status: 'waived', waivedAt: waiver.at };
  if (o.retired) return { status: 'retired', retiredFrom: o.retired.from };
  const disputeIds = evidenceOf(state, o.id)
    .filter((e) => verdictAt(e, at) === 'disputed')
    .map((e) => e.dispute!.disputeId);
  if (disputeIds.length > 0) return { status: 'disputed', disputeIds };
  return at >= Date.parse(overdueFrom(o.due)) ? { status: 'overdue' } : { status: 'open' };
}

export interface EvidenceCoverage {
  required: number;
  accepted: number;
  /** Recorded, awaiting the protected party's verdict. */
  pending: number;
  disputed: number;
  /** Rejected when its dispute ended: it does not count. */
  rejected: number;
}

/** How far the evidence recorded by `asOf` goes towards an evidenced obligation (e.g. 1 of 2 staff). */
export function evidenceCoverage(o: Obligation, state: ObligationsState, asOf: Date | string): EvidenceCoverage {
  const at = millis(asOf);
  const coverage: EvidenceCoverage = { required: requiredCount(o), accepted: 0, pending: 0, disputed: 0, rejected: 0 };
  for (const e of evidenceOf(state, o.id)) {
    const verdict = verdictAt(e, at);
    if (verdict) coverage[verdict] += e.count;
  }
  return coverage;
}

/** The minor units paid by `asOf` towards a payment obligation. */
export const paidBy = (o: Obligation, state: ObligationsState, asOf: Date | string): number =>
  paymentsOf(state, o.id)
    .filter((p) => Date.parse(p.recordedAt) <= millis(asOf))
    .reduce((sum, p) => sum + p.amount.minor, 0);

function fulfilmentDay(o: Obligation, state: ObligationsState, at: number): string | undefined {
  switch (o.kind) {
    case 'report': {
      const report = state.reports[o.id];
      return report && Date.parse(report.submittedAt) <= at ? dateOf(report.submittedAt) : undefined;
    }
    case 'meeting': {
      const meeting = state.meetings[o.id];
      return meeting && Date.parse(meeting.recordedAt) <= at ? meeting.heldOn : undefined;
    }
    case 'payment': {
      const paid = paymentsOf(state, o.id).filter((p) => Date.parse(p.recordedAt) <= at);
      return dayCovered(
        paid.map((p) => ({ day: p.paidOn, units: p.amount.minor })),
        o.amount.minor,
      );
    }
    default: {
      const accepted = evidenceOf(state, o.id).filter((e) => verdictAt(e, at) === 'accepted');
      return dayCovered(
        accepted.map((e) => ({ day: e.when, units: e.count })),
        requiredCount(o),
      );
    }
  }
}

/** The first day on which the items, taken in day order, add up to what is required. */
function dayCovered(items: { day: string; units: number }[], required: number): string | undefined {
  let total = 0;
  for (const item of [...items].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    total += item.units;
    if (total >= required) return item.day;
  }
  return undefined;
}

/** An evidence's standing at an instant; undefined before it was recorded. */
function verdictAt(e: EvidenceRecord, at: number): keyof Omit<EvidenceCoverage, 'required'> | undefined {
  if (Date.parse(e.recordedAt) > at) return undefined;
  if (e.accepted && Date.parse(e.accepted.at) <= at) return 'accepted';
  const ended = e.dispute?.resolved;
  if (ended && Date.parse(ended.at) <= at) return ended.outcome === 'upheld' ? 'accepted' : 'rejected';
  if (e.dispute && Date.parse(e.dispute.at) <= at) return 'disputed';
  return 'pending';
}

function millis(asOf: Date | string): number {
  const at = toMillis(asOf);
  if (Number.isNaN(at)) throw ObligationErrors.invalidAsOf();
  return at;
}
