/**
 * The year the report specs read: last year, complete, so that every period has ended and can be
 * closed. Distributors are registered through the API; every other fact is decided by the pure
 * deciders against the stored streams and appended at the instant it happened (see decide.ts).
 *
 *   acme  PL-MZ, PL-MA  monthly plan PLN 100 000.00, from July PLN 120 000.00 (amendment 1),
 *                       retroactive bonus 100% → 2%, 110% → 3%
 *   beta  CZ            quarterly plan PLN 300 000.00, incremental bonus 90% → 1%, 100% → 2%, 110% → 3%
 *   gamma PL-PM         monthly plan PLN 50 000.00, the same incremental tiers
 *
 * beta also sells once to acme's client c-radom (a channel conflict in acme's territory).
 * January, February and March of acme are closed (February after a correction of January, a
 * cancellation, and a sale dated February booked after its close: an adjustment carried by the March
 * close; a sale dated March booked after that close is still pending). Beta's Q1 is closed. The
 * facts are data (SALES, SPENDS, …) so that the specs compute what the reports must say from them.
 */
import { clientDecider, clientStream, type PolicyInForce } from '@cl/domain/client';
import { disputeDecider, disputeStream } from '@cl/domain/dispute';
import { createPolicyDecider, policyStream, type PolicyTerms } from '@cl/domain/policy';
import { sampleQuarterlyTerms, sampleTerms } from '@cl/domain/policy/testing/sample-terms';
import { promotionDecider, promotionStream } from '@cl/domain/promotion';
import {
  saleDecider,
  saleStream,
  specialPriceDecider,
  specialPriceStream,
  type SaleLineInput,
  type SalePolicy,
  type SpecialPriceEvent,
} from '@cl/domain/sales';
import { settlementDecider, settlementStream, settlementTermsFrom } from '@cl/domain/settlement';
import { COMPANY, type Side } from '@cl/domain/shared/sides';
import type { Actor } from '@cl/domain/shared/types';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { TestApp } from '../../testing/test-app';
import { decideAt } from './decide';

export const Y = new Date().getUTCFullYear() - 1;
/** An instant of the scenario's year: `at('03-15')` is 15 March at noon UTC, `at('03-15', '09:00')` at nine. */
export const at = (monthDay: string, time = '12:00') => `${Y}-${monthDay}T${time}:00.000Z`;
export const day = (monthDay: string) => `${Y}-${monthDay}`;
export const pln = (minor: number) => ({ minor, currency: 'PLN' });

export type DistributorName = 'acme' | 'beta' | 'gamma';
export type Seller = DistributorName | 'company';

export const DISTRIBUTORS: Record<DistributorName, { name: string; territories: string[]; user: string }> = {
  acme: { name: 'Acme Distribution', territories: ['PL-MZ', 'PL-MA'], user: 'jan' },
  beta: { name: 'Beta Trade', territories: ['CZ'], user: 'eva' },
  gamma: { name: 'Gamma Baltic', territories: ['PL-PM'], user: 'gus' },
};

export const side = (seller: Seller): Side => (seller === 'company' ? COMPANY : { party: 'distributor', distributorId: seller });
export const actorOf = (who: Seller | 'system'): Actor =>
  who === 'company'
    ? { party: 'company', userId: 'anna' }
    : who === 'system'
      ? { party: 'system', userId: 'report-spec' }
      : { party: 'distributor', userId: DISTRIBUTORS[who].user, distributorId: who };

const INCREMENTAL = {
  mode: 'incremental' as const,
  tiers: [
    { thresholdBp: 9_000, rateBp: 100 },
    { thresholdBp: 10_000, rateBp: 200 },
    { thresholdBp: 11_000, rateBp: 300 },
  ],
};

const monthly = (minorOf: (month: number) => number) => ({
  granularity: 'month' as const,
  periods: Array.from({ length: 12 }, (_, i) => ({ period: `${Y}-${String(i + 1).padStart(2, '0')}`, amount: pln(minorOf(i + 1)) })),
});

