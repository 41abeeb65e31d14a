/**
 * The promotion budget decider: one ledger per policy. The budget accrues from the signed plan; the
 * parties propose spend against it, the other party approves or rejects it, and approved spend is
 * settled with proof. No proposal is accepted beyond the balance.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { accrueBudget } from './accrue';
import type { PromotionCommand } from './commands';
import type { PromotionEvent } from './events';
import { proposeSpend } from './propose';
import { approveSpend, rejectSpend } from './review';
import { settleSpend } from './settle';
import { evolvePromotion, initialPromotionState, type PromotionState } from './state';

function decide(command: PromotionCommand, state: PromotionState): PromotionEvent[] {
  switch (command.type) {
    case 'AccruePromotionBudget':
      return accrueBudget(command, state);
    case 'ProposeSpend':
      return proposeSpend(command, state);
    case 'ApproveSpend':
      return approveSpend(command, state);
    case 'RejectSpend':
      return rejectSpend(command, state);
    case 'SettleSpend':
      return settleSpend(command, state);
    default:
      return assertNever(command);
  }
}

export const promotionDecider: Decider<PromotionState, PromotionCommand, PromotionEvent> = {
  initialState: initialPromotionState,
  decide,
  evolve: evolvePromotion,
};
