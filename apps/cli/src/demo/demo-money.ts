/**
 * The money: every sale (with its correction or cancellation), the special price, the promotion
 * ledgers of both policies, and the period closes — acme's months on the 3rd of the next month,
 * baltic's quarters on the 3rd of the next quarter, the last ones on 2 January.
 */
import type { SaleLineInput } from '@cl/domain/sales';
import { actorFor, PEOPLE, pln, policyIdOf, type DistributorName } from './demo-cast';
import { demoSales, type DemoSale, type Line } from './demo-sales';
import { expectRecorded, expectRefused, step, type Step, type YearClock } from './demo-steps';

export const SPECIAL_PRICE = { specialPriceId: 'spp-radom-tender', clientId: 'c-radom-agro', sku: 'PUMP-100', unitMinor: 115_000 };

export const moneySteps = (y: YearClock): Step[] => [
  ...demoSales().flatMap((s) => saleSteps(y, s)),
  step(y.at('04-02', '11:00'), (l, at) =>
    l.specialPrice(at, PEOPLE.anna, {
      type: 'ApproveSpecialPrice',
      data: {
        ...SPECIAL_PRICE,
        unitPrice: pln(SPECIAL_PRICE.unitMinor),
        validFrom: y.day('04-01'),
        validTo: y.day('06-30'),
        reason: 'Irrigation tender of Agro-Radom: 20 pumps at the tender price',
      },
    }),
  ),
  ...promotionSteps(y),
  ...closeSteps(y),
];

const linesOf = (lines: Line[]): SaleLineInput[] => lines.map(([sku, quantity, unit]) => ({ sku, quantity, unitPrice: pln(unit) }));

const NO_CONTEXT = { client: null, policies: [], specialPrices: [] };

function saleSteps(y: YearClock, s: DemoSale): Step[] {
  const seller = actorFor(s.seller);
  const record = { saleId: s.id, clientId: s.clientId, date: y.day(s.date), currency: 'PLN', lines: linesOf(s.lines), sale: NO_CONTEXT };
  const steps = [
    step(y.at(s.bookedOn ?? s.date, '16:00'), async (l, at) =>
      expectRecorded(await l.sale(at, seller, { type: 'RecordSale', data: record }), s.refused ? 'SaleRefused' : 'SaleRecorded'),
    ),
  ];
  const { correction, cancellation } = s;
  if (correction) {
    steps.push(
      step(y.at(correction.on, '16:30'), (l, at) =>
        l.sale(at, seller, {
          type: 'CorrectSale',
          data: { saleId: s.id, lines: linesOf(correction.lines), reason: correction.reason, sale: NO_CONTEXT },
        }),
      ),
    );
  }
  if (cancellation) {
    steps.push(
      step(y.at(cancellation.on, '16:30'), (l, at) =>
        l.sale(at, seller, { type: 'CancelSale', data: { saleId: s.id, reason: cancellation.reason } }),
      ),
    );
  }
  return steps;
}

/** A promotion spend: proposed on a day (MM-DD), then approved (and perhaps settled, for what was actually spent) or rejected. */
interface Spend {
  spendId: string;
  policy: DistributorName;
  by: 'company' | DistributorName;
  proposed: string;
  activity: string;
  amount: number;
  approved?: string;
  settled?: { on: string; amount: number };
  rejected?: string;
}

export const SPENDS: Spend[] = [
  {
    spendId: 'sp-instalexpo',
    policy: 'acme',
    by: 'acme',
    proposed: '03-01',
    activity: 'InstalExpo Warsaw: trade fair stand',
    amount: 600_000,
    approved: '03-04',
    settled: { on: '04-20', amount: 580_000 },
  },
  {
    spendId: 'sp-catalogue',
    policy: 'acme',
    by: 'company',
    proposed: '06-02',
    activity: 'Pump catalogue, Acme edition: print run',
    amount: 400_000,
    approved: '06-05',
    settled: { on: '07-10', amount: 400_000 },
  },
  {
    spendId: 'sp-training',
    policy: 'acme',
    by: 'acme',
    proposed: '09-09',
    activity: 'Installer training days in Warsaw and Kraków',
    amount: 800_000,
    approved: '09-12',
  },
  {
    spendId: 'sp-boat-show',
    policy: 'baltic',
    by: 'baltic',
    proposed: '02-10',
    activity: 'Gdańsk boat show: stand and demo rig',
    amount: 750_000,
    approved: '02-12',
    settled: { on: '05-30', amount: 750_000 },
  },
  {
    spendId: 'sp-online-ads',
    policy: 'baltic',
    by: 'company',
    proposed: '08-01',
    activity: 'Online ads, Pomerania',
    amount: 300_000,
    rejected: '08-04',
  },
  { spendId: 'sp-customer-day', policy: 'baltic', by: 'baltic', proposed: '10-01', activity: 'Customer day in Szczecin', amount: 500_000 },
];