/** Each distributor's signed terms, and acme's amendment (version 2, in force from 1 July). */
export const TERMS: Record<DistributorName, PolicyTerms> & { acmeAmended: PolicyTerms } = {
  acme: sampleTerms(Y, { territories: DISTRIBUTORS.acme.territories }),
  acmeAmended: sampleTerms(Y, { territories: DISTRIBUTORS.acme.territories, plan: monthly((m) => (m >= 7 ? 12_000_000 : 10_000_000)) }),
  beta: { ...sampleQuarterlyTerms(Y), territories: DISTRIBUTORS.beta.territories },
  gamma: sampleTerms(Y, { territories: DISTRIBUTORS.gamma.territories, plan: monthly(() => 5_000_000), bonus: INCREMENTAL }),
};

export const policyIdOf = (d: DistributorName) => `${d}-${Y}`;

/** Clients: territory, segment, registered by, claimed by (and when). */
export const CLIENTS = {
  'c-warsaw': { territory: 'PL-MZ', segment: 'industrial', volume: 50_000_000, owner: 'acme', claimedAt: at('01-05') },
  'c-radom': { territory: 'PL-MZ', segment: 'retail', volume: 30_000_000, owner: 'acme', claimedAt: at('01-07') },
  'c-krakow': { territory: 'PL-MA', segment: 'key-account', volume: 150_000_000, owner: 'company', claimedAt: at('01-06') },
  'c-bank': { territory: 'PL-MZ', segment: 'key-account', volume: 200_000_000, owner: 'company', claimedAt: at('01-06', '13:00') },
  'c-brno': { territory: 'CZ', segment: 'retail', volume: 40_000_000, owner: 'beta', claimedAt: at('01-08') },
  'c-gdansk': { territory: 'PL-PM', segment: 'retail', volume: 20_000_000, owner: 'gamma', claimedAt: at('01-09') },
  'c-plock': { territory: 'PL-MZ', segment: 'retail', volume: 10_000_000, owner: 'acme', claimedAt: at('03-03') },
} as const satisfies Record<string, { territory: string; segment: string; volume: number; owner: Seller; claimedAt: string }>;
export type ClientId = keyof typeof CLIENTS;

/** [sku, quantity, unit price in grosze] */
export type Line = [string, number, number];

export interface SaleSpec {
  id: string;
  seller: Seller;
  clientId: ClientId;
  date: string;
  recordedAt: string;
  lines: Line[];
  correction?: { at: string; lines: Line[] };
  cancelledAt?: string;
  /** Below the floor without a special price: recorded as SaleRefused. */
  refused?: true;
}

