/**
 * The obligations a month's report shows, judged at the report's instant `asOf`: those due by the
 * month's last day that are overdue at `asOf` (a qualification or script not shown, a periodic report
 * missing, a meeting not held, a settlement not fully paid — with what is still outstanding), and
 * those kept late on a day of the month (a report submitted, a meeting held, evidence dated or the
 * last instalment paid after the due day). A month the policy has not reached yet shows nothing due
 * after `asOf`: nothing is overdue before its due day has passed.
 */
import type { Money } from '../policy/terms';
import type { Obligation } from './obligation';
import { statusesAt, type ObligationAt } from './scorecard';
import type { ObligationsState } from './state';
import { paidBy } from './status';

/** `first` and `last`: the month's first and last day (YYYY-MM-DD). */
export interface MonthDays {
  first: string;
  last: string;
}

export interface OverdueAt extends ObligationAt {
  /** For a settlement payment: what is still unpaid at `asOf`. */
  outstanding?: Money;
}

export interface MonthObligations {
  /** In due order, then by id. */
  overdue: OverdueAt[];
  /** In the order they were kept, then by id. */
  keptLate: ObligationAt[];
}

export function monthObligations(
  obligations: readonly Obligation[],
  state: ObligationsState,
  asOf: Date | string,
  month: MonthDays,
): MonthObligations {
  const all = statusesAt(obligations, state, asOf);
  const overdue = all
    .filter((o) => o.status.status === 'overdue' && o.obligation.due <= month.last)
    .sort((a, b) => compare(a.obligation.due, b.obligation.due) || compare(a.obligation.id, b.obligation.id))
    .map((o) => withOutstanding(o, state, asOf));
  const keptLate = all
    .filter(
      ({ status: s }) => s.status === 'fulfilled' && s.timeliness === 'late' && s.fulfilledOn >= month.first && s.fulfilledOn <= month.last,
    )
    .sort((a, b) => compare(fulfilledOn(a), fulfilledOn(b)) || compare(a.obligation.id, b.obligation.id));
  return { overdue, keptLate };
}

function withOutstanding(o: ObligationAt, state: ObligationsState, asOf: Date | string): OverdueAt {
  if (o.obligation.kind !== 'payment') return o;
  const { amount } = o.obligation;
  return { ...o, outstanding: { minor: amount.minor - paidBy(o.obligation, state, asOf), currency: amount.currency } };
}

const fulfilledOn = (o: ObligationAt): string => (o.status.status === 'fulfilled' ? o.status.fulfilledOn : '');
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
