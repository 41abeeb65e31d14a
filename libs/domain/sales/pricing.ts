/**
 * Pricing a sale's lines against the governing terms: each line's total, its floor, the special
 * price that lets it go below the floor, and — for the company — whether it exceeds the discretion
 * band. Lines below the floor without a valid special price are the violations.
 */
import type { Money } from '../policy/terms';
import type { Side } from '../shared/sides';
import { compareMoney, exceedsBand, lineAmount, toMoney } from './amounts';
import type { SaleClient, SalePolicy } from './commands';
import type { FloorViolation, SaleLine, SaleLineInput } from './events';
import { floorFor, type AppliedFloor } from './floors';
import { specialPriceAllowing } from './special-price-validity';
import type { SpecialPriceState } from './special-price-state';

export interface PricingContext {
  seller: Side;
  client: SaleClient;
  date: string;
  currency: string;
  /** From `governingPolicies`: the seller's own policy, or the policies covering the company's client. */
  governing: SalePolicy[];
  specialPrices: SpecialPriceState;
}

export interface PricedLines {
  lines: SaleLine[];
  total: Money;
  violations: FloorViolation[];
}

export function priceLines(inputs: readonly SaleLineInput[], ctx: PricingContext): PricedLines {
  const lines: SaleLine[] = [];
  const violations: FloorViolation[] = [];
  inputs.forEach((input, lineIndex) => {
    const applied = floorFor(ctx.governing, input.sku);
    const { line, violation } = priceLine(input, applied, ctx);
    lines.push(line);
    if (violation) violations.push({ lineIndex, ...violation });
  });
  const total = inputs.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitPrice), 0n);
  return { lines, total: toMoney(total, ctx.currency), violations };
}

function priceLine(
  input: SaleLineInput,
  applied: AppliedFloor | undefined,
  ctx: PricingContext,
): { line: SaleLine; violation?: Omit<FloorViolation, 'lineIndex'> } {
  const { sku, quantity, unitPrice } = input;
  const line: SaleLine = { sku, quantity, unitPrice, lineTotal: toMoney(lineAmount(quantity, unitPrice), ctx.currency) };
  if (!applied) return { line };
  line.floor = { ...applied.floor };
  const band = bandExceeded(unitPrice, applied, ctx);
  if (band) line.aboveDiscretionBand = band;
  if (compareMoney(unitPrice, applied.floor) >= 0) return { line };
  const special = specialPriceAllowing(ctx.specialPrices, ctx.client.clientId, sku, ctx.date, unitPrice);
  if (special) return { line: { ...line, specialPriceId: special.specialPriceId } };
  return { line, violation: { sku, unitPrice, floor: applied.floor, policyId: applied.policyId } };
}

/**
 * Company sales only: the band of the client's segment in the policy whose floor applies, so that the
 * recorded floor and band describe one limit. No band for the segment: nothing to exceed.
 */
function bandExceeded(unitPrice: Money, applied: AppliedFloor, ctx: PricingContext): SaleLine['aboveDiscretionBand'] {
  if (ctx.seller.party !== 'company') return undefined;
  const policy = ctx.governing.find((p) => p.policyId === applied.policyId);
  const band = policy?.discretionBands.find((b) => b.segment === ctx.client.segment);
  if (!band || !exceedsBand(unitPrice, applied.floor, band.maxAboveFloorBp)) return undefined;
  return { maxAboveFloorBp: band.maxAboveFloorBp, segment: band.segment };
}
