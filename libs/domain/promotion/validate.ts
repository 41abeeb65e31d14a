/**
 * Field checks for promotion commands: each appends `{ field, message }` instead of throwing, so one
 * refusal names every problem. They take `unknown` because commands arrive from outside.
 */
import { currency, int, isObj, text, type Errors } from '../policy/field-checks';
import type { Money } from '../policy/terms';
import { PromotionErrors } from './errors';

/** Bounds on what a spend records: every text ends up in events and read models. */
export const PROMOTION_LIMITS = { spendId: 100, activity: 500, evidenceRef: 500, proofRef: 500, reason: 500 } as const;

export { text, type Errors };

/** An amount of at least `min` minor units in an ISO currency (which currency is the budget's to say). */
export function amount(out: Errors, field: string, v: unknown, min: 0 | 1): v is Money {
  if (!isObj(v)) {
    out.push({ field, message: v === undefined ? 'is required' : 'must be an amount {minor, currency}' });
    return false;
  }
  const okMinor = int(out, `${field}.minor`, v.minor, min);
  return currency(out, `${field}.currency`, v.currency) && okMinor;
}

export function requireValid(out: Errors): void {
  if (out.length > 0) throw PromotionErrors.invalidCommand(out);
}
