/**
 * What one version of the terms asks of each party, read on its own: the candidates derive.ts merges
 * over the versions in force. Rules of each kind:
 *  - staff qualification (distributor → company): one per requirement, due on its deadline;
 *  - sales script (distributor → company): one per script version, acknowledged and in use within
 *    SCRIPT_ADOPTION_DAYS of the day the terms bringing it took effect;
 *  - company commitment (company → distributor): one-off, due on its date; or recurring, one per month
 *    or quarter, due on the period's last day;
 *  - periodic report (distributor → company): one per reporting period, due on the `reportDueDay`-th
 *    day after the period ends (day 10 of a monthly cadence: the 10th of the next month);
 *  - meeting (company → distributor: the company convenes): one per meeting period, due on its last day.
 * Periodic candidates cover the periods the version governs the beginning of (see `Window`).
 */
import type { CompanyCommitment, MeetingCadence, Party, PolicyTerms, ReportingCadence } from '../policy/terms';
import { assertNever } from '../shared/types';
import { addDays, dateOf, lastDay, periodsOf, startOf, type CalendarPeriod, type PeriodLength } from './calendar';
import { otherParty, type Obligation } from './obligation';

/** The days a distributor has to adopt a sales script from the day it comes into force. */
export const SCRIPT_ADOPTION_DAYS = 30;

/** One terms version and the stretch of time whose periods it defines. */
export interface Window {
  policyId: string;
  year: number;
  termsVersion: number;
  terms: PolicyTerms;
  /** When this version took effect. */
  effectiveFrom: string;
  /** When the policy first took effect: periods that ended before it are never expected. */
  firstEffectiveFrom: string;
  /** Periods that begin before this instant (ms): the next version's start, the policy's end or asOf. */
  periodsBefore: number;
}

/** An obligation before merging (keyed by its base id, never retired). */
export type Candidate = Obligation;

export function candidatesOf(w: Window): Candidate[] {
  return [...qualifications(w), ...scripts(w), ...commitments(w), ...reports(w), ...meetings(w)];
}

function base(w: Window, responsibleParty: Party, id: string, due: string, description: string) {
  return {
    id,
    policyId: w.policyId,
    responsibleParty,
    protectedParty: otherParty(responsibleParty),
    due,
    termsVersion: w.termsVersion,
    description,
  };
}

function qualifications(w: Window): Candidate[] {
  const ids = uniqueIds();
  return w.terms.obligations.staffQualifications.map(({ role, qualification, headcount, deadline }): Candidate => ({
    ...base(w, 'distributor', ids(`qual:${role}:${qualification}`), deadline, `${headcount} × ${role} holding ${qualification}`),
    kind: 'qualification',
    role,
    qualification,
    headcount,
  }));
}

function scripts(w: Window): Candidate[] {
  const ids = uniqueIds();
  const due = addDays(dateOf(w.effectiveFrom), SCRIPT_ADOPTION_DAYS);
  return w.terms.obligations.salesScripts.map(({ title, version, documentRef }): Candidate => ({
    ...base(w, 'distributor', ids(`script:${title}:${version}`), due, `Sales script "${title}" ${version} in use`),
    kind: 'sales-script',
    title,
    version,
    documentRef,
  }));
}

function commitments(w: Window): Candidate[] {
  return (w.terms.companyCommitments ?? []).flatMap((c) => (c.due !== undefined ? [oneOff(w, c, c.due)] : recurring(w, c)));
}

function oneOff(w: Window, c: CompanyCommitment, due: string): Candidate {
  return {
    ...base(w, 'company', `commitment:${c.id}`, due, c.description),
    kind: 'commitment',
    commitmentId: c.id,
    commitmentKind: c.kind,
  };
}

function recurring(w: Window, c: CompanyCommitment): Candidate[] {
  const length: PeriodLength = c.recurrence === 'quarterly' ? 'quarter' : 'month';
  return periodsIn(w, length).map((p): Candidate => ({
    ...base(w, 'company', `commitment:${c.id}:${p.id}`, lastDay(p), `${c.description} (${p.id})`),
    kind: 'commitment',
    commitmentId: c.id,
    commitmentKind: c.kind,
    ...periodOf(p),
  }));
}

function reports(w: Window): Candidate[] {
  const { reportingCadence: cadence, reportDueDay } = w.terms.communication;
  return periodsIn(w, reportLength(cadence)).map((p): Candidate => ({
    ...base(w, 'distributor', `report:${p.id}`, addDays(p.end, reportDueDay - 1), `${cadence} report for ${p.id}`),
    kind: 'report',
    cadence,
    ...periodOf(p),
  }));
}

function meetings(w: Window): Candidate[] {
  const cadence = w.terms.communication.meetingCadence;
  return periodsIn(w, meetingLength(cadence)).map((p): Candidate => ({
    ...base(w, 'company', `meeting:${p.id}`, lastDay(p), `${cadence} meeting for ${p.id}`),
    kind: 'meeting',
    cadence,
    ...periodOf(p),
  }));
}

/** The periods of the year the policy was in force during some part of, begun within the window. */
function periodsIn(w: Window, length: PeriodLength): CalendarPeriod[] {
  const first = Date.parse(w.firstEffectiveFrom);
  return periodsOf(w.year, length).filter((p) => Date.parse(startOf(p.end)) > first && Date.parse(startOf(p.start)) < w.periodsBefore);
}

const periodOf = (p: CalendarPeriod) => ({ period: p.id, periodStart: p.start, periodEnd: p.end });

function reportLength(cadence: ReportingCadence): PeriodLength {
  switch (cadence) {
    case 'weekly':
      return 'week';
    case 'monthly':
      return 'month';
    case 'quarterly':
      return 'quarter';
    default:
      return assertNever(cadence);
  }
}

function meetingLength(cadence: MeetingCadence): PeriodLength {
  switch (cadence) {
    case 'semiannual':
      return 'half';
    case 'annual':
      return 'year';
    default:
      return reportLength(cadence);
  }
}

/** Terms may repeat a requirement; the repeat is a separate obligation ('…#2'), never merged away. */
function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  };
}