export const SALES: SaleSpec[] = [
  {
    id: 'acme-jan-1',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('01-15'),
    recordedAt: at('01-15'),
    lines: [
      ['PUMP-100', 60, 130_000],
      ['VALVE-20', 200, 9_500],
    ],
  },
  {
    id: 'acme-jan-2',
    seller: 'acme',
    clientId: 'c-radom',
    date: day('01-20'),
    recordedAt: at('01-20'),
    lines: [['PUMP-100', 10, 132_000]],
    correction: { at: at('02-03', '09:00'), lines: [['PUMP-100', 8, 132_000]] },
  },
  {
    id: 'acme-feb-1',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('02-10'),
    recordedAt: at('02-10'),
    lines: [['PUMP-100', 70, 128_000]],
  },
  {
    id: 'beta-feb-1',
    seller: 'beta',
    clientId: 'c-brno',
    date: day('02-10'),
    recordedAt: at('02-10', '13:00'),
    lines: [['PUMP-100', 200, 130_000]],
  },
  // c-krakow is the company's: a channel conflict.
  {
    id: 'acme-feb-2',
    seller: 'acme',
    clientId: 'c-krakow',
    date: day('02-12'),
    recordedAt: at('02-12'),
    lines: [['PUMP-100', 5, 127_000]],
  },
  {
    id: 'acme-feb-3',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('02-20'),
    recordedAt: at('02-20'),
    lines: [['VALVE-20', 10, 9_000]],
    cancelledAt: at('02-25', '09:00'),
  },
  // Below the floor, allowed by the special price sp-radom.
  {
    id: 'acme-mar-1',
    seller: 'acme',
    clientId: 'c-radom',
    date: day('03-05'),
    recordedAt: at('03-05'),
    lines: [['PUMP-100', 20, 110_000]],
  },
  {
    id: 'acme-mar-2',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('03-10'),
    recordedAt: at('03-10'),
    lines: [['PUMP-100', 70, 130_000]],
  },
  {
    id: 'gamma-mar-1',
    seller: 'gamma',
    clientId: 'c-gdansk',
    date: day('03-11'),
    recordedAt: at('03-11'),
    lines: [['PUMP-100', 40, 126_000]],
  },
  // A key account priced above the company's discretion band (floor + 15% = 1 437.50).
  {
    id: 'company-mar-1',
    seller: 'company',
    clientId: 'c-krakow',
    date: day('03-12'),
    recordedAt: at('03-12'),
    lines: [['PUMP-100', 10, 150_000]],
  },
  {
    id: 'acme-mar-refused',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('03-15'),
    recordedAt: at('03-15'),
    lines: [['PUMP-100', 5, 120_000]],
    refused: true,
  },
  // c-warsaw is acme's: a channel conflict, and 7.52% above acme's March price in PL-MZ.
  {
    id: 'company-mar-2',
    seller: 'company',
    clientId: 'c-warsaw',
    date: day('03-18'),
    recordedAt: at('03-18'),
    lines: [['PUMP-100', 20, 135_000]],
  },
  // Dated February, booked after February was closed: the March close carries the adjustment.
  {
    id: 'acme-feb-late',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('02-27'),
    recordedAt: at('03-20'),
    lines: [['PUMP-100', 10, 130_000]],
  },
  {
    id: 'beta-mar-1',
    seller: 'beta',
    clientId: 'c-brno',
    date: day('03-20'),
    recordedAt: at('03-20', '13:00'),
    lines: [['PUMP-100', 20, 131_000]],
  },
  // c-radom is acme's, in acme's territory: beta sold past it (a channel conflict), at a third price in PL-MZ.
  { id: 'beta-mar-2', seller: 'beta', clientId: 'c-radom', date: day('03-22'), recordedAt: at('03-22'), lines: [['PUMP-100', 5, 129_000]] },
  // Dated March, booked after March was closed: pending until the next close.
  {
    id: 'acme-mar-late',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('03-28'),
    recordedAt: at('04-10'),
    lines: [['VALVE-20', 2, 9_000]],
  },
  {
    id: 'beta-may-1',
    seller: 'beta',
    clientId: 'c-brno',
    date: day('05-10'),
    recordedAt: at('05-10'),
    lines: [['PUMP-100', 250, 132_000]],
  },
  {
    id: 'acme-jul-1',
    seller: 'acme',
    clientId: 'c-warsaw',
    date: day('07-08'),
    recordedAt: at('07-08'),
    lines: [['PUMP-100', 100, 125_000]],
  },
  // 1.6% above acme's July price: within the default tolerance.
  {
    id: 'company-jul-1',
    seller: 'company',
    clientId: 'c-bank',
    date: day('07-15'),
    recordedAt: at('07-15'),
    lines: [['PUMP-100', 10, 127_000]],
  },
];

export const SPECIAL_PRICES = [
  {
    specialPriceId: 'sp-radom',
    clientId: 'c-radom',
    sku: 'PUMP-100',
    unitPrice: 110_000,
    validFrom: day('03-01'),
    validTo: day('03-31'),
    at: at('02-25', '09:00'),
  },
  {
    specialPriceId: 'sp-brno',
    clientId: 'c-brno',
    sku: 'VALVE-20',
    unitPrice: 8_000,
    validFrom: day('04-01'),
    validTo: day('06-30'),
    at: at('03-28', '09:00'),
  },
] as const;

