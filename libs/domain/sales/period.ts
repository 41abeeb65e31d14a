/** Which plan period a sale counts in: the policy calendar's periods, looked up by date. */
import { isIsoDate, periodLabel } from '../policy/calendar';
import type { Granularity } from '../policy/terms';
import { assertNever } from '../shared/types';

/** '2026-03-15' → '2026-03' by month, '2026-Q1' by quarter (the same labels as the plan's periods). */
export function periodOfDate(date: string, granularity: Granularity): string {
  if (!isIsoDate(date)) throw new RangeError(`${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)); // 1..12
  return periodLabel(year, indexOf(month, granularity), granularity);
}

function indexOf(month: number, granularity: Granularity): number {
  switch (granularity) {
    case 'month':
      return month - 1;
    case 'quarter':
      return Math.floor((month - 1) / 3);
    default:
      return assertNever(granularity);
  }
}
