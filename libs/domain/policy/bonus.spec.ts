import { DomainError } from '../shared/errors';
import { bonusFor } from './bonus';
import type { BonusTerms } from './terms';

const pln = (minor: number) => ({ minor, currency: 'PLN' });
const PLAN = pln(10_000_000); // PLN 100 000.00
const retroactive: BonusTerms = {
  mode: 'retroactive',
  tiers: [
    { thresholdBp: 10_000, rateBp: 200 },
    { thresholdBp: 11_000, rateBp: 300 },
  ],
};
const incremental: BonusTerms = {
  mode: 'incremental',
  tiers: [
    { thresholdBp: 9_000, rateBp: 100 },
    { thresholdBp: 10_000, rateBp: 200 },
    { thresholdBp: 11_000, rateBp: 300 },
  ],
};
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return 'no error';
};

describe('bonusFor', () => {
  describe('retroactive: the highest tier reached applies to the whole volume', () => {
    it('pays nothing below the first threshold', () => {
      expect(bonusFor(retroactive, PLAN, pln(9_999_999))).toEqual({ attainmentBp: 9_999, bonus: pln(0) });
    });

    it('reaches a tier exactly at its threshold', () => {
      expect(bonusFor(retroactive, PLAN, pln(10_000_000))).toEqual({
        attainmentBp: 10_000,
        bonus: pln(200_000),
        tier: retroactive.tiers[0],
      });
    });

    it('floors to the minor unit: 2% of 10 999 999 is 219 999.98 → 219 999', () => {
      expect(bonusFor(retroactive, PLAN, pln(10_999_999))).toEqual({
        attainmentBp: 10_999,
        bonus: pln(219_999),
        tier: retroactive.tiers[0],
      });
    });

    it('applies the higher rate to everything once the next threshold is reached', () => {
      expect(bonusFor(retroactive, PLAN, pln(11_000_000))).toEqual({
        attainmentBp: 11_000,
        bonus: pln(330_000),
        tier: retroactive.tiers[1],
      });
    });
  });

  describe('incremental: each rate applies to its band only', () => {
    it('pays nothing below the first threshold', () => {
      expect(bonusFor(incremental, PLAN, pln(8_000_000)).bonus).toEqual(pln(0));
    });

    it('pays the first rate on the volume above its threshold', () => {
      // 9 500 000 − 9 000 000 = 500 000 at 1%
      expect(bonusFor(incremental, PLAN, pln(9_500_000))).toEqual({ attainmentBp: 9_500, bonus: pln(5_000), tier: incremental.tiers[0] });
    });

    it('adds up every band reached', () => {
      // 1 000 000 at 1% + 1 000 000 at 2% + 1 000 000 at 3%
      expect(bonusFor(incremental, PLAN, pln(12_000_000))).toEqual({
        attainmentBp: 12_000,
        bonus: pln(60_000),
        tier: incremental.tiers[2],
      });
    });

    it('pays less than retroactive for the same result', () => {
      const same = { ...incremental, mode: 'retroactive' as const };
      expect(bonusFor(same, PLAN, pln(12_000_000)).bonus).toEqual(pln(360_000));
    });

    it('keeps fractional band edges exact and rounds once, at the end', () => {
      // plan 333: the band starts at 333; (1000 − 333) × 1.5% = 10.005 → 10
      const one: BonusTerms = { mode: 'incremental', tiers: [{ thresholdBp: 10_000, rateBp: 150 }] };
      expect(bonusFor(one, pln(333), pln(1_000)).bonus).toEqual(pln(10));
      // plan 3 at 150% is 4.5: 4 has not reached it, 5 has, and (5 − 4.5) × 100% = 0.5 → 0
      const steep: BonusTerms = { mode: 'incremental', tiers: [{ thresholdBp: 15_000, rateBp: 10_000 }] };
      expect(bonusFor(steep, pln(3), pln(4))).toEqual({ attainmentBp: 13_333, bonus: pln(0) });
      expect(bonusFor(steep, pln(3), pln(5))).toEqual({ attainmentBp: 16_666, bonus: pln(0), tier: steep.tiers[0] });
    });
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const terms: BonusTerms = { mode: 'retroactive', tiers: [{ thresholdBp: 10_000, rateBp: 333 }] };
    expect(bonusFor(terms, pln(max - 1), pln(max))).toEqual({
      attainmentBp: 10_000,
      bonus: pln(299_939_735_182_875),
      tier: terms.tiers[0],
    });
  });

  it('pays nothing on a zero plan, a negative actual or no tiers', () => {
    expect(bonusFor(retroactive, pln(0), pln(5_000))).toEqual({ attainmentBp: 0, bonus: pln(0) });
    expect(bonusFor(retroactive, PLAN, pln(-1))).toEqual({ attainmentBp: -1, bonus: pln(0) });
    expect(bonusFor({ mode: 'incremental', tiers: [] }, PLAN, pln(20_000_000))).toEqual({ attainmentBp: 20_000, bonus: pln(0) });
  });

  it('refuses mixed currencies and inexact money', () => {
    expect(codeOf(() => bonusFor(retroactive, PLAN, { minor: 1, currency: 'EUR' }))).toBe('POLICY.CURRENCY_MISMATCH');
    expect(codeOf(() => bonusFor(retroactive, PLAN, pln(10.5)))).toBe('POLICY.INVALID_MONEY');
  });
});
