/**
 * The obligations scorecard at a date: for each responsible party, how many of its obligations were
 * kept on time or late, are open, overdue, disputed, waived or retired. Pass the obligations derived
 * for the same `asOf` (deriveObligations(policy, asOf, settlements)), so both read the same instant.
 */
import type { Party } from '../policy/terms';
import { assertNever } from '../shared/types';
import type { Obligation } from './obligation';
import type { ObligationsState } from './state';
import { obligationStatus, type StatusAt } from './status';

export interface ScoreCounts {
  onTime: number;
  late: number;
  open: number;
  overdue: number;
  disputed: number;
  waived: number;
  retired: number;
}

export interface ScorecardRow extends ScoreCounts {
  responsibleParty: Party;
}

export interface ObligationAt {
  obligation: Obligation;
  status: StatusAt;
}

const PARTIES: readonly Party[] = ['distributor', 'company'];

/** Each obligation with its status at `asOf`, in the order given: the listing behind a report. */
export const statusesAt = (obligations: readonly Obligation[], state: ObligationsState, asOf: Date | string): ObligationAt[] =>
  obligations.map((obligation) => ({ obligation, status: obligationStatus(obligation, state, asOf) }));

/** One row per responsible party (both, or only `party`), with zero counts where it owes nothing. */
export function scorecard(obligations: readonly Obligation[], state: ObligationsState, asOf: Date | string, party?: Party): ScorecardRow[] {
  const rows = PARTIES.filter((p) => party === undefined || p === party).map((p) => emptyRow(p));
  for (const { obligation, status } of statusesAt(obligations, state, asOf)) {
    const row = rows.find((r) => r.responsibleParty === obligation.responsibleParty);
    if (row) row[countOf(status)] += 1;
  }
  return rows;
}

function countOf(s: StatusAt): keyof ScoreCounts {
  switch (s.status) {
    case 'fulfilled':
      return s.timeliness === 'on-time' ? 'onTime' : 'late';
    case 'open':
    case 'overdue':
    case 'disputed':
    case 'waived':
    case 'retired':
      return s.status;
    default:
      return assertNever(s);
  }
}

const emptyRow = (responsibleParty: Party): ScorecardRow => ({
  responsibleParty,
  onTime: 0,
  late: 0,
  open: 0,
  overdue: 0,
  disputed: 0,
  waived: 0,
  retired: 0,
});
