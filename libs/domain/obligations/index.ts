/** The public surface of the obligations area. */
export * from './obligation';
export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './obligations';
export { deriveObligations } from './derive';
export { SCRIPT_ADOPTION_DAYS } from './sources';
export { obligationStatus, evidenceCoverage, paidBy, type ObligationStatus, type StatusAt, type EvidenceCoverage } from './status';
export { scorecard, statusesAt, type ScoreCounts, type ScorecardRow, type ObligationAt } from './scorecard';
export { monthObligations, type MonthDays, type MonthObligations, type OverdueAt } from './month';
export { overdueFrom, periodsOf, type CalendarPeriod, type PeriodLength } from './calendar';
export { OBLIGATION_LIMITS } from './validate';
