/**
 * Who takes part in the demo year: the people acting for each side, the two distributors and their
 * terms, and the thirty clients with what the division criteria will say about them.
 *
 *   acme    Acme Distribution, PL-MZ and PL-MA: monthly plan PLN 100 000.00 (PLN 120 000.00 from July,
 *           by an amendment signed in June), retroactive bonus 100% → 2%, 110% → 3%; budget 1.5%, 50/50
 *   baltic  Baltic Pumps, PL-PM and PL-ZP: quarterly plan PLN 300 000.00, incremental bonus
 *           90% → 1%, 100% → 2%, 110% → 3%; budget 2%, 60% company / 40% distributor
 */
import type { PolicyTerms } from '@cl/domain/policy';
import { sampleQuarterlyTerms, sampleTerms } from '@cl/domain/policy/example-terms';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import type { Principal } from '../../../api/src/shared/auth/principal';

export type DistributorName = 'acme' | 'baltic';
export type SideName = 'company' | DistributorName;

export const DISTRIBUTORS: Record<DistributorName, { name: string; territories: string[] }> = {
  acme: { name: 'Acme Distribution', territories: ['PL-MA', 'PL-MZ'] },
  baltic: { name: 'Baltic Pumps', territories: ['PL-PM', 'PL-ZP'] },
};

/** The people: anna runs the channel, piotr the key accounts; jan and ola run the distributors; marta audits. */
export const PEOPLE = {
  anna: { party: 'company', userId: 'anna' },
  piotr: { party: 'company', userId: 'piotr' },
  jan: { party: 'distributor', userId: 'jan', distributorId: 'acme' },
  ola: { party: 'distributor', userId: 'ola', distributorId: 'baltic' },
  marta: { party: 'compliance', userId: 'marta' },
} as const satisfies Record<string, Principal>;

/** Who acts for a side when the scenario does not say. */
export const actorFor = (side: SideName): Principal => (side === 'company' ? PEOPLE.anna : side === 'acme' ? PEOPLE.jan : PEOPLE.ola);

export const sideOf = (side: SideName): Side => (side === 'company' ? COMPANY : { party: 'distributor', distributorId: side });

export const policyIdOf = (d: DistributorName, year: number) => `${d}-${year}`;

export const pln = (minor: number) => ({ minor, currency: 'PLN' });

/** PLN 100 000.00 a month; from July PLN 120 000.00 once the amendment is signed. */
export const acmeTerms = (year: number): PolicyTerms => sampleTerms(year, { territories: DISTRIBUTORS.acme.territories });

export function acmeAmendedTerms(year: number): PolicyTerms {
  const terms = acmeTerms(year);
  const periods = terms.plan.periods.map((p, i) => (i >= 6 ? { ...p, amount: pln(12_000_000) } : p));
  return { ...terms, plan: { ...terms.plan, periods } };
}

export function balticTerms(year: number): PolicyTerms {
  const terms = sampleQuarterlyTerms(year);
  return {
    ...terms,
    territories: DISTRIBUTORS.baltic.territories,
    communication: {
      ...terms.communication,
      contacts: [
        { party: 'company', name: 'Anna Nowak', email: 'anna.nowak@maker.example', role: 'channel manager' },
        { party: 'distributor', name: 'Ola Wiśniewska', email: 'ola@baltic-pumps.example', role: 'managing director' },
      ],
    },
    websites: [{ url: 'https://baltic-pumps.example', contentOwner: 'distributor', approvalRequiredFor: ['prices'] }],
    promotion: { budgetBp: 200, funding: { companyBp: 6_000, distributorBp: 4_000 } },
    handOverDays: 21,
  };
}

export interface DemoClient {
  id: string;
  legalName: string;
  territory: string;
  segment: 'key-account' | 'industrial' | 'retail';
  /** Annual volume, PLN (whole zloty). */
  volume: number;
  registeredBy: SideName;
  /** Whom the division criteria give it to, and who claims it. */
  claimedBy: SideName;
  /** A side that served the client before the policies took effect (an existing client). */
  knownTo?: SideName;
}

const c = (
  id: string,
  legalName: string,
  territory: string,
  segment: DemoClient['segment'],
  volume: number,
  registeredBy: SideName,
  claimedBy: SideName,
  knownTo?: SideName,
): DemoClient => ({ id, legalName, territory, segment, volume, registeredBy, claimedBy, ...(knownTo ? { knownTo } : {}) });

