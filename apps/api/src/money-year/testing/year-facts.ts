/**
 * The facts of the money year, as data: the spec drives them through the command layer and computes
 * from the same lists, by plain arithmetic, what every report must say.
 *
 *   north  PL-PM  monthly plan PLN 100 000.00, PLN 125 000.00 from July (amendment signed 20 June);
 *                 retroactive bonus 100% → 2%, 110% → 3%; promotion 1.5%, 50/50
 *   south  PL-MA  quarterly plan PLN 300 000.00; incremental bonus 90% → 1%, 100% → 2%, 110% → 3%;
 *                 promotion 2%, 60% company / 40% distributor
 *
 * Every north month and south quarter is closed after it ends. Late changes to closed periods: a sale
 * dated 26 February booked on 10 March (adjusted by the March close), April corrected on 15 May after
 * its close (a bonus clawed back by the May close), a sale dated 30 March booked on 12 April (adjusted
 * by south's Q2 close).
 */
import type { PolicyTerms } from '@cl/domain/policy';
import { sampleQuarterlyTerms, sampleTerms } from '@cl/domain/policy/example-terms';

/** The latest year whose every fact (the last close is on 2 January after it) is in the past. */
export const Y = ((now: Date) => now.getUTCFullYear() - (now.getTime() >= Date.parse(`${now.getUTCFullYear()}-01-02T12:00:00Z`) ? 1 : 2))(
  new Date(),
);

export const at = (monthDay: string, time = '16:00') => `${Y}-${monthDay}T${time}:00.000Z`;
export const day = (monthDay: string) => `${Y}-${monthDay}`;
export const nextYear = (monthDay: string, time: string) => `${Y + 1}-${monthDay}T${time}:00.000Z`;
export const pln = (minor: number) => ({ minor, currency: 'PLN' });

export type DistributorName = 'north' | 'south';
export type Seller = DistributorName | 'company';

export const TERRITORY: Record<DistributorName, string> = { north: 'PL-PM', south: 'PL-MA' };

/** The plan of each period (grosze), as signed — north's from July as amended. */
export const PLAN: Record<DistributorName, Record<string, number>> = {
  north: Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [`${Y}-${String(i + 1).padStart(2, '0')}`, i < 6 ? 10_000_000 : 12_500_000]),
  ),
  south: Object.fromEntries([1, 2, 3, 4].map((q) => [`${Y}-Q${q}`, 30_000_000])),
};

export const TERMS = {
  north: sampleTerms(Y, { territories: [TERRITORY.north] }),
  northAmended: ((): PolicyTerms => {
    const terms = sampleTerms(Y, { territories: [TERRITORY.north] });
    const periods = terms.plan.periods.map((p, i) => (i >= 6 ? { ...p, amount: pln(12_500_000) } : p));
    return { ...terms, plan: { ...terms.plan, periods } };
  })(),
  south: {
    ...sampleQuarterlyTerms(Y),
    territories: [TERRITORY.south],
    promotion: { budgetBp: 200, funding: { companyBp: 6_000, distributorBp: 4_000 } },
  },
};

/** [client, territory, segment, annual volume in grosze, owner by the criteria] */
export const CLIENTS: Array<[string, string, string, number, Seller]> = [
  ['n-gdansk-marina', 'PL-PM', 'retail', 12_000_000, 'north'],
  ['n-sopot-hotel', 'PL-PM', 'industrial', 30_000_000, 'north'],
  ['s-krakow-brewery', 'PL-MA', 'industrial', 50_000_000, 'south'],
  ['s-tarnow-farm', 'PL-MA', 'retail', 9_000_000, 'south'],
  ['k-gdansk-port', 'PL-PM', 'key-account', 200_000_000, 'company'],
  ['k-krakow-metro', 'PL-MA', 'key-account', 150_000_000, 'company'],
];

/** [sku, quantity, unit price in grosze] */
export type Line = [string, number, number];

export interface SaleFact {
  id: string;
  seller: Seller;
  client: string;
  /** MM-DD of the sale. */
  date: string;
  /** MM-DD it was booked (default: the sale date). */
  booked?: string;
  lines: Line[];
  correction?: { on: string; lines: Line[] };
  cancelledOn?: string;
  refused?: true;
}

