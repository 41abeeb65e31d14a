/**
 * What a sale is judged against besides its own stream, as plain data: the instant that stands for
 * the sale date, and a policy's terms as the sale decider reads them.
 */
import { isIsoDate, type TermsInForce } from '@cl/domain/policy';
import type { SaleContext, SalePolicy } from '@cl/domain/sales';

/** No client, no policy, no special price: what a command the decider will refuse on its input anyway carries. */
export const NO_CONTEXT: SaleContext = { client: null, policies: [], specialPrices: [] };

/**
 * The instant a sale dated `date` is judged at: the end of that (UTC) day, capped at now.
 *
 * A sale dated D happened at some moment of D that nobody records, so it is judged as the day closed:
 * a claim, a signature or an amendment that took effect earlier on D already governs it (a policy
 * signed this morning governs the sales of today; judged at 00:00 it would not be in force yet).
 * Capped at now because what is not yet true must not judge a sale: an amendment signed to take
 * effect this evening does not govern a sale recorded this morning. A sale of today is therefore
 * judged at the moment it is recorded — and a correction later that day may see later terms, as the
 * seller would when re-issuing the invoice. Undefined for what is not a date (the decider refuses it).
 */
export function judgementInstant(date: string, now: Date): Date | undefined {
  if (!isIsoDate(date)) return undefined;
  const endOfDay = Date.parse(`${date}T23:59:59.999Z`);
  return new Date(Math.min(endOfDay, now.getTime()));
}

/** A distributor policy's terms in force as a sale reads them: floors, bands, the settlement currency and the plan's periods. */
export function salePolicyOf({ policyId, terms }: Pick<TermsInForce, 'policyId' | 'terms'>): SalePolicy {
  return {
    policyId,
    currency: terms.settlement.currency,
    priceFloors: terms.priceFloors,
    discretionBands: terms.discretionBands,
    granularity: terms.plan.granularity,
  };
}