/** Closes, by the company: the period, when, and the terms version that governed at its end. */
export const CLOSES: Array<{ distributor: DistributorName; period: string; at: string }> = [
  { distributor: 'acme', period: `${Y}-01`, at: at('02-05', '09:00') },
  { distributor: 'acme', period: `${Y}-02`, at: at('03-03', '09:00') },
  { distributor: 'acme', period: `${Y}-03`, at: at('04-03', '09:00') },
  { distributor: 'beta', period: `${Y}-Q1`, at: at('04-05', '09:00') },
];

/** acme's promotion spends: proposed by, amount, and what became of them. */
export const SPENDS = [
  {
    spendId: 'spend-fair',
    by: 'acme',
    amount: 500_000,
    proposedAt: at('03-02', '09:00'),
    approvedAt: at('03-04', '09:00'),
    settled: { at: at('03-30', '09:00'), amount: 480_000 },
  },
  { spendId: 'spend-catalogue', by: 'company', amount: 300_000, proposedAt: at('03-10', '09:00'), approvedAt: at('03-12', '09:00') },
  { spendId: 'spend-gadgets', by: 'acme', amount: 100_000, proposedAt: at('03-15', '09:00'), rejectedAt: at('03-16', '09:00') },
  { spendId: 'spend-stand', by: 'acme', amount: 200_000, proposedAt: at('04-02', '09:00') },
] as const satisfies ReadonlyArray<{
  spendId: string;
  by: 'acme' | 'company';
  amount: number;
  proposedAt: string;
  approvedAt?: string;
  rejectedAt?: string;
  settled?: { at: string; amount: number };
}>;

export const TRANSFER_REQUEST = { requestId: 'req-radom', clientId: 'c-radom', at: at('03-08', '09:00') } as const;
export const HAND_OVER = { transferId: 'tr-plock', clientId: 'c-plock', at: at('03-25', '09:00') } as const;
export const DISPUTE = { disputeId: 'dsp-radom-price', at: at('03-16', '10:00') } as const;

export interface MoneyYear {
  /** Authorization headers. */
  auth: Record<'company' | 'compliance' | DistributorName, string>;
}

export async function buildMoneyYear(t: TestApp): Promise<MoneyYear> {
  const auth = {
    company: `Bearer ${await t.token('company', { sub: 'anna' })}`,
    compliance: `Bearer ${await t.token('compliance', { sub: 'auditor' })}`,
    acme: `Bearer ${await t.token('distributor', { distributorId: 'acme', sub: 'jan' })}`,
    beta: `Bearer ${await t.token('distributor', { distributorId: 'beta', sub: 'eva' })}`,
    gamma: `Bearer ${await t.token('distributor', { distributorId: 'gamma', sub: 'gus' })}`,
  };
  for (const [id, d] of Object.entries(DISTRIBUTORS)) {
    const res = await t
      .http()
      .post('/distributors')
      .set('Authorization', auth.company)
      .send({ id, name: d.name, territories: d.territories });
    if (res.status !== 201) throw new Error(`POST /distributors: ${res.status} ${res.text}`);
  }
  await signPolicies(t);
  await t.settled(); // the accrual process accrues each budget as its policy comes into force
  await registerClients(t);
  for (const step of timeline(t).sort((a, b) => a.at.localeCompare(b.at))) await step.run();
  await t.settled(); // … and acme's again after the amendment
  await ensureAccruals(t);
  await t.settled();
  return { auth };
}

const policyDecider = createPolicyDecider();

const policy = (t: TestApp, d: DistributorName, who: Seller, when: string, command: { type: string; data: object }) =>
  decideAt(t, policyStream(policyIdOf(d)), policyDecider, actorOf(who), when, command);

