/**
 * The obligations' calendar, in UTC like the policy's. A due date is a day (YYYY-MM-DD): what happens
 * on that day is on time, and the obligation is overdue from 00:00 UTC the day after. Periods are
 * half-open: `start` is their first day, `end` the first day after them.
 */
import { assertNever } from '../shared/types';

export type PeriodLength = 'week' | 'month' | 'quarter' | 'half' | 'year';

export interface CalendarPeriod {
  /** '2026-W05', '2026-03', '2026-Q1', '2026-H1' or '2026'. */
  id: string;
  start: string;
  /** The first day after the period. */
  end: string;
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

/** The UTC day of an instant. */
export const dateOf = (instant: string | Date): string => ymd(typeof instant === 'string' ? Date.parse(instant) : instant.getTime());

export const addDays = (date: string, days: number): string => ymd(msOf(date) + days * DAY_MS);

/** The first instant at which an obligation due on `due` is overdue. */
export const overdueFrom = (due: string): string => new Date(msOf(addDays(due, 1))).toISOString();

/** The first instant of a day. */
export const startOf = (date: string): string => new Date(msOf(date)).toISOString();

/** The last day of a period. */
export const lastDay = (p: CalendarPeriod): string => addDays(p.end, -1);

/**
 * The periods of a policy year. Weeks are ISO weeks (Monday to Sunday) of the ISO week-year, so every
 * week belongs to exactly one policy year even where it straddles 1 January.
 */
export function periodsOf(year: number, length: PeriodLength): CalendarPeriod[] {
  switch (length) {
    case 'week':
      return isoWeeks(year);
    case 'month':
      return months(year, 1, (i) => `${year}-${pad2(i + 1)}`);
    case 'quarter':
      return months(year, 3, (i) => `${year}-Q${i + 1}`);
    case 'half':
      return months(year, 6, (i) => `${year}-H${i + 1}`);
    case 'year':
      return months(year, 12, () => `${year}`);
    default:
      return assertNever(length);
  }
}

function months(year: number, size: number, id: (i: number) => string): CalendarPeriod[] {
  return Array.from({ length: 12 / size }, (_, i) => ({
    id: id(i),
    start: ymd(Date.UTC(year, i * size, 1)),
    end: ymd(Date.UTC(year, (i + 1) * size, 1)),
  }));
}

/** Week 1 is the week holding 4 January; the last week is the one before next year's week 1. */
function isoWeeks(year: number): CalendarPeriod[] {
  const first = mondayOfWeekOne(year);
  const next = mondayOfWeekOne(year + 1);
  const count = Math.round((next - first) / (7 * DAY_MS));
  return Array.from({ length: count }, (_, i) => ({
    id: `${year}-W${pad2(i + 1)}`,
    start: ymd(first + i * 7 * DAY_MS),
    end: ymd(first + (i + 1) * 7 * DAY_MS),
  }));
}

function mondayOfWeekOne(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return jan4 - weekday * DAY_MS;
}