/** acme's radio campaign: more than the PLN 10 000.00 left after the amendment's re-accrual — refused. */
const REFUSED_SPEND = { spendId: 'sp-radio', activity: 'Regional radio campaign', amount: 1_200_000, proposed: '09-08' };

function promotionSteps(y: YearClock): Step[] {
  const acme = policyIdOf('acme', y.year);
  return [
    ...SPENDS.flatMap((s) => spendSteps(y, s)),
    step(y.at(REFUSED_SPEND.proposed, '09:00'), (l, at) =>
      expectRefused(
        'PROMOTION.INSUFFICIENT_BALANCE',
        l.promotion(at, PEOPLE.jan, {
          type: 'ProposeSpend',
          data: {
            policyId: acme,
            spendId: REFUSED_SPEND.spendId,
            activity: REFUSED_SPEND.activity,
            amount: pln(REFUSED_SPEND.amount),
            evidenceRef: 'doc://quotes/radio',
          },
        }),
      ),
    ),
  ];
}

function spendSteps(y: YearClock, s: Spend): Step[] {
  const policyId = policyIdOf(s.policy, y.year);
  const proposer = actorFor(s.by);
  const other = actorFor(s.by === 'company' ? s.policy : 'company');
  const { spendId, approved, settled, rejected } = s;
  const steps = [
    step(y.at(s.proposed, '09:00'), (l, at) =>
      l.promotion(at, proposer, {
        type: 'ProposeSpend',
        data: { policyId, spendId, activity: s.activity, amount: pln(s.amount), evidenceRef: `doc://quotes/${spendId}` },
      }),
    ),
  ];
  if (approved)
    steps.push(step(y.at(approved, '09:00'), (l, at) => l.promotion(at, other, { type: 'ApproveSpend', data: { policyId, spendId } })));
  if (rejected) {
    steps.push(
      step(y.at(rejected, '09:00'), (l, at) =>
        l.promotion(at, other, { type: 'RejectSpend', data: { policyId, spendId, reason: 'We run our own online campaign' } }),
      ),
    );
  }
  if (settled) {
    steps.push(
      step(y.at(settled.on, '09:00'), (l, at) =>
        l.promotion(at, proposer, {
          type: 'SettleSpend',
          data: { policyId, spendId, proofRef: `doc://invoices/${spendId}`, amount: pln(settled.amount) },
        }),
      ),
    );
  }
  return steps;
}

/** acme's months and baltic's quarters, each closed by the company once it has ended. */
function closeSteps(y: YearClock): Step[] {
  const month = (m: number) => `${y.year}-${String(m).padStart(2, '0')}`;
  const nextMonth = (m: number) => (m === 12 ? y.after('01-02', '09:00') : y.at(`${String(m + 1).padStart(2, '0')}-03`, '09:00'));
  const acme = Array.from({ length: 12 }, (_, i) => i + 1).map((m) =>
    step(nextMonth(m), (l, at) => l.closePeriod(at, PEOPLE.anna, policyIdOf('acme', y.year), month(m))),
  );
  const quarterEnds = ['04-03', '07-03', '10-03'].map((md) => y.at(md, '10:00')).concat(y.after('01-02', '10:00'));
  const baltic = quarterEnds.map((at, q) =>
    step(at, (l) => l.closePeriod(at, PEOPLE.anna, policyIdOf('baltic', y.year), `${y.year}-Q${q + 1}`)),
  );
  return [...acme, ...baltic];
}