async function signPolicies(t: TestApp): Promise<void> {
  for (const d of Object.keys(DISTRIBUTORS) as DistributorName[]) {
    const policyId = policyIdOf(d);
    await policy(t, d, 'company', `${Y - 1}-12-01T09:00:00.000Z`, {
      type: 'DraftPolicy',
      data: { distributorId: d, year: Y, terms: TERMS[d] },
    });
    const signature = { type: 'SignPolicy', data: { policyId, termsVersion: 1, termsHash: termsHash(TERMS[d]) } };
    await policy(t, d, d, `${Y - 1}-12-10T10:00:00.000Z`, signature);
    await policy(t, d, 'company', `${Y - 1}-12-10T11:00:00.000Z`, signature);
  }
}

/** The accrual process did this already; deciding again records nothing, unless it could not run. */
async function ensureAccruals(t: TestApp): Promise<void> {
  const accrue = (d: DistributorName, termsVersion: number, terms: PolicyTerms, when: string) =>
    decideAt(t, promotionStream(policyIdOf(d)), promotionDecider, actorOf('system'), when, {
      type: 'AccruePromotionBudget',
      data: { policyId: policyIdOf(d), termsVersion, terms },
    });
  for (const d of Object.keys(DISTRIBUTORS) as DistributorName[]) await accrue(d, 1, TERMS[d], `${Y}-01-01T00:00:00.000Z`);
  await accrue('acme', 2, TERMS.acmeAmended, at('06-25', '10:00'));
}

const policyInForce = (d: DistributorName): PolicyInForce => ({
  policyId: policyIdOf(d),
  distributorId: d,
  termsVersion: 1,
  territories: TERMS[d].territories,
  divisionCriteria: TERMS[d].divisionCriteria,
  handOverDays: TERMS[d].handOverDays,
  firstEffectiveFrom: `${Y}-01-01T00:00:00.000Z`,
});

/** The policies in force whose territories hold a territory: what a company claim or sale is judged by. */
const covering = (territory: string): DistributorName[] =>
  (Object.keys(DISTRIBUTORS) as DistributorName[]).filter((d) =>
    DISTRIBUTORS[d].territories.some((t) => territory === t || territory.startsWith(`${t}-`)),
  );

const client = (t: TestApp, clientId: string, who: Seller, when: string, command: { type: string; data: object }) =>
  decideAt(t, clientStream(clientId), clientDecider, actorOf(who), when, command);

async function registerClients(t: TestApp): Promise<void> {
  for (const [clientId, c] of Object.entries(CLIENTS)) {
    const registeredBy: Seller = clientId === 'c-plock' ? 'acme' : 'company';
    const registration = {
      clientId,
      legalName: `${clientId.slice(2)[0].toUpperCase()}${clientId.slice(3)} Industries Sp. z o.o.`,
      taxId: `PL-${clientId}`,
      territory: c.territory,
      segment: c.segment,
      annualVolume: pln(c.volume),
      relationships: [],
    };
    const registeredAt = clientId === 'c-plock' ? at('03-02') : at('01-03');
    await client(t, clientId, registeredBy, registeredAt, { type: 'RegisterClient', data: registration });
    const policies = c.owner === 'company' ? covering(c.territory).map(policyInForce) : [policyInForce(c.owner)];
    await client(t, clientId, c.owner, c.claimedAt, {
      type: 'ClaimClient',
      data: { clientId, policies, disputeId: `dsp-claim-${clientId}` },
    });
  }
}

interface Step {
  at: string;
  run: () => Promise<unknown>;
}

