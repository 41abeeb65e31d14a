/**
 * The sale decider: one stream per sale. A sale is recorded or refused once, then corrected or
 * cancelled by its seller through new events; nothing recorded is rewritten.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { cancelSale } from './cancel';
import type { SaleCommand } from './commands';
import { correctSale } from './correct';
import type { SaleEvent } from './events';
import { recordSale } from './record';
import { evolveSale, initialSaleState, type SaleState } from './sale-state';

function decide(command: SaleCommand, state: SaleState): SaleEvent[] {
  switch (command.type) {
    case 'RecordSale':
      return recordSale(command, state);
    case 'CorrectSale':
      return correctSale(command, state);
    case 'CancelSale':
      return cancelSale(command, state);
    default:
      return assertNever(command);
  }
}

export type SaleDecider = Decider<SaleState, SaleCommand, SaleEvent>;

export const saleDecider: SaleDecider = { initialState: initialSaleState, decide, evolve: evolveSale };
