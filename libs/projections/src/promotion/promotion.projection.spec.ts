import type { Money } from '@cl/domain/policy/terms';
import { promotionStream, type PartyActor, type PromotionEvent } from '@cl/domain/promotion/events';
import { replayed } from '../clients/testing/fixtures';
import type { ProjectedEvent } from '../projection';
import { asProjected, tempReadStore, type TempReadStore } from '../testing/project-events';
import { budgetTotals, budgetView } from './budget-totals';
import {
  PROMOTION_BUDGETS,
  PROMOTION_SPENDS,
  promotionProjection,
  type PromotionBudgetDoc,
  type PromotionSpendDoc,
} from './promotion.projection';

const POLICY_ID = 'acme-pl-2026';
const pln = (minor: number): Money => ({ minor, currency: 'PLN' });
const JAN: PartyActor = { party: 'distributor', userId: 'jan' };
const CEO: PartyActor = { party: 'company', userId: 'ceo' };

const accrued = (termsVersion: number, total: number, previous: number, accruedAt: string): PromotionEvent => ({
  type: 'PromotionBudgetAccrued',
  data: {
    policyId: POLICY_ID,
    termsVersion,
    plannedAnnual: pln(total * 100),
    budgetBp: 100,
    total: pln(total),
    company: pln(total / 2),
    distributor: pln(total / 2),
    delta: pln(total - previous),
    accruedAt,
  },
});

const proposed = (spendId: string, amount: number, proposedBy = JAN): PromotionEvent => ({
  type: 'PromotionSpendProposed',
  data: {
    policyId: POLICY_ID,
    spendId,
    proposedBy,
    activity: `fair stand ${spendId}`,
    amount: pln(amount),
    evidenceRef: `doc://${spendId}`,
    proposedAt: '2026-02-01T09:00:00.000Z',
  },
});
const approved = (spendId: string): PromotionEvent => ({
  type: 'PromotionSpendApproved',
  data: { policyId: POLICY_ID, spendId, approvedBy: CEO, approvedAt: '2026-02-02T09:00:00.000Z' },
});
const rejected = (spendId: string): PromotionEvent => ({
  type: 'PromotionSpendRejected',
  data: { policyId: POLICY_ID, spendId, rejectedBy: CEO, reason: 'not in the plan', rejectedAt: '2026-02-02T10:00:00.000Z' },
});
const settled = (spendId: string, amount: number): PromotionEvent => ({
  type: 'PromotionSpendSettled',
  data: {
    policyId: POLICY_ID,
    spendId,
    settledBy: JAN,
    proofRef: `doc://${spendId}/invoice`,
    amount: pln(amount),
    settledAt: '2026-03-01T09:00:00.000Z',
  },
});

/**
 * 1 000 000 accrued, raised to 1 200 000 by an amendment; spend: p-1 proposed, p-2 approved, p-3
 * rejected, p-4 settled for less than approved.
 */
const ledger = (): ProjectedEvent[] =>
  asProjected(
    [
      accrued(1, 1_000_000, 0, '2026-01-01T00:00:00.000Z'),
      proposed('p-1', 100_000),
      proposed('p-2', 200_000, CEO),
      approved('p-2'),
      proposed('p-3', 50_000),
      rejected('p-3'),
      proposed('p-4', 300_000),
      approved('p-4'),
      settled('p-4', 280_000),
      accrued(3, 1_200_000, 1_000_000, '2026-04-01T00:00:00.000Z'),
    ].map((event) => ({ stream: promotionStream(POLICY_ID), event })),
  );

describe('promotion projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function applied(events: ProjectedEvent[]) {
    await reads.apply(promotionProjection, events);
    const budget = (await reads.store.findOne<PromotionBudgetDoc>(PROMOTION_BUDGETS, { _id: POLICY_ID }))!;
    const spends = await reads.store.find<PromotionSpendDoc>(PROMOTION_SPENDS, { policyId: POLICY_ID }, { sort: { _id: 1 } });
    return { budget, spends };
  }

  it('keeps what accrued and each accrual, and the ledger’s revision', async () => {
    const events = ledger();
    const { budget } = await applied(events);
    expect(budget).toEqual({
      _id: POLICY_ID,
      policyId: POLICY_ID,
      distributorId: 'acme-pl',
      currency: 'PLN',
      accrued: { total: 1_200_000, company: 600_000, distributor: 600_000 },
      accruals: [
        {
          termsVersion: 1,
          budgetBp: 100,
          plannedAnnualMinor: 100_000_000,
          total: 1_000_000,
          company: 500_000,
          distributor: 500_000,
          delta: 1_000_000,
          at: '2026-01-01T00:00:00.000Z',
        },
        {
          termsVersion: 3,
          budgetBp: 100,
          plannedAnnualMinor: 120_000_000,
          total: 1_200_000,
          company: 600_000,
          distributor: 600_000,
          delta: 200_000,
          at: '2026-04-01T00:00:00.000Z',
        },
      ],
      revision: 9,
      updatedAt: events[9].metadata.recordedAt,
    });
  });

  it('follows each spend from proposal to its answer and settlement', async () => {
    const { spends } = await applied(ledger());
    expect(spends.map((s) => [s._id, s.status])).toEqual([
      ['p-1', 'proposed'],
      ['p-2', 'approved'],
      ['p-3', 'rejected'],
      ['p-4', 'settled'],
    ]);
    expect(spends[0]).toEqual({
      _id: 'p-1',
      policyId: POLICY_ID,
      distributorId: 'acme-pl',
      proposedBy: JAN,
      activity: 'fair stand p-1',
      amount: pln(100_000),
      evidenceRef: 'doc://p-1',
      status: 'proposed',
      proposedAt: '2026-02-01T09:00:00.000Z',
      revision: 1,
      updatedAt: expect.any(String),
    });
    expect(spends[2]).toMatchObject({ rejectedBy: CEO, reason: 'not in the plan', rejectedAt: '2026-02-02T10:00:00.000Z', revision: 5 });
    expect(spends[3]).toMatchObject({
      amount: pln(300_000),
      approvedBy: CEO,
      settledBy: JAN,
      settledAmount: pln(280_000),
      proofRef: 'doc://p-4/invoice',
      settledAt: '2026-03-01T09:00:00.000Z',
      revision: 8,
    });
  });

  it('sums the budget from the spends: committed, settled and the balance left', async () => {
    const { budget, spends } = await applied(ledger());
    expect(budgetView(budget, spends)).toEqual({
      accruedMinor: 1_200_000,
      proposedMinor: 100_000,
      approvedMinor: 200_000,
      committedMinor: 300_000,
      settledMinor: 280_000,
      spendCount: 4,
      balanceMinor: 620_000,
    });
  });

  it('moves the committed amounts as spends are answered', async () => {
    const events = ledger();
    expect(budgetTotals((await applied(events.slice(0, 3))).spends)).toMatchObject({ proposedMinor: 300_000, approvedMinor: 0 });
    expect(budgetTotals((await applied(events.slice(3, 4))).spends)).toMatchObject({ proposedMinor: 100_000, approvedMinor: 200_000 });
  });

  it('reads the same after the same events are applied again', async () => {
    const events = ledger();
    const first = await applied(events);
    expect(await applied(replayed(events))).toEqual(first);
  });
});
