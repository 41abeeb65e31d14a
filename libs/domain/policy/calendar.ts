/**
 * The policy's calendar. A policy year runs from 1 January 00:00 UTC to the next 1 January 00:00 UTC
 * (exclusive): one fixed reference for both parties, whatever time zone a user sits in.
 */
import type { Granularity } from './terms';
import { kept } from '../shared/kept';
import { assertNever } from '../shared/types';

export const isPolicyYear = (year: unknown): year is number =>
  Number.isInteger(year) && (year as number) >= 2000 && (year as number) <= 9998;

/** 1 January of the year, 00:00 UTC, as an ISO instant; kept per year (every in-force question asks it). */
export const yearStart: (year: number) => string = kept((year: number) => new Date(Date.UTC(year, 0, 1)).toISOString(), 1_024);

/** The first instant after the year (exclusive end). */
export const yearEnd = (year: number): string => yearStart(year + 1);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The plan periods of a year, in order: '2026-01'…'2026-12' or '2026-Q1'…'2026-Q4'. */
export function periodsOf(year: number, granularity: Granularity): string[] {
  return Array.from({ length: periodsPerYear(granularity) }, (_, i) => periodLabel(year, i, granularity));
}

/** The label of the year's period at `index` (0-based), as `periodsOf` lists it. */
export function periodLabel(year: number, index: number, granularity: Granularity): string {
  switch (granularity) {
    case 'month':
      return `${year}-${pad2(index + 1)}`;
    case 'quarter':
      return `${year}-Q${index + 1}`;
    default:
      return assertNever(granularity);
  }
}

const periodsPerYear = (granularity: Granularity): number => (granularity === 'month' ? 12 : 4);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * A real calendar date written as YYYY-MM-DD (rejects 2026-02-30); proleptic Gregorian, as Date reads
 * it. Checked by arithmetic: every sale's dates are checked many times, and a Date per check cost more.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds of an instant given as a Date, a date (YYYY-MM-DD, read as 00:00 UTC) or an ISO instant
 * with an explicit offset; NaN otherwise. A date-time without an offset is refused because it would be
 * read in the host's time zone, and the domain must give the same answer on every machine.
 */
export function toMillis(at: Date | string): number {
  if (at instanceof Date) return at.getTime();
  if (DATE_ONLY.test(at)) return isIsoDate(at) ? Date.parse(`${at}T00:00:00.000Z`) : NaN;
  return INSTANT.test(at) ? Date.parse(at) : NaN;
}
