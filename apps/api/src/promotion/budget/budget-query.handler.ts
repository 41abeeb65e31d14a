/**
 * The promotion budget of a policy and its spends, from the `promotion_budgets` and `promotion_spends`
 * read models; the totals are summed from the spends at read time (`budgetView`), never kept.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Money } from '@cl/domain/policy';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { budgetView } from '@cl/projections/promotion/budget-totals';
import {
  PROMOTION_BUDGETS,
  PROMOTION_SPENDS,
  type PromotionBudgetDoc,
  type PromotionSpendDoc,
} from '@cl/projections/promotion/promotion.projection';
import { findVisiblePolicy } from '../../policies/policy-read';
import type { Principal } from '../../shared/auth/principal';
import { ApiProblem } from '../../shared/problem/problem';
import type { BudgetView, SpendView } from '../promotion-view.dto';

export class GetBudgetQuery extends Query<BudgetView> {
  constructor(
    readonly policyId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class GetSpendQuery extends Query<SpendView> {
  constructor(
    readonly policyId: string,
    readonly spendId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ policyId, viewer }: GetBudgetQuery): Promise<BudgetView> {
    await findVisiblePolicy(this.store, policyId, viewer);
    const budget = await this.store.findOne<PromotionBudgetDoc>(PROMOTION_BUDGETS, { _id: policyId });
    if (!budget) {
      throw new ApiProblem(
        404,
        'PROMOTION.NO_BUDGET',
        `No promotion budget has accrued for policy ${policyId}: it accrues when the policy comes into force`,
      );
    }
    const spends = await this.store.find<PromotionSpendDoc>(PROMOTION_SPENDS, { policyId }, { sort: { proposedAt: 1, _id: 1 } });
    return toBudgetView(budget, spends);
  }
}

@QueryHandler(GetSpendQuery)
export class GetSpendHandler implements IQueryHandler<GetSpendQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ policyId, spendId, viewer }: GetSpendQuery): Promise<SpendView> {
    await findVisiblePolicy(this.store, policyId, viewer);
    const spend = await this.store.findOne<PromotionSpendDoc>(PROMOTION_SPENDS, { _id: spendId, policyId });
    if (!spend) throw new ApiProblem(404, 'PROMOTION.SPEND_NOT_FOUND', `Spend ${spendId} does not exist`);
    return toSpendView(spend);
  }
}

function toBudgetView(budget: PromotionBudgetDoc, spends: PromotionSpendDoc[]): BudgetView {
  const totals = budgetView(budget, spends);
  const m = (minor: number): Money => ({ minor, currency: budget.currency });
  const { total, company, distributor } = budget.accrued;
  return {
    policyId: budget.policyId,
    distributorId: budget.distributorId ?? '',
    currency: budget.currency,
    accrued: { total: m(total), company: m(company), distributor: m(distributor) },
    proposed: m(totals.proposedMinor),
    approved: m(totals.approvedMinor),
    committed: m(totals.committedMinor),
    settled: m(totals.settledMinor),
    balance: m(totals.balanceMinor),
    accruals: budget.accruals.map((a) => ({
      termsVersion: a.termsVersion,
      budgetBp: a.budgetBp,
      plannedAnnual: m(a.plannedAnnualMinor),
      total: m(a.total),
      company: m(a.company),
      distributor: m(a.distributor),
      delta: m(a.delta),
      at: a.at,
    })),
    spends: spends.map(toSpendView),
    revision: budget.revision,
    updatedAt: budget.updatedAt,
  };
}

function toSpendView({
  _id,
  policyId: _policyId,
  distributorId: _distributorId,
  updatedAt: _updatedAt,
  ...spend
}: PromotionSpendDoc): SpendView {
  return { spendId: _id, ...spend } as SpendView;
}
