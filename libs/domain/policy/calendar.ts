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
  switch (granularity) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
    case 'quarter':
      return Array.from({ length: 4 }, (_, i) => `${year}-Q${i + 1}`);
    default:
      return assertNever(granularity);
  }
}

/** A real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
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
