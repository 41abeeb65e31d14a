/**
 * What the demo prints once the year is in the log: what was written, what the reports now say
 * (asked through the same queries as the HTTP routes, as compliance), and the curl tour of it.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { isDigest } from '@cl/event-store/audit/digester';
import { PlanVsActualQuery } from '../../../api/src/reports/plan-vs-actual/plan-vs-actual.handler';
import { PromotionBudgetQuery } from '../../../api/src/reports/promotion-budget/promotion-budget.handler';
import { PEOPLE } from './demo-cast';
import { HOSPITAL } from './demo-clients';

export interface DemoSummary {
  year: number;
  commands: number;
  events: number;
  eventsByType: Record<string, number>;
  lines: string[];
}

export async function summarize(app: INestApplicationContext, year: number, commands: number): Promise<DemoSummary> {
  const all = (await app.get<EventStore>(EVENT_STORE).readAll()).filter((e) => !isDigest(e));
  const eventsByType: Record<string, number> = {};
  for (const e of all) eventsByType[e.type] = (eventsByType[e.type] ?? 0) + 1;
  const queries = app.get(QueryBus);
  const now = new Date();
  const plan = await queries.execute(new PlanVsActualQuery({ year }, PEOPLE.marta, now));
  const budget = await queries.execute(new PromotionBudgetQuery({ year }, PEOPLE.marta, now));
  const lines = [
    `Year ${year}: ${commands} commands run through the command layer on a simulated clock, ${all.length} events recorded.`,
    '',
    'Events by type:',
    ...Object.entries(eventsByType)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, n]) => `  ${type.padEnd(32)} ${String(n).padStart(5)}`),
    '',
    `Plan vs actual ${year} (PLN):`,
    ...plan.distributorTotals.map(
      (t) =>
        `  ${t.distributorId.padEnd(8)} plan ${amount(t.planMinor)}  actual ${amount(t.actualMinor)}  ${(t.attainment ?? '-').padStart(8)}  ` +
        `bonus settled ${amount(t.settledBonusMinor)} over ${t.closedPeriods}/${t.periods} closed periods`,
    ),
    '',
    'Promotion budgets (PLN):',
    ...budget.budgets.map(
      (b) =>
        `  ${b.policyId.padEnd(12)} accrued ${amount(b.accruedMinor)}  committed ${amount(b.committedMinor)}  ` +
        `settled ${amount(b.settledMinor)}  balance ${amount(b.balanceMinor)}`,
    ),
  ];
  return { year, commands, events: all.length, eventsByType, lines };
}

/** Minor units as "1 234 567.89": integer arithmetic, no float ever touches the amount. */
export function amount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(minor));
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole}.${(abs % 100n).toString().padStart(2, '0')}`.padStart(13);
}

export type TourToken = 'TOKEN' | 'AUDITOR' | 'ACME';

export interface TourStop {
  path: string;
  /** Whose token: the company's (anna), compliance's (marta) or acme's (jan). */
  as: TourToken;
  csv?: true;
  what: string;
}

/** What the tour looks at, in the README's order. */
export const tourStops = (year: number): TourStop[] => [
  { path: `/policies/acme-${year}`, as: 'TOKEN', what: 'the signed policy and its amendment' },
  { path: `/clients/${HOSPITAL.clientId}/ownership?asOf=${year}-06-30`, as: 'TOKEN', what: "acme's in June, by the accepted transfer" },
  { path: `/clients/${HOSPITAL.clientId}/history`, as: 'ACME', what: 'claimed, transferred, contested, settled' },
  { path: `/disputes/${HOSPITAL.disputeId}`, as: 'AUDITOR', what: 'the contested claim, decided by compliance' },
  { path: `/reports/plan-vs-actual?year=${year}`, as: 'TOKEN', what: 'per period: plan, actual, attainment, bonus, settlement' },
  { path: `/reports/plan-vs-actual?year=${year}`, as: 'TOKEN', csv: true, what: 'the same as CSV' },
  { path: `/reports/promotion-budget?policyId=acme-${year}`, as: 'ACME', what: 'accruals, spends, balance' },
  { path: `/reports/price-compliance?from=${year}-01-01&to=${year + 1}-01-01`, as: 'AUDITOR', what: 'refusals, special prices, conflicts' },
  { path: `/reports/non-discrimination?territory=PL-MZ&from=${year}-01&to=${year}-12`, as: 'AUDITOR', what: 'channel prices apart' },
  { path: `/reports/monthly?distributorId=acme&month=${year}-06`, as: 'ACME', what: "acme's June" },
];

/** The tour as shell commands, with the year and data directory of this run. */
export function tour(year: number, dataDir?: string): string[] {
  const env = dataDir ? `DATA_DIR=${dataDir} ` : '';
  const token = (party: string) => `$(${env}npm run --silent cli -- token ${party})`;
  return [
    `${env}npm start   # in another terminal: the API over the demo's data`,
    `TOKEN=${token('--party company --sub anna')}`,
    `AUDITOR=${token('--party compliance --sub marta')}`,
    `ACME=${token('--party distributor --distributor acme --sub jan')}`,
    ...tourStops(year).map(
      (s) => `curl -s 'localhost:3000${s.path}' -H "Authorization: Bearer $${s.as}"${s.csv ? " -H 'Accept: text/csv'" : ''}   # ${s.what}`,
    ),
  ];
}
