/** The state of one sale, folded from its stream (`sale-<saleId>`), and the evolve function that builds it. */
import type { Money } from '../policy/terms';
import type { Side } from '../shared/sides';
import { assertNever } from '../shared/types';
import type { ChannelConflict, SaleEvent, SaleLine } from './events';

/** A sale that was refused: the id is spent, and nothing can be corrected or cancelled. */
export interface RefusedSale {
  status: 'refused';
  saleId: string;
  seller: Side;
  clientId: string;
  date: string;
  currency: string;
  refusedAt: string;
}

/** A recorded sale with its current lines (after corrections) and whether it was cancelled. */
export interface Sale {
  status: 'recorded' | 'cancelled';
  saleId: string;
  seller: Side;
  clientId: string;
  territory: string;
  segment: string;
  date: string;
  currency: string;
  lines: SaleLine[];
  total: Money;
  policyId: string | null;
  period: string | null;
  channelConflict: ChannelConflict | null;
  /** How many corrections were recorded; the next one is numbered corrections + 1. */
  corrections: number;
  recordedAt: string;
  cancelledAt?: string;
}

export type SaleState = { status: 'none' } | RefusedSale | Sale;

export const initialSaleState = (): SaleState => ({ status: 'none' });

export const isSale = (state: SaleState): state is Sale => state.status === 'recorded' || state.status === 'cancelled';

export function evolveSale(state: SaleState, event: SaleEvent): SaleState {
  switch (event.type) {
    case 'SaleRecorded': {
      const { recordedAt, ...d } = event.data;
      return { status: 'recorded', ...d, corrections: 0, recordedAt };
    }
    case 'SaleRefused': {
      const { saleId, seller, clientId, date, currency, refusedAt } = event.data;
      return { status: 'refused', saleId, seller, clientId, date, currency, refusedAt };
    }
    case 'SaleCorrected':
      if (!isSale(state)) return state; // a correction always follows SaleRecorded; anything else is ignored
      return { ...state, lines: event.data.lines, total: event.data.total, corrections: event.data.correctionNo };
    case 'SaleCancelled':
      if (!isSale(state)) return state;
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt };
    default:
      return assertNever(event);
  }
}