export const SALES: SaleFact[] = [
  { id: 'n-jan-1', seller: 'north', client: 'n-gdansk-marina', date: '01-10', lines: [['PUMP-100', 60, 130_000]] },
  {
    id: 'n-jan-2',
    seller: 'north',
    client: 'n-sopot-hotel',
    date: '01-20',
    lines: [
      ['PUMP-100', 20, 128_000],
      ['VALVE-20', 100, 9_500],
    ],
    correction: {
      on: '02-02',
      lines: [
        ['PUMP-100', 15, 128_000],
        ['VALVE-20', 100, 9_500],
      ],
    },
  },
  { id: 'n-feb-1', seller: 'north', client: 'n-gdansk-marina', date: '02-12', lines: [['PUMP-100', 70, 129_000]] },
  { id: 'n-feb-late', seller: 'north', client: 'n-sopot-hotel', date: '02-26', booked: '03-10', lines: [['PUMP-100', 8, 130_000]] },
  { id: 'n-mar-1', seller: 'north', client: 'n-gdansk-marina', date: '03-05', lines: [['PUMP-100', 80, 131_000]] },
  // The company's key account: a channel conflict, still north's sale in north's actual.
  { id: 'n-mar-conflict', seller: 'north', client: 'k-gdansk-port', date: '03-18', lines: [['VALVE-20', 50, 9_600]] },
  { id: 'n-mar-refused', seller: 'north', client: 'n-gdansk-marina', date: '03-20', lines: [['PUMP-100', 10, 118_000]], refused: true },
  {
    id: 'n-apr-1',
    seller: 'north',
    client: 'n-gdansk-marina',
    date: '04-15',
    lines: [['PUMP-100', 50, 130_000]],
    correction: { on: '05-15', lines: [['PUMP-100', 48, 130_000]] },
  },
  // Below the floor of PLN 1 250.00, allowed by the special price of 2 April.
  { id: 'n-apr-2', seller: 'north', client: 'n-sopot-hotel', date: '04-22', lines: [['PUMP-100', 30, 119_000]] },
  { id: 'n-may-1', seller: 'north', client: 'n-gdansk-marina', date: '05-10', lines: [['PUMP-100', 90, 130_000]] },
  { id: 'n-may-2', seller: 'north', client: 'n-sopot-hotel', date: '05-20', lines: [['VALVE-20', 200, 9_500]], cancelledOn: '05-25' },
  { id: 'n-jun-1', seller: 'north', client: 'n-gdansk-marina', date: '06-12', lines: [['PUMP-100', 75, 128_000]] },
  { id: 'n-jul-1', seller: 'north', client: 'n-sopot-hotel', date: '07-09', lines: [['PUMP-100', 100, 130_000]] },
  { id: 'n-aug-1', seller: 'north', client: 'n-gdansk-marina', date: '08-14', lines: [['PUMP-100', 95, 131_000]] },
  { id: 'n-sep-1', seller: 'north', client: 'n-sopot-hotel', date: '09-10', lines: [['PUMP-100', 110, 130_000]] },
  { id: 'n-nov-1', seller: 'north', client: 'n-gdansk-marina', date: '11-05', lines: [['PUMP-100', 100, 125_000]] },
  { id: 'n-dec-1', seller: 'north', client: 'n-sopot-hotel', date: '12-10', lines: [['PUMP-100', 50, 130_000]] },

  { id: 's-jan-1', seller: 'south', client: 's-krakow-brewery', date: '01-15', lines: [['PUMP-100', 100, 130_000]] },
  {
    id: 's-feb-1',
    seller: 'south',
    client: 's-tarnow-farm',
    date: '02-15',
    lines: [
      ['PUMP-100', 60, 129_000],
      ['VALVE-20', 200, 9_400],
    ],
  },
  { id: 's-mar-1', seller: 'south', client: 's-krakow-brewery', date: '03-15', lines: [['PUMP-100', 50, 130_000]] },
  { id: 's-mar-late', seller: 'south', client: 's-tarnow-farm', date: '03-30', booked: '04-12', lines: [['PUMP-100', 20, 130_000]] },
  { id: 's-apr-1', seller: 'south', client: 's-krakow-brewery', date: '04-20', lines: [['PUMP-100', 120, 130_000]] },
  { id: 's-may-1', seller: 'south', client: 's-tarnow-farm', date: '05-18', lines: [['PUMP-100', 100, 131_000]] },
  {
    id: 's-jun-1',
    seller: 'south',
    client: 's-krakow-brewery',
    date: '06-10',
    lines: [['VALVE-20', 500, 9_400]],
    correction: { on: '06-12', lines: [['VALVE-20', 450, 9_400]] },
  },
  { id: 's-jul-1', seller: 'south', client: 's-krakow-brewery', date: '07-10', lines: [['PUMP-100', 200, 130_000]] },
  { id: 's-aug-1', seller: 'south', client: 's-tarnow-farm', date: '08-10', lines: [['PUMP-100', 30, 130_000]] },
  { id: 's-sep-1', seller: 'south', client: 's-krakow-brewery', date: '09-10', lines: [['VALVE-20', 300, 9_400]], cancelledOn: '09-20' },
  { id: 's-oct-1', seller: 'south', client: 's-krakow-brewery', date: '10-10', lines: [['PUMP-100', 150, 130_000]] },
  { id: 's-nov-1', seller: 'south', client: 's-tarnow-farm', date: '11-10', lines: [['PUMP-100', 100, 132_000]] },
  { id: 's-dec-1', seller: 'south', client: 's-krakow-brewery', date: '12-05', lines: [['VALVE-20', 100, 9_500]] },

  { id: 'c-mar-1', seller: 'company', client: 'k-gdansk-port', date: '03-12', lines: [['PUMP-100', 10, 139_000]] },
  // south's client: a channel conflict.
  { id: 'c-aug-conflict', seller: 'company', client: 's-tarnow-farm', date: '08-20', lines: [['PUMP-100', 10, 140_000]] },
  // Above the key-account discretion band (floor + 15% = PLN 1 437.50).
  { id: 'c-sep-above', seller: 'company', client: 'k-krakow-metro', date: '09-15', lines: [['PUMP-100', 5, 150_000]] },
];