/** Everything else, to be run in the order it happened. */
function timeline(t: TestApp): Step[] {
  return [
    ...SPECIAL_PRICES.map(({ at: when, unitPrice, ...p }) => ({
      at: when,
      run: () =>
        decideAt(t, specialPriceStream(p.clientId), specialPriceDecider, actorOf('company'), when, {
          type: 'ApproveSpecialPrice',
          data: { ...p, unitPrice: pln(unitPrice), reason: `Tender price for ${p.clientId}` },
        }),
    })),
    ...amendmentSteps(t),
    ...SALES.flatMap((s) => saleSteps(t, s)),
    ...CLOSES.map((c) => ({ at: c.at, run: () => close(t, c) })),
    ...SPENDS.flatMap((s) => spendSteps(t, s)),
    {
      at: TRANSFER_REQUEST.at,
      run: () =>
        client(t, TRANSFER_REQUEST.clientId, 'company', TRANSFER_REQUEST.at, {
          type: 'RequestTransfer',
          data: {
            clientId: TRANSFER_REQUEST.clientId,
            requestId: TRANSFER_REQUEST.requestId,
            reason: 'The client asked for a direct contract',
            policy: policyInForce('acme'),
          },
        }),
    },
    {
      at: HAND_OVER.at,
      run: () =>
        client(t, HAND_OVER.clientId, 'acme', HAND_OVER.at, {
          type: 'HandOverClient',
          data: {
            clientId: HAND_OVER.clientId,
            transferId: HAND_OVER.transferId,
            to: COMPANY,
            reason: 'Buys centrally through head office',
          },
        }),
    },
    {
      at: DISPUTE.at,
      run: () =>
        decideAt(t, disputeStream(DISPUTE.disputeId), disputeDecider, actorOf('acme'), DISPUTE.at, {
          type: 'OpenDispute',
          data: {
            disputeId: DISPUTE.disputeId,
            subject: { kind: 'price', sku: 'PUMP-100', clientId: 'c-radom' },
            parties: [side('acme'), COMPANY],
            openedBy: side('acme'),
            summary: 'The company quoted c-radom below our special price',
            origin: { kind: 'direct' },
          },
        }),
    },
  ];
}

/** acme's amendment 1: proposed and signed by the company on 20 June, by acme on 25 June, in force from 1 July. */
function amendmentSteps(t: TestApp): Step[] {
  const policyId = policyIdOf('acme');
  const signature = { type: 'SignAmendment', data: { policyId, amendmentNo: 1, termsHash: termsHash(TERMS.acmeAmended) } };
  const proposal = { type: 'ProposeAmendment', data: { policyId, terms: TERMS.acmeAmended, effectiveFrom: day('07-01') } };
  return [
    { at: at('06-20', '09:00'), run: () => policy(t, 'acme', 'company', at('06-20', '09:00'), proposal) },
    { at: at('06-20', '10:00'), run: () => policy(t, 'acme', 'company', at('06-20', '10:00'), signature) },
    { at: at('06-25', '10:00'), run: () => policy(t, 'acme', 'acme', at('06-25', '10:00'), signature) },
  ];
}

const salePolicy = (d: DistributorName): SalePolicy => ({
  policyId: policyIdOf(d),
  currency: 'PLN',
  priceFloors: TERMS[d].priceFloors,
  discretionBands: TERMS[d].discretionBands,
  granularity: TERMS[d].plan.granularity,
});

const lineInputs = (lines: Line[]): SaleLineInput[] => lines.map(([sku, quantity, unit]) => ({ sku, quantity, unitPrice: pln(unit) }));

async function saleContext(t: TestApp, s: SaleSpec) {
  const c = CLIENTS[s.clientId];
  const specialPrices = (await t.events.readStream(specialPriceStream(s.clientId))).map(
    (e) => ({ type: e.type, data: e.data }) as unknown as SpecialPriceEvent,
  );
  const policies = s.seller === 'company' ? covering(c.territory).map(salePolicy) : [salePolicy(s.seller)];
  return { client: { clientId: s.clientId, territory: c.territory, segment: c.segment, owner: side(c.owner) }, policies, specialPrices };
}

