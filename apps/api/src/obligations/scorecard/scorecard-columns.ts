import type { ScorecardRow } from '@cl/domain/obligations';
import type { CsvColumn } from '../../shared/csv';

/** One row per policy and responsible party. */
export interface PolicyScore extends ScorecardRow {
  distributorId: string;
  policyId: string;
}

export const SCORECARD_COLUMNS: readonly CsvColumn<PolicyScore>[] = [
  { header: 'distributorId', description: 'the distributor of the policy', value: (r) => r.distributorId },
  { header: 'policyId', description: 'the policy', value: (r) => r.policyId },
  { header: 'responsibleParty', description: 'whose obligations the row counts: distributor or company', value: (r) => r.responsibleParty },
  { header: 'onTime', description: 'fulfilled on or before the due day', value: (r) => r.onTime },
  { header: 'late', description: 'fulfilled after the due day', value: (r) => r.late },
  { header: 'open', description: 'not yet due, not kept', value: (r) => r.open },
  { header: 'overdue', description: 'past the due day, not kept', value: (r) => r.overdue },
  { header: 'disputed', description: 'evidence disputed by the protected party', value: (r) => r.disputed },
  { header: 'waived', description: 'released by the protected party', value: (r) => r.waived },
  { header: 'retired', description: 'dropped by an amendment or the end of the policy before falling due', value: (r) => r.retired },
];
