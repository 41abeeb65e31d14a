/**
 * The bonus for a period: plan attainment against the tiers of the policy.
 *  - retroactive: the highest tier reached applies its rate to the WHOLE actual volume;
 *  - incremental: each tier's rate applies only to the volume between its threshold and the next
 *    tier's threshold (the last tier: everything above it).
 * Exact integer arithmetic; the one rounding is a FLOOR to the minor unit (see money.ts for why).
 * A threshold is reached when actual × 10 000 ≥ plan × thresholdBp, compared exactly, never through
 * the rounded attainment. A zero plan has no attainment to reward: attainment 0, no bonus.
 */
import { assertNever } from '../shared/types';
import { assertMoney, assertSameCurrency, BP, floorDiv, money } from './money';
import type { BonusTerms, BonusTier, Money } from './terms';

export interface BonusResult {
  /** actual / plan in bp, floored (10 000 = 100%). */
  attainmentBp: number;
  bonus: Money;
  /** The highest tier reached, if any. */
  tier?: BonusTier;
}

export function bonusFor(terms: BonusTerms, plan: Money, actual: Money): BonusResult {
  assertMoney(plan, 'plan');
  assertMoney(actual, 'actual');
  assertSameCurrency(plan, actual, 'Plan and actual volume');
  const p = BigInt(plan.minor);
  const a = BigInt(actual.minor);
  if (p <= 0n) return { attainmentBp: 0, bonus: money(0n, plan.currency) };
  const scaled = a * BP; // actual in the same units as plan × thresholdBp
  const reached = terms.tiers.filter((t) => scaled >= p * BigInt(t.thresholdBp));
  const tier = reached[reached.length - 1];
  const minor = tier ? bonusMinor(terms, p, a, tier) : 0n;
  return { attainmentBp: Number(floorDiv(scaled, p)), bonus: money(minor, plan.currency), ...(tier ? { tier: { ...tier } } : {}) };
}

function bonusMinor(terms: BonusTerms, plan: bigint, actual: bigint, top: BonusTier): bigint {
  switch (terms.mode) {
    case 'retroactive':
      return floorDiv(actual * BigInt(top.rateBp), BP);
    case 'incremental':
      return floorDiv(incrementalNumerator(terms.tiers, plan, actual), BP * BP);
    default:
      return assertNever(terms.mode);
  }
}

/**
 * Σ rate × (volume in the tier's band), every term scaled by 10 000² so that band edges at
 * plan × threshold / 10 000 stay integers: nothing is rounded before the final division.
 */
function incrementalNumerator(tiers: readonly BonusTier[], plan: bigint, actual: bigint): bigint {
  const scaled = actual * BP;
  return tiers.reduce((sum, tier, i) => {
    const from = plan * BigInt(tier.thresholdBp);
    const next = tiers[i + 1];
    const to = next && plan * BigInt(next.thresholdBp) < scaled ? plan * BigInt(next.thresholdBp) : scaled;
    return to > from ? sum + BigInt(tier.rateBp) * (to - from) : sum;
  }, 0n);
}
