import { sampleQuarterlyTerms } from '../policy/testing/sample-terms';
import { fold } from '../shared/types';
import { deciderSpec } from '../testing/decider-spec';
import { settlementDecider } from './settlement';
import { closedPeriods } from './state';
import { adjustment, asCompany, closeCommand, periodClosed, pln, quarterlyTerms } from './testing/fixtures';

const spec = deciderSpec(settlementDecider);
const APR_2 = '2026-04-02T09:00:00.000Z';
const JUL_2 = '2026-07-02T09:00:00.000Z';
const OCT_2 = '2026-10-02T09:00:00.000Z';

/** Q1 closed at 105% of PLN 300 000.00: incremental bonus PLN 600.00. */
const q1Closed = () =>
  periodClosed({
    period: '2026-Q1',
    plan: 30_000_000,
    actual: 31_500_000,
    attainmentBp: 10_500,
    bonusMode: 'incremental',
    tierThresholdBp: 10_000,
    bonus: 60_000,
    closedAt: APR_2,
    paymentDue: '2026-05-02T09:00:00.000Z',
    salesUpToPosition: 100,
  });

const closeQ2 = (q1: number, q2: number) =>
  closeCommand(asCompany(JUL_2), {
    period: '2026-Q2',
    actuals: { '2026-Q1': q1, '2026-Q2': q2 },
    terms: quarterlyTerms(),
    salesUpToPosition: 200,
  });

interface Q2 {
  actual: number;
  attainmentBp: number;
  tier?: number;
  bonus: number;
}

const q2Closed = (
  adjustments: ReturnType<typeof adjustment>[],
  q2: Q2 = { actual: 27_000_000, attainmentBp: 9_000, tier: 9_000, bonus: 0 },
) =>
  periodClosed({
    period: '2026-Q2',
    plan: 30_000_000,
    actual: q2.actual,
    attainmentBp: q2.attainmentBp,
    bonusMode: 'incremental',
    ...(q2.tier !== undefined ? { tierThresholdBp: q2.tier } : {}),
    bonus: q2.bonus,
    adjustments,
    closedAt: JUL_2,
    paymentDue: '2026-08-01T09:00:00.000Z',
    salesUpToPosition: 200,
  });

