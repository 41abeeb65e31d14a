/**
 * The obligations part of the monthly report: of the distributor's policy of the month's year, what
 * fell due by the month's end and is overdue at the report's instant (either party's: a missing
 * periodic report, an unpaid settlement, a qualification not shown, a meeting not held …) and what
 * was kept late on a day of the month. Derived from the event streams by ObligationsReader, as the
 * obligations listing and the scorecard are, so all three agree.
 */
import { monthObligations, type ObligationAt, type OverdueAt } from '@cl/domain/obligations';
import { ObligationsReader } from '../../obligations/obligations-reader';
import type { ObligationRowView, OverdueObligationRowView } from './monthly.dto';

export interface MonthObligationRows {
  overdueObligations: OverdueObligationRowView[];
  obligationsKeptLate: ObligationRowView[];
}

/** `month`: YYYY-MM; nothing without a policy. */
export async function obligationsOf(
  reader: ObligationsReader,
  policyId: string | null,
  month: string,
  asOf: Date,
): Promise<MonthObligationRows> {
  if (policyId === null) return { overdueObligations: [], obligationsKeptLate: [] };
  const [obligations, state] = await Promise.all([reader.obligationsAt(policyId, asOf), reader.state(policyId)]);
  const { overdue, keptLate } = monthObligations(obligations, state, asOf, daysOf(month));
  return { overdueObligations: overdue.map(overdueRow), obligationsKeptLate: keptLate.map(row) };
}

function daysOf(month: string): { first: string; last: string } {
  const [year, m] = month.split('-').map(Number);
  return { first: `${month}-01`, last: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) };
}

function row({ obligation: o, status }: ObligationAt): ObligationRowView {
  return {
    policyId: o.policyId,
    obligationId: o.id,
    kind: o.kind,
    responsibleParty: o.responsibleParty,
    description: o.description,
    due: o.due,
    ...(status.status === 'fulfilled' ? { fulfilledOn: status.fulfilledOn } : {}),
  };
}

function overdueRow(o: OverdueAt): OverdueObligationRowView {
  const outstanding = o.outstanding ? { outstanding: { currency: o.outstanding.currency, amountMinor: o.outstanding.minor } } : {};
  return { ...row(o), ...outstanding };
}
