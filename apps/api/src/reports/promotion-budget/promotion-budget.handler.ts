import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { POLICIES, type PolicyDoc } from '@cl/projections/policies/policies.projection';
import { budgetView } from '@cl/projections/promotion/budget-totals';
import {
  PROMOTION_BUDGETS,
  PROMOTION_SPENDS,
  type PromotionBudgetDoc,
  type PromotionSpendDoc,
} from '@cl/projections/promotion/promotion.projection';
import type { Principal } from '../../shared/auth/principal';
import { yearOf } from '../report-params';
import { assertPolicyVisible, distributorScope, policyNotFound } from '../report-scope';
import type { BudgetRowView, PromotionBudgetParams, PromotionBudgetReport, SpendRowView } from './promotion-budget.dto';

export class PromotionBudgetQuery extends Query<PromotionBudgetReport> {
  constructor(
    readonly params: PromotionBudgetParams,
    readonly viewer: Principal,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(PromotionBudgetQuery)
export class PromotionBudgetHandler implements IQueryHandler<PromotionBudgetQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ params, viewer, now }: PromotionBudgetQuery): Promise<PromotionBudgetReport> {
    const { policyId } = params;
    if (policyId !== undefined) await this.requirePolicy(viewer, policyId);
    const distributorId = await distributorScope(this.reads, viewer, params.distributorId);
    const year = params.year ?? (policyId === undefined ? yearOf(now) : undefined);
    const policyIds = await this.policiesOf({
      ...(policyId !== undefined ? { _id: policyId } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(distributorId !== undefined ? { distributorId } : {}),
    });
    const budgets = await budgetRows(this.reads, policyIds);
    return { year: year ?? null, policyId: policyId ?? null, asOf: now.toISOString(), budgets };
  }

  private async requirePolicy(viewer: Principal, policyId: string): Promise<void> {
    assertPolicyVisible(viewer, policyId);
    if (!(await this.reads.findOne(POLICIES, { _id: policyId }))) throw policyNotFound(policyId);
  }

  private async policiesOf(filter: Filter): Promise<string[]> {
    return (await this.reads.find<PolicyDoc>(POLICIES, filter, { sort: { _id: 1 } })).map((p) => p._id);
  }
}

/** The budgets of the given policies that have accrued (a policy not yet in force has none), each with its spends. */
async function budgetRows(reads: ReadStore, policyIds: readonly string[]): Promise<BudgetRowView[]> {
  const ids = { $in: [...policyIds] };
  const [budgets, spends] = await Promise.all([
    reads.find<PromotionBudgetDoc>(PROMOTION_BUDGETS, { _id: ids }, { sort: { _id: 1 } }),
    reads.find<PromotionSpendDoc>(PROMOTION_SPENDS, { policyId: ids }, { sort: { proposedAt: 1, _id: 1 } }),
  ]);
  return budgets.map((b) =>
    budgetRow(
      b,
      spends.filter((s) => s.policyId === b._id),
    ),
  );
}

function budgetRow(b: PromotionBudgetDoc, spends: PromotionSpendDoc[]): BudgetRowView {
  const latest = b.accruals[b.accruals.length - 1];
  const { accruedMinor, proposedMinor, approvedMinor, committedMinor, settledMinor, balanceMinor, spendCount } = budgetView(b, spends);
  return {
    policyId: b.policyId,
    distributorId: b.distributorId ?? '',
    currency: b.currency,
    budgetBp: latest?.budgetBp ?? 0,
    plannedAnnualMinor: latest?.plannedAnnualMinor ?? 0,
    accruedMinor,
    companyContributionMinor: b.accrued.company,
    distributorContributionMinor: b.accrued.distributor,
    proposedMinor,
    approvedMinor,
    committedMinor,
    settledMinor,
    balanceMinor,
    spendCount,
    accruals: b.accruals.map((a) => ({
      termsVersion: a.termsVersion,
      budgetBp: a.budgetBp,
      plannedAnnualMinor: a.plannedAnnualMinor,
      totalMinor: a.total,
      companyMinor: a.company,
      distributorMinor: a.distributor,
      deltaMinor: a.delta,
      at: a.at,
    })),
    spends: spends.map(spendRow),
  };
}

const actor = (a: { party: string; userId: string } | undefined) => a && { party: a.party, userId: a.userId };

function spendRow(s: PromotionSpendDoc): SpendRowView {
  const optional = {
    approvedBy: actor(s.approvedBy),
    approvedAt: s.approvedAt,
    rejectedBy: actor(s.rejectedBy),
    rejectedAt: s.rejectedAt,
    reason: s.reason,
    settledBy: actor(s.settledBy),
    settledAt: s.settledAt,
    settledAmountMinor: s.settledAmount?.minor,
    proofRef: s.proofRef,
  };
  return {
    spendId: s._id,
    status: s.status,
    activity: s.activity,
    amountMinor: s.amount.minor,
    proposedBy: actor(s.proposedBy)!,
    proposedAt: s.proposedAt,
    evidenceRef: s.evidenceRef,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}
