/** Calling a report as one of the money year's parties, and reading CSV back for the specs. */
import type { TestApp } from '../../testing/test-app';
import type { MoneyYear } from './money-year';

export { csvRecords, parseCsv } from '../../clients/testing/parse-csv';

export type Caller = keyof MoneyYear['auth'];

export function getReport(t: TestApp, w: MoneyYear, path: string, as: Caller = 'company', accept?: string) {
  const req = t.http().get(path).set('Authorization', w.auth[as]);
  return accept ? req.set('Accept', accept) : req;
}

/** A JSON value as its CSV field must read back: empty for absent, text guarded against formulas. */
export function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The OpenAPI operation of a report, to check it documents both representations and its columns. */
export async function operationOf(t: TestApp, path: string) {
  const doc = (await t.http().get('/docs-json').expect(200)).body;
  return doc.paths[path].get;
}
