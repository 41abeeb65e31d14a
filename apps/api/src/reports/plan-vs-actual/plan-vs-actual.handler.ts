import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { POLICIES, type PolicyDoc } from '@cl/projections/policies/policies.projection';
import { SALES_TOTALS, type PolicyPeriodTotalDoc } from '@cl/projections/sales/sales-totals.projection';
import { SETTLEMENTS, type SettlementDoc } from '@cl/projections/settlements/settlements.projection';
import type { Principal } from '../../shared/auth/principal';
import { yearOf } from '../report-params';
import { distributorScope } from '../report-scope';
import { planRowsOf, type PolicyReadings } from './plan-rows';
import { companyTotals, distributorTotals } from './plan-totals';
import type { PlanVsActualParams, PlanVsActualReport } from './plan-vs-actual.dto';

export class PlanVsActualQuery extends Query<PlanVsActualReport> {
  constructor(
    readonly params: PlanVsActualParams,
    readonly viewer: Principal,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(PlanVsActualQuery)
export class PlanVsActualHandler implements IQueryHandler<PlanVsActualQuery> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ params, viewer, now }: PlanVsActualQuery): Promise<PlanVsActualReport> {
    const { period } = params;
    const year = params.year ?? (period ? Number(period.slice(0, 4)) : yearOf(now));
    const distributorId = await distributorScope(this.reads, viewer, params.distributorId);
    const readings = await readingsOf(this.reads, year, distributorId);
    const rows = readings.flatMap((r) => planRowsOf(r, period));
    return { year, asOf: now.toISOString(), rows, distributorTotals: distributorTotals(rows), companyTotals: companyTotals(rows) };
  }
}

/** The policies of the year that came into force (a draft plans nothing yet), with their totals and closes: three queries. */
export async function readingsOf(reads: ReadStore, year: number, distributorId?: string): Promise<PolicyReadings[]> {
  const policies = await reads.find<PolicyDoc>(
    POLICIES,
    { year, ...(distributorId !== undefined ? { distributorId } : {}), firstEffectiveFrom: { $exists: true } },
    { sort: { distributorId: 1, _id: 1 } },
  );
  const policyId = { $in: policies.map((p) => p._id) };
  const [totals, settlements] = await Promise.all([
    reads.find<PolicyPeriodTotalDoc>(SALES_TOTALS, { kind: 'policy-period', policyId }),
    reads.find<SettlementDoc>(SETTLEMENTS, { policyId }),
  ]);
  const totalsOf = groupBy(totals, (t) => t.policyId);
  const settlementsOf = groupBy(settlements, (s) => s.policyId);
  return policies.map((policy) => ({ policy, totals: totalsOf.get(policy._id) ?? [], settlements: settlementsOf.get(policy._id) ?? [] }));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
