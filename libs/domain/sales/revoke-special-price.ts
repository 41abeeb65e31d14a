/**
 * The company ends a special price early. Sales already recorded under it stand; sales dated on or
 * after `effectiveFrom` can no longer use it. The day after validTo is accepted and changes nothing
 * in effect, so a revocation can always be put on record.
 */
import { text, type Errors } from '../policy/field-checks';
import type { RevokeSpecialPrice } from './commands';
import { SpecialPriceErrors } from './errors';
import type { SpecialPriceEvent } from './events';
import { companyOnly, requireNoErrors } from './special-price-rules';
import type { SpecialPriceState } from './special-price-state';
import { date, reason } from './validate';

export function revokeSpecialPrice(cmd: RevokeSpecialPrice, state: SpecialPriceState): SpecialPriceEvent[] {
  const { actor, now } = cmd.context;
  companyOnly(actor, 'revoke');
  const { clientId, specialPriceId, effectiveFrom } = cmd.data;
  const errors: Errors = [];
  text(errors, 'clientId', clientId);
  text(errors, 'specialPriceId', specialPriceId);
  date(errors, 'effectiveFrom', effectiveFrom);
  reason(errors, cmd.data.reason);
  requireNoErrors(errors);
  const price = state.prices[specialPriceId];
  if (!price) throw SpecialPriceErrors.notFound(specialPriceId);
  if (price.revokedFrom !== undefined) throw SpecialPriceErrors.alreadyRevoked(specialPriceId, price.revokedFrom);
  const last = nextDay(price.validTo);
  if (effectiveFrom < price.validFrom || effectiveFrom > last) {
    requireNoErrors([{ field: 'effectiveFrom', message: `must be between ${price.validFrom} and ${last}` }]);
  }
  return [
    {
      type: 'SpecialPriceRevoked',
      data: { clientId, specialPriceId, sku: price.sku, effectiveFrom, reason: cmd.data.reason, revokedAt: now.toISOString() },
    },
  ];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
