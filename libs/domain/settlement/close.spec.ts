import { DomainError } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import type { SettlementCommand } from './commands';
import type { SettlementEvent } from './events';
import { settlementDecider } from './settlement';
import { fold } from '../shared/types';
import {
  asCompany,
  asCompliance,
  asDistributor,
  asSystem,
  closeCommand,
  monthlyTerms,
  periodClosed,
  quarterlyTerms,
} from './testing/fixtures';

const spec = deciderSpec(settlementDecider);
const FEB_2 = '2026-02-02T09:00:00.000Z';
const MAR_4 = '2026-03-04T09:00:00.000Z'; // 2 February + 30 days (February 2026 has 28)
const APR_2 = '2026-04-02T09:00:00.000Z';
const MAY_2 = '2026-05-02T09:00:00.000Z';

const refusal = (given: SettlementEvent[], command: SettlementCommand): DomainError => {
  try {
    settlementDecider.decide(command, fold(settlementDecider, given));
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('the command was not refused');
};

const januaryClosed = (actual = 10_500_000) =>
  periodClosed({
    period: '2026-01',
    plan: 10_000_000,
    actual,
    attainmentBp: 10_500,
    tierThresholdBp: 10_000,
    bonus: 210_000,
    closedAt: FEB_2,
    paymentDue: MAR_4,
  });

describe('settlement: closing a period', () => {
  it('retroactive: the tier reached pays its rate on the whole actual, due within the payment terms', () => {
    // 105% of PLN 100 000.00 reaches the 100% tier: 2% of PLN 105 000.00
    spec
      .given([])
      .when(closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: { '2026-01': 10_500_000 } }))
      .then([januaryClosed()]);
  });

  it('retroactive: crossing the next tier re-prices the whole volume at its rate', () => {
    spec
      .given([])
      .when(closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: { '2026-01': 11_000_000 } }))
      .then([
        periodClosed({
          period: '2026-01',
          plan: 10_000_000,
          actual: 11_000_000,
          attainmentBp: 11_000,
          tierThresholdBp: 11_000,
          bonus: 330_000,
          closedAt: FEB_2,
          paymentDue: MAR_4,
        }),
      ]);
  });

  it('incremental: each tier pays only on the volume in its band', () => {
    // 90–100% of PLN 300 000.00 at 1% (300 000) + 100–105% at 2% (300 000) = PLN 600.00
    spec
      .given([])
      .when(closeCommand(asCompany(APR_2), { period: '2026-Q1', actuals: { '2026-Q1': 31_500_000 }, terms: quarterlyTerms() }))
      .then([
        periodClosed({
          period: '2026-Q1',
          plan: 30_000_000,
          actual: 31_500_000,
          attainmentBp: 10_500,
          bonusMode: 'incremental',
          tierThresholdBp: 10_000,
          bonus: 60_000,
          closedAt: APR_2,
          paymentDue: MAY_2,
        }),
      ]);
  });

  it('a period with no sales has no actual: zero attainment, no tier, no bonus', () => {
    spec
      .given([])
      .when(closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: {} }))
      .then([
        periodClosed({ period: '2026-01', plan: 10_000_000, actual: 0, attainmentBp: 0, bonus: 0, closedAt: FEB_2, paymentDue: MAR_4 }),
      ]);
  });

  it('below the first threshold the attainment is recorded and no bonus is paid', () => {
    spec
      .given([])
      .when(closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: { '2026-01': 9_999_999 } }))
      .then([
        periodClosed({
          period: '2026-01',
          plan: 10_000_000,
          actual: 9_999_999,
          attainmentBp: 9_999,
          bonus: 0,
          closedAt: FEB_2,
          paymentDue: MAR_4,
        }),
      ]);
  });

  it('records the terms version and payment terms that governed, and the sales position counted', () => {
    const terms = { ...monthlyTerms(3), paymentTermsDays: 0 };
    const [event] = settlementDecider.decide(
      closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: { '2026-01': 10_500_000 }, terms, salesUpToPosition: 4242 }),
      settlementDecider.initialState(),
    );
    expect(event.data).toMatchObject({ termsVersion: 3, paymentTermsDays: 0, paymentDue: FEB_2, salesUpToPosition: 4242 });
  });

  it('actuals of other periods not yet closed are ignored', () => {
    const [event] = settlementDecider.decide(
      closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: { '2026-01': 10_500_000, '2026-02': 4_000_000 } }),
      settlementDecider.initialState(),
    );
    expect(event).toEqual(januaryClosed());
  });
});

