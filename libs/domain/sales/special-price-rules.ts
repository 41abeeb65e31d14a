/** Guards shared by the special-price command handlers. */
import type { Errors } from '../policy/field-checks';
import type { Actor } from '../shared/types';
import { SpecialPriceErrors } from './errors';

/** A special price is the company's concession on its own floors: no one else grants or ends it. */
export function companyOnly(actor: Actor, action: string): void {
  if (actor.party !== 'company') throw SpecialPriceErrors.companyOnly(actor.party, action);
}

export function requireNoErrors(errors: Errors): void {
  if (errors.length > 0) throw SpecialPriceErrors.invalidCommand(errors);
}
