/**
 * CSV for reports (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a quote, a
 * comma or a line break. A text cell that a spreadsheet would read as a formula (starting with = + - @,
 * or a tab or carriage return) is prefixed with a single quote, so an exported reason such as
 * `=HYPERLINK(...)` stays text when compliance opens the file (OWASP "CSV injection").
 */
import type { Request, Response } from 'express';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  /** What the column means, for the OpenAPI document and the docs. */
  description: string;
  value: (row: T) => CsvValue;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: numbers and booleans as written by JavaScript, null/undefined empty, text guarded then quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header row, then one row per item. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return csvLine(columns.map((c) => c.header)) + rows.map((row) => csvLine(columns.map((c) => c.value(row)))).join('');
}

/**
 * Content negotiation between the two representations of a report: CSV only when the caller prefers
 * it (`Accept: text/csv`); anything else, including no Accept header, gets JSON.
 */
export function prefersCsv(req: Request): boolean {
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** Answers JSON, or the same rows as CSV when the caller asked for it; either way the answer varies with Accept. */
export function negotiated<T, J>(req: Request, res: Response, json: J, csv: { columns: readonly CsvColumn<T>[]; rows: readonly T[] }): J | string {
  res.vary('Accept');
  if (!prefersCsv(req)) return json;
  res.type(CSV_CONTENT_TYPE);
  return toCsv(csv.columns, csv.rows);
}

/** The columns as the OpenAPI document describes them: the header row as an example, each column explained. */
export function csvOpenApi<T>(columns: readonly CsvColumn<T>[]) {
  const list = columns.map((c) => `\`${c.header}\`: ${c.description}`).join('; ');
  return {
    schema: { type: 'string' as const, description: `RFC 4180 CSV with a header row. Columns: ${list}` },
    example: csvLine(columns.map((c) => c.header)),
  };
}
