/**
 * The special prices of one client, folded from its stream (`special-prices-<clientId>`). A sale
 * handler passes the stream's events in the command; `specialPricesOf` folds them the same way.
 */
import { assertNever, fold } from '../shared/types';
import type { SpecialPriceApproved, SpecialPriceEvent } from './events';

export type SpecialPrice = SpecialPriceApproved['data'] & {
  /** Set once revoked: sales dated on or after this date may no longer use it. */
  revokedFrom?: string;
  revokedAt?: string;
};

export interface SpecialPriceState {
  /** By specialPriceId. */
  prices: Record<string, SpecialPrice>;
  /** Approval order, kept explicitly: ids that look like integers would otherwise sort first. */
  order: string[];
}

export const initialSpecialPriceState = (): SpecialPriceState => ({ prices: {}, order: [] });

export function evolveSpecialPrices(state: SpecialPriceState, event: SpecialPriceEvent): SpecialPriceState {
  switch (event.type) {
    case 'SpecialPriceApproved': {
      const { specialPriceId } = event.data;
      if (state.prices[specialPriceId]) return state; // ids are unique in the stream; a repeat is ignored
      return { prices: { ...state.prices, [specialPriceId]: { ...event.data } }, order: [...state.order, specialPriceId] };
    }
    case 'SpecialPriceRevoked': {
      const { specialPriceId, effectiveFrom, revokedAt } = event.data;
      const price = state.prices[specialPriceId];
      if (!price) return state;
      return { ...state, prices: { ...state.prices, [specialPriceId]: { ...price, revokedFrom: effectiveFrom, revokedAt } } };
    }
    default:
      return assertNever(event);
  }
}

export const specialPricesOf = (events: readonly SpecialPriceEvent[]): SpecialPriceState =>
  fold({ initialState: initialSpecialPriceState, evolve: evolveSpecialPrices }, events);

/** Every special price of the stream, in approval order. */
export const allSpecialPrices = (state: SpecialPriceState): SpecialPrice[] => state.order.map((id) => state.prices[id]);
