/**
 * The scorecard over the policies of `asOf`'s year. Which policies exist is read from the policies read
 * model; what each owes and how it stands is derived from the event streams (ObligationsReader).
 */
import { Inject, Injectable } from '@nestjs/common';
import { scorecard, type ScoreCounts } from '@cl/domain/obligations';
import type { Party } from '@cl/domain/policy/terms';
import { POLICIES, type PolicyDoc } from '@cl/projections/policies/policies.projection';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { ObligationsReader } from '../obligations-reader';
import type { PolicyScore } from './scorecard-columns';

export interface ScorecardReport {
  asOf: string;
  rows: PolicyScore[];
  /** Summed over the rows: the distributors' obligations together, and the company's. */
  totals: Array<ScoreCounts & { responsibleParty: Party }>;
}

@Injectable()
export class ObligationsScorecard {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly reader: ObligationsReader,
  ) {}

  /** `own`: the asking distributor, who sees only its own policy whatever it asks for. */
  async at(asOf: string, own: string | undefined, distributorId: string | undefined): Promise<ScorecardReport> {
    if (own && distributorId && distributorId !== own) return { asOf, rows: [], totals: totalsOf([]) };
    const only = own ?? distributorId;
    const year = new Date(Date.parse(asOf)).getUTCFullYear();
    const policies = await this.reads.find<PolicyDoc>(POLICIES, { year, ...(only ? { distributorId: only } : {}) }, { sort: { _id: 1 } });
    const rows = (await Promise.all(policies.map((p) => this.rowsOf(p, asOf)))).flat();
    return { asOf, rows, totals: totalsOf(rows) };
  }

  private async rowsOf(policy: PolicyDoc, asOf: string): Promise<PolicyScore[]> {
    const policyId = String(policy._id);
    const [obligations, state] = await Promise.all([this.reader.obligationsAt(policyId, asOf), this.reader.state(policyId)]);
    if (obligations.length === 0) return [];
    return scorecard(obligations, state, asOf).map((row) => ({ distributorId: policy.distributorId, policyId, ...row }));
  }
}

const COUNTS: readonly (keyof ScoreCounts)[] = ['onTime', 'late', 'open', 'overdue', 'disputed', 'waived', 'retired'];

function totalsOf(rows: readonly PolicyScore[]): ScorecardReport['totals'] {
  return (['distributor', 'company'] as const).map((responsibleParty) => {
    const total = { responsibleParty, onTime: 0, late: 0, open: 0, overdue: 0, disputed: 0, waived: 0, retired: 0 };
    for (const row of rows.filter((r) => r.responsibleParty === responsibleParty)) for (const k of COUNTS) total[k] += row[k];
    return total;
  });
}