function saleSteps(t: TestApp, s: SaleSpec): Step[] {
  const sale = (when: string, command: { type: string; data: object }) =>
    decideAt(t, saleStream(s.id), saleDecider, actorOf(s.seller), when, command);
  const steps: Step[] = [
    {
      at: s.recordedAt,
      run: async () =>
        sale(s.recordedAt, {
          type: 'RecordSale',
          data: {
            saleId: s.id,
            clientId: s.clientId,
            date: s.date,
            currency: 'PLN',
            lines: lineInputs(s.lines),
            sale: await saleContext(t, s),
          },
        }),
    },
  ];
  const { correction, cancelledAt } = s;
  if (correction) {
    steps.push({
      at: correction.at,
      run: async () =>
        sale(correction.at, {
          type: 'CorrectSale',
          data: { saleId: s.id, lines: lineInputs(correction.lines), reason: 'Delivery note', sale: await saleContext(t, s) },
        }),
    });
  }
  if (cancelledAt)
    steps.push({ at: cancelledAt, run: () => sale(cancelledAt, { type: 'CancelSale', data: { saleId: s.id, reason: 'Returned' } }) });
  return steps;
}

/** The actuals a close is given, as the close handler reads them: the net sales of every period so far, from the sales appended before it. */
async function close(t: TestApp, c: (typeof CLOSES)[number]): Promise<void> {
  const policyId = policyIdOf(c.distributor);
  const actuals = Object.fromEntries([...netByPeriod(c.distributor, c.at)].map(([period, minor]) => [period, pln(minor)]));
  await decideAt(t, settlementStream(policyId), settlementDecider, actorOf('company'), c.at, {
    type: 'ClosePeriod',
    data: {
      policyId,
      period: c.period,
      terms: settlementTermsFrom(Y, 1, TERMS[c.distributor]),
      actuals,
      salesUpToPosition: await t.events.headPosition(),
    },
  });
}

/** Σ net sale totals per plan period of a distributor's sales booked before `asOf`. */
export function netByPeriod(d: DistributorName, asOf = '9999'): Map<string, number> {
  const sums = new Map<string, number>();
  for (const s of SALES.filter((x) => x.seller === d && x.recordedAt < asOf)) {
    const period = periodOf(d, s.date);
    sums.set(period, (sums.get(period) ?? 0) + netTotal(s, asOf));
  }
  return sums;
}

/** A sale's lines as they stand at `asOf`: refused and cancelled sales count nothing, a correction replaces the lines. */
export function netLines(s: SaleSpec, asOf = '9999'): Line[] {
  if (s.refused || (s.cancelledAt && s.cancelledAt < asOf)) return [];
  return s.correction && s.correction.at < asOf ? s.correction.lines : s.lines;
}

export const netTotal = (s: SaleSpec, asOf = '9999'): number => netLines(s, asOf).reduce((sum, [, q, unit]) => sum + q * unit, 0);

/** The plan period of a date: acme and gamma plan by month, beta by quarter. */
export function periodOf(d: DistributorName, date: string): string {
  const month = Number(date.slice(5, 7));
  return d === 'beta' ? `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}` : date.slice(0, 7);
}

function spendSteps(t: TestApp, s: (typeof SPENDS)[number]): Step[] {
  const policyId = policyIdOf('acme');
  const other: Seller = s.by === 'acme' ? 'company' : 'acme';
  const ledger = (who: Seller, when: string, type: string, data: object) =>
    decideAt(t, promotionStream(policyId), promotionDecider, actorOf(who), when, { type, data: { policyId, spendId: s.spendId, ...data } });
  const steps: Step[] = [
    {
      at: s.proposedAt,
      run: () =>
        ledger(s.by, s.proposedAt, 'ProposeSpend', {
          activity: `Activity ${s.spendId}`,
          amount: pln(s.amount),
          evidenceRef: `doc://quotes/${s.spendId}`,
        }),
    },
  ];
  if ('approvedAt' in s) steps.push({ at: s.approvedAt, run: () => ledger(other, s.approvedAt, 'ApproveSpend', {}) });
  if ('rejectedAt' in s)
    steps.push({ at: s.rejectedAt, run: () => ledger(other, s.rejectedAt, 'RejectSpend', { reason: 'Not in the channel plan' }) });
  if ('settled' in s) {
    const { settled } = s;
    steps.push({
      at: settled.at,
      run: () => ledger(s.by, settled.at, 'SettleSpend', { proofRef: `doc://invoices/${s.spendId}`, amount: pln(settled.amount) }),
    });
  }
  return steps;
}