describe('settlement: who closes, and when', () => {
  it.each([
    ['the distributor', asDistributor(FEB_2)],
    ['compliance', asCompliance(FEB_2)],
    ['the system', asSystem(FEB_2)],
  ])('%s may not close a period: the company pays the settlement', (_, context) => {
    const e = refusal([], closeCommand(context, { period: '2026-01', actuals: { '2026-01': 1 } }));
    expect([e.code, e.kind]).toEqual(['SETTLEMENT.COMPANY_ONLY', 'forbidden']);
  });

  it('a period closes from the first instant after it, not before', () => {
    const justBefore = closeCommand(asCompany('2026-01-31T23:59:59.999Z'), { period: '2026-01', actuals: {} });
    spec.given([]).when(justBefore).thenThrows('SETTLEMENT.PERIOD_NOT_ENDED');
    expect(refusal([], justBefore).details).toEqual({ period: '2026-01', endsAt: '2026-02-01T00:00:00.000Z' });
    expect(refusal([], justBefore).kind).toBe('conflict');
    const [closed] = settlementDecider.decide(
      closeCommand(asCompany('2026-02-01T00:00:00.000Z'), { period: '2026-01', actuals: {} }),
      settlementDecider.initialState(),
    );
    expect(closed.data.closedAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('a quarter ends with its third month', () => {
    const command = closeCommand(asCompany('2026-03-31T12:00:00.000Z'), { period: '2026-Q1', actuals: {}, terms: quarterlyTerms() });
    spec.given([]).when(command).thenThrows('SETTLEMENT.PERIOD_NOT_ENDED');
  });

  it('a period is closed once; later sales reach it as adjustments of the next close', () => {
    const again = closeCommand(asCompany('2026-02-10T09:00:00.000Z'), { period: '2026-01', actuals: { '2026-01': 10_500_000 } });
    const e = refusal([januaryClosed()], again);
    expect([e.code, e.kind, e.details]).toEqual(['SETTLEMENT.PERIOD_ALREADY_CLOSED', 'conflict', { period: '2026-01', closedAt: FEB_2 }]);
  });

  it('refuses actuals that count fewer sales than the last close did', () => {
    const stale = closeCommand(asCompany('2026-03-02T09:00:00.000Z'), {
      period: '2026-02',
      actuals: { '2026-01': 10_500_000, '2026-02': 1 },
      salesUpToPosition: 99,
    });
    const e = refusal([januaryClosed()], stale);
    expect([e.code, e.kind, e.details]).toEqual(['SETTLEMENT.STALE_ACTUALS', 'conflict', { salesUpToPosition: 99, lastPosition: 100 }]);
  });
});

describe('settlement: what a close must be given', () => {
  it.each(['2026-13', '2026-Q1', '2025-12', '2027-01', ''])('refuses %j, which is no period of the monthly plan', (period) => {
    const e = refusal([], closeCommand(asCompany(FEB_2), { period, actuals: {} }));
    expect([e.code, e.kind]).toEqual(['SETTLEMENT.UNKNOWN_PERIOD', 'invalid']);
    expect(e.details.errors).toEqual([{ field: 'period', message: expect.stringContaining('2026-01, 2026-02') }]);
  });

  it('refuses a month when the plan is quarterly', () => {
    const command = closeCommand(asCompany(APR_2), { period: '2026-03', actuals: {}, terms: quarterlyTerms() });
    spec.given([]).when(command).thenThrows('SETTLEMENT.UNKNOWN_PERIOD');
  });

  it('refuses actuals in another currency than the settlement currency', () => {
    const command = closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: {} });
    const eur = { ...command, data: { ...command.data, actuals: { '2026-01': { minor: 10, currency: 'EUR' } } } };
    const e = refusal([], eur);
    expect([e.code, e.kind]).toEqual(['SETTLEMENT.CURRENCY_MISMATCH', 'invalid']);
    expect(e.details.errors).toEqual([{ field: 'actuals.2026-01.currency', message: 'must be the settlement currency PLN' }]);
  });

  it('refuses malformed actuals and positions, naming every field', () => {
    const command = closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: {} });
    const bad = {
      ...command,
      data: {
        ...command.data,
        salesUpToPosition: -1,
        actuals: { '2026-01': { minor: -5, currency: 'PLN' }, '2026-02': { minor: 1.5, currency: 'pln' } },
      },
    } as unknown as SettlementCommand;
    const e = refusal([], bad);
    expect([e.code, e.kind]).toEqual(['SETTLEMENT.INVALID_COMMAND', 'invalid']);
    expect(e.details.errors).toEqual([
      { field: 'salesUpToPosition', message: 'must be an integer at least 0' },
      { field: 'actuals.2026-01.minor', message: 'must be an integer at least 0' },
      { field: 'actuals.2026-02.minor', message: 'must be an integer at least 0' },
      { field: 'actuals.2026-02.currency', message: 'must be an ISO 4217 currency code (three upper-case letters)' },
    ]);
  });

  it('requires the actual of every period already closed, since it may have moved', () => {
    const command = closeCommand(asCompany('2026-03-02T09:00:00.000Z'), { period: '2026-02', actuals: { '2026-02': 10_000_000 } });
    const e = refusal([januaryClosed()], command);
    expect(e.code).toBe('SETTLEMENT.INVALID_COMMAND');
    expect(e.details.errors).toEqual([
      { field: 'actuals.2026-01', message: 'is required: the period is closed and its actual may have changed' },
    ]);
  });

  it('refuses terms it cannot settle on', () => {
    const command = closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: {} });
    const bonus = {
      mode: 'flat',
      tiers: [
        { thresholdBp: 10_000, rateBp: 200 },
        { thresholdBp: 9_000, rateBp: 1.5 },
      ],
    };
    const terms = { ...command.data.terms, termsVersion: 0, currency: 'zł', plan: [null], bonus };
    const e = refusal([], { ...command, data: { ...command.data, terms } } as unknown as SettlementCommand);
    expect(e.code).toBe('SETTLEMENT.INVALID_COMMAND');
    expect(e.details.errors).toEqual([
      { field: 'terms.termsVersion', message: 'must be an integer at least 1' },
      { field: 'terms.currency', message: 'must be an ISO 4217 currency code (three upper-case letters)' },
      { field: 'terms.plan[0]', message: 'must be an object' },
      { field: 'terms.bonus.mode', message: 'must be one of retroactive, incremental' },
      { field: 'terms.bonus.tiers[1].rateBp', message: 'must be an integer between 0 and 10000' },
      { field: 'terms.bonus.tiers[1].thresholdBp', message: "must be greater than the previous tier's threshold 10000" },
    ]);
  });

  it('refuses terms whose plan lacks the period or holds it in another currency', () => {
    const command = closeCommand(asCompany(FEB_2), { period: '2026-01', actuals: {} });
    const missing = { ...command.data.terms, plan: command.data.terms.plan.slice(1) };
    const foreign = { ...command.data.terms, plan: [{ period: '2026-01', amount: { minor: 1, currency: 'EUR' } }] };
    for (const terms of [missing, foreign]) {
      const e = refusal([], { ...command, data: { ...command.data, terms } });
      expect(e.code).toBe('SETTLEMENT.INVALID_COMMAND');
      expect(e.details.errors).toEqual([{ field: 'terms.plan', message: 'must hold a non-negative amount in PLN for 2026-01' }]);
    }
  });
});
