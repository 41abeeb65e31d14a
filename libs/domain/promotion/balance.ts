/**
 * The budget's balance. Proposed and approved-but-unsettled spend is committed; a settled spend counts
 * for what was actually spent, so the rest of its approval returns to the balance.
 *
 * Proposals are refused beyond the balance, so spending alone never takes it below zero. An amendment
 * that lowers the budget below what is already committed or spent does not undo any spend: the raw
 * balance then shows the (negative) shortfall, and new proposals see nothing available until spends
 * are rejected or settled for less, or the budget grows again.
 */
import { money } from '../policy/money';
import type { Money } from '../policy/terms';
import type { PromotionState } from './state';

export interface PromotionBalance {
  accrued: Money;
  /** Each party's contribution to the accrued budget. */
  company: Money;
  distributor: Money;
  /** Proposed plus approved-but-unsettled spend. */
  committed: Money;
  settled: Money;
  /** accrued − committed − settled: negative only after a re-accrual lowered the budget. */
  balance: Money;
}

/** The balance of an accrued budget; undefined while nothing has accrued. */
export function balanceOf(state: PromotionState): PromotionBalance | undefined {
  if (!state.accrual) return undefined;
  const { total, company, distributor } = state.accrual;
  let committed = 0n;
  let settled = 0n;
  for (const s of Object.values(state.spends)) {
    if (s.status === 'proposed' || s.status === 'approved') committed += BigInt(s.amount.minor);
    if (s.status === 'settled' && s.settlement) settled += BigInt(s.settlement.amount.minor);
  }
  const c = total.currency;
  return {
    accrued: total,
    company,
    distributor,
    committed: money(committed, c),
    settled: money(settled, c),
    balance: money(BigInt(total.minor) - committed - settled, c),
  };
}

/** What a new proposal may take: the balance, never less than zero. */
export const availableOf = (b: PromotionBalance): Money => ({ minor: Math.max(0, b.balance.minor), currency: b.balance.currency });