export const SPECIAL_PRICE = {
  clientId: 'n-sopot-hotel',
  specialPriceId: 'spp-sopot',
  sku: 'PUMP-100',
  unitPrice: pln(119_000),
  validFrom: day('04-01'),
  validTo: day('04-30'),
  reason: 'Hotel refurbishment tender',
  approvedAt: at('04-02', '11:00'),
};

/** Each close: the period and when the company closed it. */
export const CLOSES: Array<{ distributor: DistributorName; period: string; at: string }> = [
  ...Array.from({ length: 12 }, (_, i) => ({
    distributor: 'north' as const,
    period: `${Y}-${String(i + 1).padStart(2, '0')}`,
    at: i === 11 ? nextYear('01-02', '09:00') : at(`${String(i + 2).padStart(2, '0')}-03`, '09:00'),
  })),
  ...['04-03', '07-03', '10-03'].map((md, q) => ({ distributor: 'south' as const, period: `${Y}-Q${q + 1}`, at: at(md, '10:00') })),
  { distributor: 'south', period: `${Y}-Q4`, at: nextYear('01-02', '10:00') },
];

export interface SpendFact {
  spendId: string;
  policy: DistributorName;
  by: Seller;
  amount: number;
  proposed: string;
  approved?: string;
  rejected?: string;
  settled?: { on: string; amount: number };
  /** Refused: more than the balance available when proposed. */
  refused?: true;
}

export const SPENDS: SpendFact[] = [
  {
    spendId: 'sp-n-fair',
    policy: 'north',
    by: 'north',
    amount: 800_000,
    proposed: '02-01',
    approved: '02-03',
    settled: { on: '03-15', amount: 750_000 },
  },
  { spendId: 'sp-n-print', policy: 'north', by: 'company', amount: 500_000, proposed: '05-02', approved: '05-05' },
  { spendId: 'sp-n-radio', policy: 'north', by: 'north', amount: 600_000, proposed: '05-10', refused: true },
  // After the amendment's re-accrual the same amount fits.
  { spendId: 'sp-n-radio-2', policy: 'north', by: 'north', amount: 600_000, proposed: '07-01' },
  {
    spendId: 'sp-s-show',
    policy: 'south',
    by: 'south',
    amount: 1_000_000,
    proposed: '03-01',
    approved: '03-02',
    settled: { on: '04-10', amount: 1_000_000 },
  },
  { spendId: 'sp-s-ads', policy: 'south', by: 'company', amount: 400_000, proposed: '07-01', rejected: '07-03' },
];

/** north's amendment: proposed and signed by the company on 15 June, by north on 20 June, in force from 1 July. */
export const AMENDMENT = { proposedAt: at('06-15', '09:00'), companySignsAt: at('06-15', '09:30'), northSignsAt: at('06-20', '10:00') };

/** When each policy came into force by the second signature (the budget accrues then). */
export const SIGNED = {
  north: { distributor: `${Y - 1}-12-10T10:00:00.000Z`, company: `${Y - 1}-12-11T10:00:00.000Z` },
  south: { distributor: `${Y - 1}-12-12T10:00:00.000Z`, company: `${Y - 1}-12-15T10:00:00.000Z` },
};
