/**
 * The settlement decider: one stream per policy. Each plan period is closed once, after it ends; a
 * later close settles the late changes to earlier periods as adjustments, so nothing is rewritten.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { closePeriod } from './close';
import type { SettlementCommand } from './commands';
import type { SettlementEvent } from './events';
import { evolveSettlement, initialSettlementState, type SettlementState } from './state';

function decide(command: SettlementCommand, state: SettlementState): SettlementEvent[] {
  switch (command.type) {
    case 'ClosePeriod':
      return closePeriod(command, state);
    default:
      return assertNever(command.type);
  }
}

export const settlementDecider: Decider<SettlementState, SettlementCommand, SettlementEvent> = {
  initialState: initialSettlementState,
  decide,
  evolve: evolveSettlement,
};
