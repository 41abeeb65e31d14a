import type { Money } from '@cl/domain/policy/terms';
import { settlementStream, type PeriodAdjustment, type PeriodClosed } from '@cl/domain/settlement/events';
import { replayed } from '../clients/testing/fixtures';
import type { ProjectedEvent } from '../projection';
import { asProjected, tempReadStore, type TempReadStore } from '../testing/project-events';
import { SETTLEMENTS, settlementsProjection, type SettlementDoc } from './settlements.projection';

const POLICY_ID = 'acme-pl-2026';
const pln = (minor: number): Money => ({ minor, currency: 'PLN' });

const adjustment = (
  period: string,
  settledActual: number,
  actualNow: number,
  bonusDelta: number,
  attainmentBpNow: number,
): PeriodAdjustment => ({
  period,
  settledActual: pln(settledActual),
  actualNow: pln(actualNow),
  actualDelta: pln(actualNow - settledActual),
  bonusDelta: pln(bonusDelta),
  attainmentBpNow,
});

const closed = (period: string, actual: number, bonus: number, adjustments: PeriodAdjustment[] = []): PeriodClosed => ({
  type: 'PeriodClosed',
  data: {
    policyId: POLICY_ID,
    period,
    termsVersion: 2,
    plan: pln(100_000),
    actual: pln(actual),
    attainmentBp: actual / 10,
    bonusMode: 'retroactive',
    bonusTerms: { mode: 'retroactive', tiers: [{ thresholdBp: 10_000, rateBp: 200 }] },
    ...(bonus > 0 ? { tierThresholdBp: 10_000 } : {}),
    bonus: pln(bonus),
    adjustments,
    payable: pln(bonus + adjustments.reduce((n, a) => n + a.bonusDelta.minor, 0)),
    paymentTermsDays: 30,
    paymentDue: `${period}-28`,
    salesUpToPosition: 100,
    closedAt: `${period}-28T18:00:00.000Z`,
  },
});

/**
 * January closes below plan; February's close finds late January sales that lift it over the plan
 * (a bonus of 2 000 now due); March's close finds January returns (bonus −500) and late February sales.
 */
const firstQuarter = (): ProjectedEvent[] =>
  asProjected(
    [
      closed('2026-01', 95_000, 0),
      closed('2026-02', 101_000, 2_020, [adjustment('2026-01', 95_000, 100_000, 2_000, 10_000)]),
      closed('2026-03', 90_000, 0, [
        adjustment('2026-01', 100_000, 99_000, -500, 9_900),
        adjustment('2026-02', 101_000, 103_000, 40, 10_300),
      ]),
    ].map((event) => ({ stream: settlementStream(POLICY_ID), event })),
  );

describe('settlements projection applied to the embedded read store', () => {
  let reads: TempReadStore;
  beforeEach(() => (reads = tempReadStore()));
  afterEach(() => reads.close());

  async function settlements(events: ProjectedEvent[]): Promise<Record<string, SettlementDoc>> {
    await reads.apply(settlementsProjection, events);
    const docs = await reads.store.find<SettlementDoc>(SETTLEMENTS, {});
    return Object.fromEntries(docs.map((d) => [d.period, d]));
  }

  it('records a closed period whole, its distributor read from the policy id', async () => {
    const events = firstQuarter();
    const { '2026-01': january } = await settlements(events.slice(0, 1));
    expect(january).toEqual({
      _id: 'acme-pl-2026|2026-01',
      policyId: POLICY_ID,
      distributorId: 'acme-pl',
      period: '2026-01',
      termsVersion: 2,
      currency: 'PLN',
      plan: pln(100_000),
      actual: pln(95_000),
      attainmentBp: 9_500,
      bonusMode: 'retroactive',
      tierThresholdBp: null,
      bonus: pln(0),
      adjustmentsCarried: [],
      payable: pln(0),
      paymentTermsDays: 30,
      paymentDue: '2026-01-28',
      salesUpToPosition: 100,
      closedAt: '2026-01-28T18:00:00.000Z',
      settledActualMinor: 95_000,
      settledBonusMinor: 0,
      settledAttainmentBp: 9_500,
      adjustments: [],
      revision: 0,
      updatedAt: events[0].metadata.recordedAt,
    });
  });

  it('moves an earlier period’s settled actual and bonus by each later close’s adjustment', async () => {
    const events = firstQuarter();
    const { '2026-01': january, '2026-02': february, '2026-03': march } = await settlements(events);
    expect(january).toMatchObject({
      actual: pln(95_000),
      bonus: pln(0),
      settledActualMinor: 99_000,
      settledBonusMinor: 1_500,
      settledAttainmentBp: 9_900,
      adjustments: [
        {
          closedIn: '2026-02',
          actualDelta: pln(5_000),
          bonusDelta: pln(2_000),
          actualNow: pln(100_000),
          attainmentBpNow: 10_000,
          at: '2026-02-28T18:00:00.000Z',
        },
        {
          closedIn: '2026-03',
          actualDelta: pln(-1_000),
          bonusDelta: pln(-500),
          actualNow: pln(99_000),
          attainmentBpNow: 9_900,
          at: '2026-03-28T18:00:00.000Z',
        },
      ],
      revision: 2,
    });
    expect(february).toMatchObject({
      tierThresholdBp: 10_000,
      payable: pln(4_020),
      adjustmentsCarried: [adjustment('2026-01', 95_000, 100_000, 2_000, 10_000)],
      settledActualMinor: 103_000,
      settledBonusMinor: 2_060,
    });
    expect(march).toMatchObject({ payable: pln(-460), adjustments: [] });
    // What the three closes paid adds up to the bonuses now settled for the three periods.
    const paid = [january, february, march].reduce((n, s) => n + s.payable.minor, 0);
    expect(paid).toBe([january, february, march].reduce((n, s) => n + s.settledBonusMinor, 0));
  });

  it('applies a close’s adjustment once, even when the close is delivered again', async () => {
    const events = firstQuarter();
    await settlements(events.slice(0, 2));
    const { '2026-01': january } = await settlements(replayed(events.slice(1, 2)));
    expect(january).toMatchObject({ settledBonusMinor: 2_000, adjustments: [{ closedIn: '2026-02' }] });
  });

  it('finds the settlements of a distributor, and those an adjustment reached', async () => {
    await settlements(firstQuarter());
    const periods = async (filter: Record<string, unknown>) =>
      (await reads.store.find<SettlementDoc>(SETTLEMENTS, filter, { sort: { period: 1 } })).map((d) => d.period);
    expect(await periods({ distributorId: 'acme-pl' })).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(await periods({ 'adjustments.closedIn': '2026-03' })).toEqual(['2026-01', '2026-02']);
  });

  it('reads the same after the same events are applied again', async () => {
    const events = firstQuarter();
    const first = await settlements(events);
    expect(await settlements(replayed(events))).toEqual(first);
  });
});
