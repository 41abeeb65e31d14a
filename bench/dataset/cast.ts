/**
 * Who is in the data set: distributors with two voivodeships each, their policy terms for the year
 * (the example terms with the distributor's territories and a plan sized to the sales it will make),
 * and clients spread over the distributors' territories.
 */
import { sampleTerms } from '@cl/domain/policy/example-terms';
import type { PolicyTerms } from '@cl/domain/policy/terms';
import type { Side } from '@cl/domain/shared/sides';
import type { Actor } from '@cl/domain/shared/types';
import type { Rng } from './rng';

export const YEAR = 2025;
export const CURRENCY = 'PLN';

const VOIVODESHIPS = ['DS', 'KP', 'LU', 'LB', 'LD', 'MA', 'MZ', 'OP', 'PK', 'PD', 'PM', 'SL', 'SK', 'WN', 'WP', 'ZP'].map((v) => `PL-${v}`);

export interface DistributorCast {
  id: string;
  name: string;
  territories: string[];
  side: Side;
  actor: Actor;
  policyId: string;
  terms: PolicyTerms;
}

export interface ClientCast {
  id: string;
  legalName: string;
  taxId: string;
  territory: string;
  segment: 'industrial' | 'utility' | 'key-account';
  /** The distributor that registers and first claims it. */
  home: DistributorCast;
  /** Another distributor with an older relationship to the client: its claim later contests the home one's. */
  rival?: DistributorCast;
  annualVolumeMinor: number;
}

export const COMPANY_ACTOR: Actor = { party: 'company', userId: 'channel-manager' };
export const COMPLIANCE_ACTOR: Actor = { party: 'compliance', userId: 'auditor' };
export const systemActor = (process: string): Actor => ({ party: 'system', userId: process });

/** An average sale is about PLN 3 900 (see sale lines): the monthly plan is sized to the sales the distributor will book. */
export const AVERAGE_SALE_MINOR = 390_000;

export function distributorsOf(count: number, salesPerDistributorMonth: number, rng: Rng): DistributorCast[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `d-${String(i + 1).padStart(3, '0')}`;
    const territories = [VOIVODESHIPS[i % 16], VOIVODESHIPS[(i + 5) % 16]];
    const monthly = Math.max(100_000, Math.round((salesPerDistributorMonth * AVERAGE_SALE_MINOR * (0.85 + rng.next() * 0.3)) / 100) * 100);
    return {
      id,
      name: `Distributor ${i + 1} Sp. z o.o.`,
      territories,
      side: { party: 'distributor', distributorId: id },
      actor: { party: 'distributor', userId: `${id}-sales`, distributorId: id },
      policyId: `${id}-${YEAR}`,
      terms: termsFor(territories, monthly),
    };
  });
}

function termsFor(territories: string[], monthlyMinor: number): PolicyTerms {
  const base = sampleTerms(YEAR);
  const periods = base.plan.periods.map((p) => ({ period: p.period, amount: { minor: monthlyMinor, currency: CURRENCY } }));
  return { ...base, territories, plan: { granularity: 'month', periods } };
}

export function clientsOf(count: number, distributors: DistributorCast[], rng: Rng): ClientCast[] {
  return Array.from({ length: count }, (_, i) => {
    const home = distributors[i % distributors.length];
    const keyAccount = rng.chance(0.03);
    const territory = rng.pick(home.territories);
    const rivals = distributors.filter((d) => d !== home && d.territories.includes(territory));
    return {
      id: `c-${String(i + 1).padStart(6, '0')}`,
      legalName: `Client ${i + 1} ${rng.pick(['Hydro', 'Aqua', 'Therm', 'Flow', 'Pump'])}-${rng.pick(['Tech', 'Serwis', 'Instal', 'Bud'])} Sp. z o.o.`,
      taxId: `PL${String(1_000_000_000 + i * 7919).slice(-10)}`,
      territory,
      segment: keyAccount ? 'key-account' : rng.chance(0.2) ? 'utility' : 'industrial',
      home,
      rival: !keyAccount && rivals.length > 0 && rng.chance(0.005) ? rng.pick(rivals) : undefined,
      // Key accounts from PLN 1 000 000.00 a year: the example division criteria give them to the company.
      annualVolumeMinor: keyAccount ? rng.int(100_000_000, 500_000_000) : rng.int(1_000_000, 90_000_000),
    };
  });
}
