/**
 * The special-price decider: one stream per client (`special-prices-<clientId>`), so a sale reads
 * every approval and revocation that could apply to it from a single stream, consistently.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { approveSpecialPrice } from './approve-special-price';
import type { SpecialPriceCommand } from './commands';
import type { SpecialPriceEvent } from './events';
import { revokeSpecialPrice } from './revoke-special-price';
import { evolveSpecialPrices, initialSpecialPriceState, type SpecialPriceState } from './special-price-state';

function decide(command: SpecialPriceCommand, state: SpecialPriceState): SpecialPriceEvent[] {
  switch (command.type) {
    case 'ApproveSpecialPrice':
      return approveSpecialPrice(command, state);
    case 'RevokeSpecialPrice':
      return revokeSpecialPrice(command, state);
    default:
      return assertNever(command);
  }
}

export type SpecialPriceDecider = Decider<SpecialPriceState, SpecialPriceCommand, SpecialPriceEvent>;

export const specialPriceDecider: SpecialPriceDecider = { initialState: initialSpecialPriceState, decide, evolve: evolveSpecialPrices };
