/**
 * Drives the money year's facts through the command layer (the messages the controllers send) on a
 * simulated clock, in the order they happened. What the ledger checks of each command: its events are
 * in the log, attributed to the acting party and recorded at the simulated instant.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal';
import { termsHash } from '@cl/projections/policies/terms-hash';
import type { SaleLineInput } from '@cl/domain/sales';
import { chronological, expectRecorded, expectRefused, step, type Step } from '../../../../cli/src/demo/demo-steps';
import { SimulatedLedger } from '../../../../cli/src/demo/simulated-ledger';
import type { TestApp } from '../../testing/test-app';
import {
  AMENDMENT,
  at,
  CLIENTS,
  CLOSES,
  nextYear,
  day,
  pln,
  SALES,
  SIGNED,
  SPECIAL_PRICE,
  SPENDS,
  TERMS,
  TERRITORY,
  Y,
  type DistributorName,
  type Line,
  type SaleFact,
  type Seller,
  type SpendFact,
} from './year-facts';

export const ACTORS: Record<Seller | 'compliance', Principal> = {
  company: { party: 'company', userId: 'anna' },
  north: { party: 'distributor', userId: 'nina', distributorId: 'north' },
  south: { party: 'distributor', userId: 'stan', distributorId: 'south' },
  compliance: { party: 'compliance', userId: 'carl' },
};

const SYSTEM = { party: 'system', userId: 'policy-expiry' } as const;
const NAMES: DistributorName[] = ['north', 'south'];

export const policyIdOf = (d: DistributorName) => `${d}-${Y}`;

/** Runs the whole year; answers the ledger (how many commands ran and recorded what). */
export async function driveYear(t: TestApp): Promise<SimulatedLedger> {
  const ledger = new SimulatedLedger(t.app);
  const steps = [
    ...agreements(),
    ...clients(),
    ...SALES.flatMap(saleSteps),
    specialPrice(),
    ...SPENDS.flatMap(spendSteps),
    ...closes(),
    ...expiries(),
  ];
  for (const s of chronological(steps)) await s.run(ledger);
  await ledger.settled();
  return ledger;
}

function agreements(): Step[] {
  const draftedOn = `${Y - 1}-12-01T10:00:00.000Z`;
  return [
    ...NAMES.map((d) =>
      step(`${Y - 1}-11-20T10:00:00.000Z`, (l, when) =>
        l.distributor(when, ACTORS.company, {
          type: 'RegisterDistributor',
          data: { distributorId: d, name: `${d} distribution`, territories: [TERRITORY[d]] },
        }),
      ),
    ),
    ...NAMES.flatMap((d) => {
      const signature = { type: 'SignPolicy', data: { policyId: policyIdOf(d), termsVersion: 1, termsHash: termsHash(TERMS[d]) } } as const;
      return [
        step(draftedOn, (l, when) =>
          l.policy(when, ACTORS.company, { type: 'DraftPolicy', data: { distributorId: d, year: Y, terms: TERMS[d] } }),
        ),
        step(SIGNED[d].distributor, (l, when) => l.policy(when, ACTORS[d], signature)),
        step(SIGNED[d].company, async (l, when) => expectRecorded(await l.policy(when, ACTORS.company, signature), 'PolicyCameIntoForce')),
      ];
    }),
    ...amendment(),
  ];
}

function amendment(): Step[] {
  const policyId = policyIdOf('north');
  const signature = { type: 'SignAmendment', data: { policyId, amendmentNo: 1, termsHash: termsHash(TERMS.northAmended) } } as const;
  return [
    step(AMENDMENT.proposedAt, (l, when) =>
      l.policy(when, ACTORS.company, {
        type: 'ProposeAmendment',
        data: { policyId, terms: TERMS.northAmended, effectiveFrom: day('07-01') },
      }),
    ),
    step(AMENDMENT.companySignsAt, (l, when) => l.policy(when, ACTORS.company, signature)),
    step(AMENDMENT.northSignsAt, async (l, when) => expectRecorded(await l.policy(when, ACTORS.north, signature), 'PolicyAmended')),
  ];
}

