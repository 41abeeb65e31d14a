/** The closed periods of a policy, from the `settlements` read model, in calendar order. */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { SETTLEMENTS, type SettlementDoc } from '@cl/projections/settlements/settlements.projection';
import { findVisiblePolicy } from '../../policies/policy-read';
import type { Principal } from '../../shared/auth/principal';
import type { SettlementList, SettlementView } from '../settlement.dto';

export class ListSettlementsQuery extends Query<SettlementList> {
  constructor(
    readonly policyId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListSettlementsQuery)
export class ListSettlementsHandler implements IQueryHandler<ListSettlementsQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ policyId, viewer }: ListSettlementsQuery): Promise<SettlementList> {
    await findVisiblePolicy(this.store, policyId, viewer);
    // Period labels of one policy share a granularity and a year, so they sort in calendar order.
    const docs = await this.store.find<SettlementDoc>(SETTLEMENTS, { policyId }, { sort: { period: 1 } });
    return { policyId, settlements: docs.map(toSettlementView) };
  }
}

function toSettlementView(d: SettlementDoc): SettlementView {
  const m = (minor: number) => ({ minor, currency: d.currency });
  return {
    period: d.period,
    termsVersion: d.termsVersion,
    plan: d.plan,
    actual: d.actual,
    attainmentBp: d.attainmentBp,
    bonusMode: d.bonusMode,
    tierThresholdBp: d.tierThresholdBp,
    bonus: d.bonus,
    adjustmentsCarried: d.adjustmentsCarried,
    payable: d.payable,
    paymentTermsDays: d.paymentTermsDays,
    paymentDue: d.paymentDue,
    salesUpToPosition: d.salesUpToPosition,
    closedAt: d.closedAt,
    settled: { actual: m(d.settledActualMinor), bonus: m(d.settledBonusMinor), attainmentBp: d.settledAttainmentBp },
    adjustments: d.adjustments,
    revision: d.revision,
  };
}
