/**
 * A promotion budget's spend totals, summed at read time from the policy's `promotion_spends` (the
 * approval event does not carry the amount, so no projection write could move them exactly).
 */
import type { PromotionBudgetDoc, PromotionSpendDoc } from './promotion.projection';

/** Minor units, in the budget's currency. */
export interface BudgetTotals {
  /** Proposed, awaiting an answer. */
  proposedMinor: number;
  /** Approved, not settled yet. */
  approvedMinor: number;
  /** proposed + approved: spoken for, not spent yet. */
  committedMinor: number;
  /** Settled: the amounts proven spent. */
  settledMinor: number;
  /** Every spend proposed, whatever became of it. */
  spendCount: number;
}

export interface BudgetView extends BudgetTotals {
  accruedMinor: number;
  /** accrued − committed − settled; the ledger never lets it go below zero. */
  balanceMinor: number;
}

/** Sums the spends of one policy (query `promotion_spends` with `{ policyId }`). */
export function budgetTotals(spends: readonly Pick<PromotionSpendDoc, 'status' | 'amount' | 'settledAmount'>[]): BudgetTotals {
  const sum = (status: PromotionSpendDoc['status']) => spends.filter((s) => s.status === status).reduce((n, s) => n + s.amount.minor, 0);
  const settledMinor = spends.reduce((n, s) => n + (s.status === 'settled' ? (s.settledAmount ?? s.amount).minor : 0), 0);
  const proposedMinor = sum('proposed');
  const approvedMinor = sum('approved');
  return { proposedMinor, approvedMinor, committedMinor: proposedMinor + approvedMinor, settledMinor, spendCount: spends.length };
}

export function budgetView(budget: Pick<PromotionBudgetDoc, 'accrued'>, spends: Parameters<typeof budgetTotals>[0]): BudgetView {
  const totals = budgetTotals(spends);
  const accruedMinor = budget.accrued.total;
  return { ...totals, accruedMinor, balanceMinor: accruedMinor - totals.committedMinor - totals.settledMinor };
}
