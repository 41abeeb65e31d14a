/**
 * Field checks for obligations commands: each appends `{ field, message }` instead of throwing, so one
 * refusal names every problem. They take `unknown` because commands arrive from outside.
 */
import { isIsoDate } from '../policy/calendar';
import { each, text, type Errors } from '../policy/field-checks';
import { dateOf } from './calendar';
import { ObligationErrors } from './errors';

/** Bounds on what the stream records: every text ends up in events, read models and reports. */
export const OBLIGATION_LIMITS = {
  id: 100,
  text: 500,
  summary: 5000,
  decision: 2000,
  attachments: 50,
  attendees: 100,
  decisions: 100,
} as const;

export { text, type Errors };

export const id = (out: Errors, field: string, v: unknown): v is string => text(out, field, v, OBLIGATION_LIMITS.id);

/** A calendar day (YYYY-MM-DD) that is not after today (UTC): a fact cannot be recorded in advance. */
export function pastDay(out: Errors, field: string, v: unknown, now: Date): v is string {
  if (!isIsoDate(v)) {
    out.push({ field, message: 'must be an ISO date (YYYY-MM-DD)' });
    return false;
  }
  if (v <= dateOf(now)) return true;
  out.push({ field, message: `must not be after today (${dateOf(now)})` });
  return false;
}

/** A list of texts, each non-blank and bounded. */
export function texts(out: Errors, field: string, v: unknown, maxItems: number, maxText: number): v is string[] {
  return each(out, field, v, (item, path) => text(out, path, item, maxText), maxItems);
}

export function requireValid(out: Errors): void {
  if (out.length > 0) throw ObligationErrors.invalidCommand(out);
}

/** One field error, refused at once: for checks that need the obligation first. */
export function refuseField(field: string, message: string): never {
  throw ObligationErrors.invalidCommand([{ field, message }]);
}