describe('settlement: a late sale in a closed period', () => {
  it('closing Q2 settles the change to Q1 as an adjustment with its bonus difference', () => {
    // Q1 now 112%: 1% × 3 000 000 + 2% × 3 000 000 + 3% × 600 000 = 108 000, of which 60 000 was paid.
    // Q2 at exactly 90% reaches the first tier, whose band is still empty: no bonus.
    spec
      .given([q1Closed()])
      .when(closeQ2(33_600_000, 27_000_000))
      .then([q2Closed([adjustment('2026-Q1', 31_500_000, 33_600_000, 48_000, 11_200)])]);
  });

  it('the payable may be negative: a cancellation in Q1 takes back more bonus than Q2 earns', () => {
    // Q1 now 96.67%: 1% × 2 000 000 = 20 000 instead of 60 000; Q2 without sales earns nothing.
    spec
      .given([q1Closed()])
      .when(closeQ2(29_000_000, 0))
      .then([q2Closed([adjustment('2026-Q1', 31_500_000, 29_000_000, -40_000, 9_666)], { actual: 0, attainmentBp: 0, bonus: 0 })]);
    const [event] = settlementDecider.decide(closeQ2(29_000_000, 0), fold(settlementDecider, [q1Closed()]));
    expect(event.data.payable).toEqual(pln(-40_000));
  });

  it('an unchanged closed period is not adjusted', () => {
    spec
      .given([q1Closed()])
      .when(closeQ2(31_500_000, 27_000_000))
      .then([q2Closed([])]);
  });

  it('retroactive: a late sale that lifts a month over its threshold pays the rate on the whole month', () => {
    const janClosed = periodClosed({
      period: '2026-01',
      plan: 10_000_000,
      actual: 9_900_000,
      attainmentBp: 9_900,
      bonus: 0,
      closedAt: '2026-02-02T09:00:00.000Z',
      paymentDue: '2026-03-04T09:00:00.000Z',
    });
    spec
      .given([janClosed])
      .when(
        closeCommand(asCompany('2026-03-02T09:00:00.000Z'), {
          period: '2026-02',
          actuals: { '2026-01': 10_100_000, '2026-02': 10_000_000 },
        }),
      )
      .then([
        periodClosed({
          period: '2026-02',
          plan: 10_000_000,
          actual: 10_000_000,
          attainmentBp: 10_000,
          tierThresholdBp: 10_000,
          bonus: 200_000,
          adjustments: [adjustment('2026-01', 9_900_000, 10_100_000, 202_000, 10_100)],
          payable: 402_000,
          closedAt: '2026-03-02T09:00:00.000Z',
          paymentDue: '2026-04-01T09:00:00.000Z',
        }),
      ]);
  });

  it('adjustments build on what was settled, never on the first close alone', () => {
    const q1Adjusted = q2Closed([adjustment('2026-Q1', 31_500_000, 33_600_000, 48_000, 11_200)]);
    const closeQ3 = (q1: number) =>
      closeCommand(asCompany(OCT_2), {
        period: '2026-Q3',
        actuals: { '2026-Q1': q1, '2026-Q2': 27_000_000, '2026-Q3': 0 },
        terms: quarterlyTerms(),
        salesUpToPosition: 300,
      });
    const q3Closed = (adjustments: ReturnType<typeof adjustment>[]) =>
      periodClosed({
        period: '2026-Q3',
        plan: 30_000_000,
        actual: 0,
        attainmentBp: 0,
        bonusMode: 'incremental',
        bonus: 0,
        adjustments,
        closedAt: OCT_2,
        paymentDue: '2026-11-01T09:00:00.000Z',
        salesUpToPosition: 300,
      });
    // Q1 stays at the adjusted 33 600 000: nothing more to settle.
    spec
      .given([q1Closed(), q1Adjusted])
      .when(closeQ3(33_600_000))
      .then([q3Closed([])]);
    // Q1 moves on to 115%: 30 000 + 60 000 + 3% × 1 500 000 = 135 000, of which 108 000 was settled.
    spec
      .given([q1Closed(), q1Adjusted])
      .when(closeQ3(34_500_000))
      .then([q3Closed([adjustment('2026-Q1', 33_600_000, 34_500_000, 27_000, 11_500)])]);
  });

  it('adjusts every moved period, in calendar order', () => {
    const q1Adjusted = q2Closed([adjustment('2026-Q1', 31_500_000, 33_600_000, 48_000, 11_200)]);
    const [event] = settlementDecider.decide(
      closeCommand(asCompany(OCT_2), {
        period: '2026-Q3',
        actuals: { '2026-Q2': 30_000_000, '2026-Q1': 33_000_000, '2026-Q3': 0 },
        terms: quarterlyTerms(),
        salesUpToPosition: 300,
      }),
      fold(settlementDecider, [q1Closed(), q1Adjusted]),
    );
    // Q1 at 110%: 30 000 + 60 000 = 90 000 (−18 000); Q2 at 100%: 30 000 (+30 000).
    expect(event.data.adjustments).toEqual([
      adjustment('2026-Q1', 33_600_000, 33_000_000, -18_000, 11_000),
      adjustment('2026-Q2', 27_000_000, 30_000_000, 30_000, 10_000),
    ]);
    expect(event.data.payable).toEqual(pln(12_000));
  });

  it('a closed period keeps the plan it was settled on, even after an amendment changed it', () => {
    const amended = sampleQuarterlyTerms();
    amended.plan.periods[0] = { period: '2026-Q1', amount: pln(20_000_000) };
    const [event] = settlementDecider.decide(
      closeCommand(asCompany(JUL_2), {
        period: '2026-Q2',
        actuals: { '2026-Q1': 33_600_000, '2026-Q2': 27_000_000 },
        terms: quarterlyTerms(2, amended),
        salesUpToPosition: 200,
      }),
      fold(settlementDecider, [q1Closed()]),
    );
    expect(event.data.termsVersion).toBe(2);
    expect(event.data.adjustments).toEqual([adjustment('2026-Q1', 31_500_000, 33_600_000, 48_000, 11_200)]);
  });

  it('and keeps the bonus tiers it was settled with: an amendment of the tiers does not re-price it', () => {
    const amended = sampleQuarterlyTerms();
    amended.bonus = { mode: 'retroactive', tiers: [{ thresholdBp: 5_000, rateBp: 1_000 }] };
    const [event] = settlementDecider.decide(
      closeCommand(asCompany(JUL_2), {
        period: '2026-Q2',
        actuals: { '2026-Q1': 33_600_000, '2026-Q2': 27_000_000 },
        terms: quarterlyTerms(2, amended),
        salesUpToPosition: 200,
      }),
      fold(settlementDecider, [q1Closed()]),
    );
    // Q1 re-priced with its own incremental tiers (as above), Q2 with the amended retroactive 10%.
    expect(event.data.adjustments).toEqual([adjustment('2026-Q1', 31_500_000, 33_600_000, 48_000, 11_200)]);
    expect(event.data.bonus).toEqual(pln(2_700_000));
  });
});

describe('settlement: state', () => {
  it('records each closed period with what was settled, updated by later adjustments', () => {
    const state = fold(settlementDecider, [q1Closed(), q2Closed([adjustment('2026-Q1', 31_500_000, 33_600_000, 48_000, 11_200)])]);
    expect(closedPeriods(state)).toEqual([
      {
        period: '2026-Q1',
        termsVersion: 1,
        plan: pln(30_000_000),
        settledActual: pln(33_600_000),
        settledBonus: pln(108_000),
        bonusTerms: quarterlyTerms().bonus,
        closedAt: APR_2,
      },
      {
        period: '2026-Q2',
        termsVersion: 1,
        plan: pln(30_000_000),
        settledActual: pln(27_000_000),
        settledBonus: pln(0),
        bonusTerms: quarterlyTerms().bonus,
        closedAt: JUL_2,
      },
    ]);
    expect(state.salesUpToPosition).toBe(200);
  });

  it('lists closed periods in calendar order, whatever order they were closed in', () => {
    const closedOn = (period: string, closedAt: string) =>
      periodClosed({ period, plan: 10_000_000, actual: 0, attainmentBp: 0, bonus: 0, closedAt, paymentDue: closedAt });
    const state = fold(settlementDecider, [
      closedOn('2026-02', '2026-03-02T09:00:00.000Z'),
      closedOn('2026-01', '2026-03-03T09:00:00.000Z'),
    ]);
    expect(closedPeriods(state).map((p) => p.period)).toEqual(['2026-01', '2026-02']);
  });
});
