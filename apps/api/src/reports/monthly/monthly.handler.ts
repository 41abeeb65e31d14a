import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { coversTerritory } from '@cl/domain/policy/division';
import { termsInForceOn } from '@cl/domain/policy/in-force';
import { periodOfDate } from '@cl/domain/sales/period';
import { sideKey } from '@cl/domain/shared/sides';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { DISTRIBUTORS, type DistributorView } from '@cl/projections/distributors/distributors.projection';
import { policyStateOf } from '@cl/projections/policies/policy-state';
import { SALES, SALES_REFUSED, type SaleDoc } from '@cl/projections/sales/sales.projection';
import type { Principal } from '../../shared/auth/principal';
import { ClientVisibility } from '../../clients/client-visibility';
import { ObligationsReader } from '../../obligations/obligations-reader';
import { planRowsOf, type PolicyReadings } from '../plan-vs-actual/plan-rows';
import type { PlanVsActualRow } from '../plan-vs-actual/plan-vs-actual.dto';
import { readingsOf } from '../plan-vs-actual/plan-vs-actual.handler';
import { monthBounds, monthOf } from '../report-params';
import { distributorScope } from '../report-scope';
import {
  claimsOf,
  complianceOf,
  disputesOf,
  overdueRequestsOf,
  spendsOf,
  transferRequestsOf,
  transfersOf,
  type MonthOf,
} from './month-facts';
import { obligationsOf } from './month-obligations';
import { salesSummary } from './month-sales';
import type { MonthlyDistributorReport, MonthlyParams, MonthlyReport } from './monthly.dto';

export class MonthlyQuery extends Query<MonthlyReport> {
  constructor(
    readonly params: MonthlyParams,
    readonly viewer: Principal,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(MonthlyQuery)
export class MonthlyHandler implements IQueryHandler<MonthlyQuery> {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly visibility: ClientVisibility,
    private readonly obligations: ObligationsReader,
  ) {}

  async execute({ params, viewer, now }: MonthlyQuery): Promise<MonthlyReport> {
    const month = params.month ?? monthOf(now);
    const distributorId = await distributorScope(this.reads, viewer, params.distributorId);
    const distributors = await this.reads.find<DistributorView>(DISTRIBUTORS, distributorId !== undefined ? { _id: distributorId } : {}, {
      sort: { _id: 1 },
    });
    const reports = await Promise.all(distributors.map((d) => this.reportOf(d, month, now)));
    return { month, asOf: now.toISOString(), reports };
  }

  private async reportOf(distributor: DistributorView, month: string, now: Date): Promise<MonthlyDistributorReport> {
    const distributorId = distributor._id;
    const side = { party: 'distributor' as const, distributorId };
    const m: MonthOf = { distributorId, key: sideKey(side), side, ...monthBounds(month) };
    const [readings] = await readingsOf(this.reads, Number(month.slice(0, 4)), distributorId);
    const territories = await this.territoriesOf(distributorId, readings, m.end);
    const [own, refusedCount, company] = await Promise.all([
      this.reads.find<SaleDoc>(SALES, { sellerKey: m.key, month }),
      this.reads.count(SALES_REFUSED, { sellerKey: m.key, month }),
      this.reads.find<SaleDoc>(SALES, { sellerKey: 'company', month }),
    ]);
    const policyId = readings?.policy._id ?? null;
    const [claims, transferRequests, transfers, disputes, priceCompliance, promotionSpends, overdueTransferRequests, obligations] =
      await Promise.all([
        claimsOf(this.reads, m),
        transferRequestsOf(this.reads, m),
        transfersOf(this.reads, m),
        disputesOf(this.reads, m),
        complianceOf(this.reads, this.visibility, m),
        spendsOf(this.reads, m),
        overdueRequestsOf(this.reads, m, now),
        obligationsOf(this.obligations, policyId, month, now),
      ]);
    return {
      distributorId,
      name: distributor.name,
      policyId,
      territories,
      sales: { ...salesSummary(own), refusedCount },
      companySalesInTerritories: salesSummary(company.filter((s) => coversTerritory(territories, s.territory))),
      planVsActual: readings ? rowContaining(readings, month) : null,
      claims,
      transferRequests,
      transfers,
      disputes,
      priceCompliance,
      promotionSpends,
      overdueTransferRequests,
      ...obligations,
    };
  }

  /** The territories of the terms governing at the end of the month; without any, those in force now (as for visibility). */
  private async territoriesOf(distributorId: string, readings: PolicyReadings | undefined, monthEnd: string): Promise<string[]> {
    const governing = readings && termsInForceOn(policyStateOf(readings.policy), new Date(Date.parse(monthEnd) - 1));
    return governing ? governing.terms.territories : this.visibility.territoriesOf(distributorId);
  }
}

/** The plan period containing the month, in the granularity the period is labelled with. */
function rowContaining(readings: PolicyReadings, month: string): PlanVsActualRow | null {
  const day = `${month}-01`;
  return planRowsOf(readings).find((r) => periodOfDate(day, r.period.includes('Q') ? 'quarter' : 'month') === r.period) ?? null;
}
