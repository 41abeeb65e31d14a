import { ObligationErrors } from '@cl/domain/obligations';

/** `asOf` as given (a day or an instant with an offset), now when absent; 422 naming `asOf` when it is no date. */
export function asOfOr(asOf: string | undefined, now: Date): string {
  if (asOf === undefined) return now.toISOString();
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw ObligationErrors.invalidAsOf();
  return asOf;
}
