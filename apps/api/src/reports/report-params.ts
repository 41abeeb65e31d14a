/**
 * Query-string pieces the money reports share. Every refusal is a 422 naming the parameter; every
 * parameter is optional (a report without filters answers for the current year or month).
 */
import { Transform } from 'class-transformer';

/** A calendar month, YYYY-MM. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A plan period: a month (2026-03) or a quarter (2026-Q1). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
/** `<distributorId>-<year>`, as policyIdFor writes it. */
export const POLICY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}-\d{4}$/;
/** A product code: 1–64 characters, no control characters. */
export const SKU_PATTERN = /^[^\p{Cc}]{1,64}$/u;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 9998;

/**
 * Query strings arrive as text: only a plain integer becomes a number; anything else ('1e2', '', a
 * repeated parameter) stays as it came and fails @IsInt with a 422 naming the parameter.
 */
export const IntegerParam = () =>
  Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value));

/** The UTC calendar year of an instant: the default year of a report. */
export const yearOf = (now: Date): number => now.getUTCFullYear();

/** The UTC month of an instant, YYYY-MM: the default month of the monthly report. */
export const monthOf = (now: Date): string => now.toISOString().slice(0, 7);

/** The first instant of a month and of the next one, as ISO text (comparable with stored instants). */
export function monthBounds(month: string): { start: string; end: string } {
  const [year, m] = month.split('-').map(Number);
  return { start: new Date(Date.UTC(year, m - 1, 1)).toISOString(), end: new Date(Date.UTC(year, m, 1)).toISOString() };
}