function clients(): Step[] {
  return CLIENTS.flatMap(([clientId, territory, segment, volume, owner], i) => [
    step(at('01-05', `09:${String(10 + i)}`), (l, when) =>
      l.client(when, ACTORS.company, {
        type: 'RegisterClient',
        data: {
          clientId,
          legalName: `${clientId} Sp. z o.o.`,
          taxId: `PL77700000${10 + i}`,
          territory,
          segment,
          annualVolume: pln(volume),
          relationships: [],
        },
      }),
    ),
    step(at('01-06', `09:${String(10 + i)}`), async (l, when) =>
      expectRecorded(
        await l.client(when, ACTORS[owner], { type: 'ClaimClient', data: { clientId, policies: [], disputeId: randomUUID() } }),
        'ClientClaimed',
      ),
    ),
  ]);
}

const linesOf = (lines: Line[]): SaleLineInput[] => lines.map(([sku, quantity, unit]) => ({ sku, quantity, unitPrice: pln(unit) }));
const NO_CONTEXT = { client: null, policies: [], specialPrices: [] };

function saleSteps(s: SaleFact): Step[] {
  const seller = ACTORS[s.seller];
  const record = { saleId: s.id, clientId: s.client, date: day(s.date), currency: 'PLN', lines: linesOf(s.lines), sale: NO_CONTEXT };
  const { correction, cancelledOn } = s;
  return [
    step(at(s.booked ?? s.date), async (l, when) =>
      expectRecorded(await l.sale(when, seller, { type: 'RecordSale', data: record }), s.refused ? 'SaleRefused' : 'SaleRecorded'),
    ),
    ...(correction
      ? [
          step(at(correction.on, '16:30'), async (l, when) =>
            expectRecorded(
              await l.sale(when, seller, {
                type: 'CorrectSale',
                data: { saleId: s.id, lines: linesOf(correction.lines), reason: 'Delivery note', sale: NO_CONTEXT },
              }),
              'SaleCorrected',
            ),
          ),
        ]
      : []),
    ...(cancelledOn
      ? [
          step(at(cancelledOn, '16:45'), (l, when) =>
            l.sale(when, seller, { type: 'CancelSale', data: { saleId: s.id, reason: 'Returned unused' } }),
          ),
        ]
      : []),
  ];
}

function specialPrice(): Step {
  const { approvedAt, ...data } = SPECIAL_PRICE;
  return step(approvedAt, (l, when) => l.specialPrice(when, ACTORS.company, { type: 'ApproveSpecialPrice', data }));
}

function spendSteps(s: SpendFact): Step[] {
  const policyId = policyIdOf(s.policy);
  const proposer = ACTORS[s.by];
  const other = ACTORS[s.by === 'company' ? s.policy : 'company'];
  const { spendId, approved, rejected, settled } = s;
  const propose = (l: SimulatedLedger, when: string) =>
    l.promotion(when, proposer, {
      type: 'ProposeSpend',
      data: { policyId, spendId, activity: `Activity ${spendId}`, amount: pln(s.amount), evidenceRef: `doc://quotes/${spendId}` },
    });
  return [
    step(at(s.proposed, '09:00'), (l, when) =>
      s.refused ? expectRefused('PROMOTION.INSUFFICIENT_BALANCE', propose(l, when)) : propose(l, when),
    ),
    ...(approved
      ? [step(at(approved, '09:00'), (l, when) => l.promotion(when, other, { type: 'ApproveSpend', data: { policyId, spendId } }))]
      : []),
    ...(rejected
      ? [
          step(at(rejected, '09:00'), (l, when) =>
            l.promotion(when, other, { type: 'RejectSpend', data: { policyId, spendId, reason: 'Not in the plan' } }),
          ),
        ]
      : []),
    ...(settled
      ? [
          step(at(settled.on, '09:00'), (l, when) =>
            l.promotion(when, proposer, {
              type: 'SettleSpend',
              data: { policyId, spendId, proofRef: `doc://invoices/${spendId}`, amount: pln(settled.amount) },
            }),
          ),
        ]
      : []),
  ];
}

const closes = (): Step[] =>
  CLOSES.map((c) => step(c.at, (l, when) => l.closePeriod(when, ACTORS.company, policyIdOf(c.distributor), c.period)));

const expiries = (): Step[] =>
  NAMES.map((d) =>
    step(nextYear('01-01', '00:05'), (l, when) => l.policy(when, SYSTEM, { type: 'ExpirePolicy', data: { policyId: policyIdOf(d) } })),
  );
