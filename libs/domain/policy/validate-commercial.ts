/** The money-bearing sections: bonus tiers, promotion budget, price floors and discretion bands. */
import { at, each, int, isObj, money, obj, oneOf, text, unique, type Errors } from './field-checks';
import type { BonusMode } from './terms';

/** Configurable limits the terms are judged against. */
export interface TermsBounds {
  /** The promotion budget as a share of planned volume, inclusive bounds in bp. */
  promotionBudgetBp: { min: number; max: number };
}

/** 0.5%–3% of the planned volume, the range the source calls typical. */
export const DEFAULT_TERMS_BOUNDS: TermsBounds = { promotionBudgetBp: { min: 50, max: 300 } };

const BONUS_MODES: readonly BonusMode[] = ['retroactive', 'incremental'];
const FULL_BP = 10_000;
const percent = (bp: number) => `${bp / 100}%`;

export function checkBonus(out: Errors, bonus: unknown): void {
  if (!obj(out, 'bonus', bonus)) return;
  oneOf(out, 'bonus.mode', bonus.mode, BONUS_MODES);
  let previous: number | undefined;
  each(out, 'bonus.tiers', bonus.tiers, (tier, path) => {
    previous = checkTier(out, tier, path, previous);
  });
}

/** Checks one tier; returns its threshold for the next comparison, or undefined when it has none. */
function checkTier(out: Errors, tier: unknown, path: string, previous: number | undefined): number | undefined {
  if (!obj(out, path, tier)) return undefined;
  int(out, at(path, 'rateBp'), tier.rateBp, 0, FULL_BP);
  if (!int(out, at(path, 'thresholdBp'), tier.thresholdBp, 0)) return undefined;
  // Ascending thresholds make "the highest tier reached" and the incremental bands well defined.
  if (previous !== undefined && tier.thresholdBp <= previous) {
    out.push({ field: at(path, 'thresholdBp'), message: `must be greater than the previous tier's threshold ${previous}` });
  }
  return tier.thresholdBp;
}

export function checkPromotion(out: Errors, promotion: unknown, bounds: TermsBounds): void {
  if (!obj(out, 'promotion', promotion)) return;
  const { min, max } = bounds.promotionBudgetBp;
  const budget = promotion.budgetBp;
  if (!Number.isSafeInteger(budget) || (budget as number) < min || (budget as number) > max) {
    out.push({
      field: 'promotion.budgetBp',
      message: `must be an integer between ${min} and ${max} basis points (${percent(min)}–${percent(max)} of the planned volume)`,
    });
  }
  if (!obj(out, 'promotion.funding', promotion.funding)) return;
  const company = int(out, 'promotion.funding.companyBp', promotion.funding.companyBp, 0, FULL_BP);
  const distributor = int(out, 'promotion.funding.distributorBp', promotion.funding.distributorBp, 0, FULL_BP);
  const sum = (promotion.funding.companyBp as number) + (promotion.funding.distributorBp as number);
  if (company && distributor && sum !== FULL_BP) {
    out.push({ field: 'promotion.funding', message: `companyBp and distributorBp must sum to ${FULL_BP} (100%), not ${sum}` });
  }
}

export function checkPriceFloors(out: Errors, floors: unknown, currency: string | undefined): void {
  const ok = each(out, 'priceFloors', floors, (floor, path) => {
    if (!obj(out, path, floor)) return;
    text(out, at(path, 'sku'), floor.sku);
    // A floor of zero would be no floor at all: leave the SKU out instead.
    money(out, at(path, 'minUnitPrice'), floor.minUnitPrice, { min: 1, currency });
  });
  if (ok)
    unique(
      out,
      'priceFloors',
      (floors as unknown[]).map((f) => (isObj(f) ? f.sku : undefined)),
      'sku',
    );
}

export function checkDiscretionBands(out: Errors, bands: unknown): void {
  const ok = each(out, 'discretionBands', bands, (band, path) => {
    if (!obj(out, path, band)) return;
    text(out, at(path, 'segment'), band.segment);
    int(out, at(path, 'maxAboveFloorBp'), band.maxAboveFloorBp, 0);
  });
  if (ok)
    unique(
      out,
      'discretionBands',
      (bands as unknown[]).map((b) => (isObj(b) ? b.segment : undefined)),
      'segment',
    );
}
