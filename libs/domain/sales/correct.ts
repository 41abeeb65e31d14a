/**
 * Correcting a recorded sale: new lines replace the current ones, judged by the same rules against
 * the original sale date and context (the handler reads them again for that date). A correction
 * below the floor is refused outright — unlike a sale, it is not recorded as a refusal: the sale as
 * recorded stands, and nothing was sold at the refused price.
 */
import type { Errors } from '../policy/field-checks';
import type { CorrectSale } from './commands';
import { SaleErrors } from './errors';
import type { SaleCorrected, SaleEvent, SaleLine, SaleLineInput } from './events';
import { difference } from './amounts';
import { governingPolicies, requireCurrency } from './floors';
import { priceLines, type PricedLines } from './pricing';
import { existingSale, knownClient, requireLive, requireNoErrors, requireSeller, sellingSide } from './rules';
import type { Sale, SaleState } from './sale-state';
import { specialPricesOf } from './special-price-state';
import { reason as validReason, saleLines } from './validate';

export function correctSale(cmd: CorrectSale, state: SaleState): SaleEvent[] {
  const { actor, now } = cmd.context;
  const side = sellingSide(actor, 'correct');
  const existing = existingSale(state, cmd.data.saleId);
  requireSeller(existing, side, 'correct');
  const errors: Errors = [];
  const lines = saleLines(errors, cmd.data.lines, existing.currency);
  validReason(errors, cmd.data.reason);
  requireNoErrors(errors);
  const sale = requireLive(existing);
  if (sameLines(lines as SaleLineInput[], sale.lines)) throw SaleErrors.nothingToCorrect(sale.saleId);
  const { seller, clientId, date, currency } = sale;
  const client = knownClient(cmd.data.sale, clientId);
  const governing = governingPolicies(seller, cmd.data.sale.policies, date);
  requireCurrency(governing, currency);
  const specialPrices = specialPricesOf(cmd.data.sale.specialPrices);
  const priced = priceLines(lines as SaleLineInput[], { seller, client, date, currency, governing, specialPrices });
  if (priced.violations.length > 0) throw SaleErrors.belowFloor(sale.saleId, priced.violations);
  return [corrected(sale, priced, cmd.data.reason, now.toISOString())];
}

/** The sale's own fields are repeated as recorded: a correction changes lines, never the date, client or policy. */
function corrected(sale: Sale, priced: PricedLines, reason: string, correctedAt: string): SaleCorrected {
  const { saleId, territory, seller, clientId, policyId, period, date } = sale;
  return {
    type: 'SaleCorrected',
    data: {
      saleId,
      correctionNo: sale.corrections + 1,
      lines: priced.lines,
      total: priced.total,
      previousLines: sale.lines,
      previousTotal: sale.total,
      delta: difference(priced.total, sale.total),
      territory,
      seller,
      clientId,
      policyId,
      period,
      date,
      reason,
      correctedAt,
    },
  };
}

/** Same SKUs, quantities and unit prices in the same order: a correction would change nothing. */
function sameLines(next: readonly SaleLineInput[], current: readonly SaleLine[]): boolean {
  return (
    next.length === current.length &&
    next.every((l, i) => {
      const c = current[i];
      return (
        l.sku === c.sku &&
        l.quantity === c.quantity &&
        l.unitPrice.minor === c.unitPrice.minor &&
        l.unitPrice.currency === c.unitPrice.currency
      );
    })
  );
}
