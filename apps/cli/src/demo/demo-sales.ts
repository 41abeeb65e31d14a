/**
 * The demo year's sales. Each distributor books two routine sales a month sized to an attainment of
 * its plan that varies over the year; the company sells directly to its key accounts. Then the cases
 * the reports exist for: a sale refused below the floor and the special price that later allows it,
 * a correction, a cancellation, a sale booked after its period was closed, and channel conflicts.
 */
import { clientsClaimedBy, type SideName } from './demo-cast';

/** [sku, quantity, unit price in grosze] */
export type Line = [string, number, number];

export interface DemoSale {
  id: string;
  seller: SideName;
  clientId: string;
  /** MM-DD of the sale. */
  date: string;
  /** MM-DD it was booked, when not on the day of the sale. */
  bookedOn?: string;
  lines: Line[];
  correction?: { on: string; lines: Line[]; reason: string };
  cancellation?: { on: string; reason: string };
  /** Below the floor with no special price: refused, and the refusal recorded. */
  refused?: true;
}

/** Attainment of the monthly plan, in %, that each month's routine sales are sized to. */
const ACME_ATTAINMENT = [96, 104, 112, 99, 107, 115, 101, 108, 95, 111, 103, 118];
const BALTIC_ATTAINMENT = [88, 93, 97, 105, 112, 108, 90, 86, 94, 118, 121, 110];

const VALVES = 150;

const mm = (month: number) => String(month).padStart(2, '0');

/**
 * Two sales sized to `target` (grosze): pumps split between two clients, and a batch of valves.
 * `prices` are the two pump prices and the valve price the distributor charged that month.
 */
function routine(
  seller: SideName,
  month: number,
  target: number,
  clients: string[],
  days: [string, string],
  prices: [number, number, number],
): DemoSale[] {
  const [pumpA, pumpB, valve] = prices;
  const pumps = Math.round((target - VALVES * valve) / ((pumpA + pumpB) / 2));
  const first = Math.ceil(pumps / 2);
  const pick = (k: number) => clients[(2 * (month - 1) + k) % clients.length];
  return [
    { id: `${seller}-${mm(month)}-a`, seller, clientId: pick(0), date: `${mm(month)}-${days[0]}`, lines: [['PUMP-100', first, pumpA]] },
    {
      id: `${seller}-${mm(month)}-b`,
      seller,
      clientId: pick(1),
      date: `${mm(month)}-${days[1]}`,
      lines: [
        ['PUMP-100', pumps - first, pumpB],
        ['VALVE-20', VALVES, valve],
      ],
    },
  ];
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/** acme's plan: PLN 100 000.00 a month, PLN 120 000.00 from July. */
const acmePlan = (month: number) => (month <= 6 ? 10_000_000 : 12_000_000);

const acmeRoutine = () =>
  months.flatMap((m) =>
    routine('acme', m, (acmePlan(m) * ACME_ATTAINMENT[m - 1]) / 100, clientsClaimedBy('acme'), ['08', '19'], [131_000, 129_500, 9_450]),
  );

const balticRoutine = () =>
  months.flatMap((m) =>
    routine(
      'baltic',
      m,
      (10_000_000 * BALTIC_ATTAINMENT[m - 1]) / 100,
      clientsClaimedBy('baltic'),
      ['11', '24'],
      [130_500, 128_800, 9_300],
    ),
  );

/**
 * The company's direct sales: its key accounts every month, Łódź every quarter (no distributor there).
 * In Masovia it charged 6–7% more than acme until the non-discrimination review of June, then within 2%.
 */
const companyRoutine = (): DemoSale[] =>
  months.flatMap((m) => [
    {
      id: `company-${mm(m)}-mz`,
      seller: 'company',
      clientId: 'c-mazowsze-water',
      date: `${mm(m)}-14`,
      lines: [['PUMP-100', 12, m <= 6 ? 139_000 : 132_000]],
    },
    {
      id: `company-${mm(m)}-pm`,
      seller: 'company',
      clientId: 'c-gdansk-shipyard',
      date: `${mm(m)}-21`,
      lines: [
        ['PUMP-100', 15, 138_000],
        ['VALVE-20', 100, 9_800],
      ],
    },
    ...(m % 3 === 2
      ? [
          {
            id: `company-${mm(m)}-ld`,
            seller: 'company' as const,
            clientId: 'c-lodz-textiles',
            date: `${mm(m)}-26`,
            lines: [['PUMP-100', 8, 136_000]] as Line[],
          },
        ]
      : []),
  ]);

/** The sales the reports exist for. */
export const NOTABLE_SALES: DemoSale[] = [
  // Below the floor of PLN 1 250.00 with no special price: refused, on record for compliance.
  {
    id: 'acme-radom-tender-try',
    seller: 'acme',
    clientId: 'c-radom-agro',
    date: '03-10',
    lines: [['PUMP-100', 20, 115_000]],
    refused: true,
  },
  // Dated in March, booked after baltic's first quarter was closed: the next close adjusts Q1.
  {
    id: 'baltic-police-late',
    seller: 'baltic',
    clientId: 'c-police-fertilizers',
    date: '03-28',
    bookedOn: '04-10',
    lines: [['PUMP-100', 6, 130_000]],
  },
  // The same tender price, now allowed by the special price approved on 2 April.
  { id: 'acme-radom-tender', seller: 'acme', clientId: 'c-radom-agro', date: '04-15', lines: [['PUMP-100', 20, 115_000]] },
  {
    id: 'acme-tarnow-may',
    seller: 'acme',
    clientId: 'c-tarnow-chem',
    date: '05-12',
    lines: [['PUMP-100', 12, 131_000]],
    correction: { on: '05-14', lines: [['PUMP-100', 10, 131_000]], reason: 'Delivery note: 2 pumps back-ordered to June' },
  },
  {
    id: 'baltic-sopot-may',
    seller: 'baltic',
    clientId: 'c-sopot-spa',
    date: '05-08',
    lines: [['VALVE-20', 80, 9_300]],
    cancellation: { on: '05-20', reason: 'Order withdrawn by the client before delivery' },
  },
  // acme's client: the company selling to it directly is a channel conflict.
  { id: 'company-hvac-june', seller: 'company', clientId: 'c-warsaw-hvac', date: '06-18', lines: [['PUMP-100', 4, 135_000]] },
  // acme owned the hospital from March to September (see the ownership story).
  { id: 'acme-hospital-june', seller: 'acme', clientId: 'c-krakow-hospital', date: '06-25', lines: [['PUMP-100', 6, 132_000]] },
  // Above the company's discretion band for key accounts (floor + 15% = PLN 1 437.50): recorded, reported.
  { id: 'company-heating-aug', seller: 'company', clientId: 'c-krakow-heating', date: '08-12', lines: [['PUMP-100', 10, 148_000]] },
  // The hospital is the company's again since 30 September: acme's spare parts are a channel conflict.
  { id: 'acme-hospital-nov', seller: 'acme', clientId: 'c-krakow-hospital', date: '11-05', lines: [['VALVE-20', 40, 9_600]] },
];

export const demoSales = (): DemoSale[] => [...acmeRoutine(), ...balticRoutine(), ...companyRoutine(), ...NOTABLE_SALES];