export const CLIENTS: DemoClient[] = [
  // Key accounts (≥ PLN 1 000 000.00 a year) and the company's existing clients stay the company's.
  c('c-mazowsze-water', 'Wodociągi Mazowieckie S.A.', 'PL-MZ', 'key-account', 2_500_000, 'company', 'company'),
  c('c-warsaw-airport', 'Port Lotniczy Warszawa', 'PL-MZ', 'key-account', 3_000_000, 'company', 'company'),
  c('c-krakow-heating', 'Krakowskie Ciepłownie S.A.', 'PL-MA', 'key-account', 1_800_000, 'company', 'company'),
  c('c-krakow-hospital', 'Szpital Uniwersytecki w Krakowie', 'PL-MA', 'key-account', 1_200_000, 'company', 'company'),
  c('c-ostroleka-paper', 'Ostrołęka Paper Mill Sp. z o.o.', 'PL-MZ', 'industrial', 700_000, 'company', 'company', 'company'),
  c('c-gdansk-shipyard', 'Stocznia Gdańska Remonty S.A.', 'PL-PM', 'key-account', 4_000_000, 'company', 'company'),
  c('c-swinoujscie-ferries', 'Świnoujście Ferry Terminal', 'PL-ZP', 'industrial', 800_000, 'company', 'company', 'company'),
  // Outside every distributor's territories: no criteria have a say.
  c('c-lodz-textiles', 'Łódź Textile Works', 'PL-LD', 'industrial', 500_000, 'company', 'company'),
  c('c-olsztyn-dairy', 'Olsztyn Dairy Cooperative', 'PL-WN', 'industrial', 420_000, 'company', 'company'),
  c('c-elblag-brewery', 'Browar Elbląg', 'PL-WN', 'industrial', 300_000, 'company', 'company'),
  // Registered by the company, theirs by the default rule.
  c('c-plock-services', 'Płock Industrial Services Sp. z o.o.', 'PL-MZ', 'industrial', 600_000, 'company', 'acme'),
  c('c-szczecin-chem', 'Szczecin Chemical Works', 'PL-ZP', 'industrial', 650_000, 'company', 'baltic'),
  // Registered and claimed by acme.
  c('c-warsaw-hvac', 'Warsaw HVAC Service Sp. z o.o.', 'PL-MZ', 'industrial', 400_000, 'acme', 'acme'),
  c('c-radom-agro', 'Agro-Radom Sp. z o.o.', 'PL-MZ', 'retail', 120_000, 'acme', 'acme'),
  c('c-siedlce-farms', 'Gospodarstwa Rolne Siedlce', 'PL-MZ', 'retail', 90_000, 'acme', 'acme'),
  c('c-pruszkow-installers', 'Pruszków Installers s.c.', 'PL-MZ', 'retail', 150_000, 'acme', 'acme', 'acme'),
  c('c-legionowo-garden', 'Legionowo Garden Centre', 'PL-MZ', 'retail', 60_000, 'acme', 'acme'),
  c('c-ciechanow-dairy', 'Mleczarnia Ciechanów', 'PL-MZ', 'industrial', 350_000, 'acme', 'acme'),
  c('c-tarnow-chem', 'Tarnów Chemicals Sp. z o.o.', 'PL-MA', 'industrial', 500_000, 'acme', 'acme'),
  c('c-nowy-sacz-build', 'Nowy Sącz Budownictwo', 'PL-MA', 'retail', 110_000, 'acme', 'acme'),
  c('c-zakopane-hotels', 'Tatra Hotels Zakopane', 'PL-MA', 'retail', 130_000, 'acme', 'acme'),
  c('c-wieliczka-food', 'Wieliczka Food Processing', 'PL-MA', 'industrial', 280_000, 'acme', 'acme'),
  // Registered and claimed by baltic.
  c('c-gdynia-port', 'Gdynia Port Services Sp. z o.o.', 'PL-PM', 'industrial', 450_000, 'baltic', 'baltic'),
  c('c-sopot-spa', 'Sopot Spa & Wellness', 'PL-PM', 'retail', 80_000, 'baltic', 'baltic'),
  c('c-slupsk-bakery', 'Piekarnia Słupsk', 'PL-PM', 'retail', 50_000, 'baltic', 'baltic'),
  c('c-wejherowo-build', 'Wejherowo Building Supplies', 'PL-PM', 'retail', 140_000, 'baltic', 'baltic'),
  c('c-tczew-logistics', 'Tczew Logistics Park', 'PL-PM', 'retail', 70_000, 'baltic', 'baltic'),
  c('c-koszalin-farms', 'Koszalin Farm Cooperative', 'PL-ZP', 'retail', 100_000, 'baltic', 'baltic'),
  c('c-police-fertilizers', 'Police Fertilizer Plant Services', 'PL-ZP', 'industrial', 900_000, 'baltic', 'baltic'),
  c('c-stargard-foundry', 'Odlewnia Stargard', 'PL-ZP', 'industrial', 380_000, 'baltic', 'baltic', 'baltic'),
];

export const clientsClaimedBy = (side: SideName) => CLIENTS.filter((x) => x.claimedBy === side).map((x) => x.id);

/** A plausible Polish tax id (NIP) per client, distinct for each. */
export const taxIdOf = (index: number) => `PL${5_250_001_000 + index * 7_919}`;
