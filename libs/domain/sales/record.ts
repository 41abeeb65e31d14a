/**
 * Recording a sale. A sale below the floor without a valid special price is not thrown away: it is
 * recorded as SaleRefused, a fact compliance must see (the API answers 409 SALE.BELOW_FLOOR from it).
 * Anything else wrong — input, party, client, policy, currency — is refused and records nothing.
 */
import type { Errors } from '../policy/field-checks';
import { text } from '../policy/field-checks';
import { sameSide, type Side } from '../shared/sides';
import type { RecordSale, SaleClient, SalePolicy } from './commands';
import { SaleErrors } from './errors';
import type { SaleEvent, SaleLineInput, SaleRecorded, SaleRefused } from './events';
import { countingPolicy, governingPolicies, requireCurrency } from './floors';
import { periodOfDate } from './period';
import { priceLines, type PricedLines } from './pricing';
import { knownClient, requireNoErrors, sellingSide } from './rules';
import type { SaleState } from './sale-state';
import { specialPricesOf } from './special-price-state';
import { currencyCode, dayOf, pastDate, saleLines } from './validate';

export function recordSale(cmd: RecordSale, state: SaleState): SaleEvent[] {
  const { actor, now } = cmd.context;
  const seller = sellingSide(actor, 'record');
  // Invalid input is refused as such (422) whatever the sale's state: the caller must fix it either way.
  const sale = validRecording(cmd.data, now);
  if (state.status !== 'none') throw SaleErrors.alreadyRecorded(sale.saleId, state.status);
  const client = knownClient(cmd.data.sale, sale.clientId);
  const governing = governingPolicies(seller, cmd.data.sale.policies, sale.date);
  requireCurrency(governing, sale.currency);
  const specialPrices = specialPricesOf(cmd.data.sale.specialPrices);
  const priced = priceLines(sale.lines, { seller, client, date: sale.date, currency: sale.currency, governing, specialPrices });
  const at = now.toISOString();
  if (priced.violations.length > 0) return [refused(sale, seller, priced, at)];
  return [recorded(sale, seller, client, countingPolicy(governing), priced, at)];
}

interface Recording {
  saleId: string;
  clientId: string;
  date: string;
  currency: string;
  lines: SaleLineInput[];
}

function validRecording(d: RecordSale['data'], now: Date): Recording {
  const errors: Errors = [];
  text(errors, 'saleId', d.saleId);
  text(errors, 'clientId', d.clientId);
  pastDate(errors, 'date', d.date, dayOf(now));
  const okCurrency = currencyCode(errors, 'currency', d.currency);
  const lines = saleLines(errors, d.lines, okCurrency ? d.currency : undefined);
  requireNoErrors(errors);
  return { saleId: d.saleId, clientId: d.clientId, date: d.date, currency: d.currency, lines: lines as SaleLineInput[] };
}

function refused(sale: Recording, seller: Side, priced: PricedLines, refusedAt: string): SaleRefused {
  const { saleId, clientId, date, currency, lines } = sale;
  return { type: 'SaleRefused', data: { saleId, seller, clientId, date, currency, lines, total: priced.total, violations: priced.violations, refusedAt } };
}

function recorded(
  sale: Recording,
  seller: Side,
  client: SaleClient,
  policy: SalePolicy | null,
  priced: PricedLines,
  recordedAt: string,
): SaleRecorded {
  const { saleId, clientId, date, currency } = sale;
  return {
    type: 'SaleRecorded',
    data: {
      saleId,
      seller,
      clientId,
      territory: client.territory,
      segment: client.segment,
      date,
      currency,
      lines: priced.lines,
      total: priced.total,
      policyId: policy?.policyId ?? null,
      period: policy ? periodOfDate(date, policy.granularity) : null,
      channelConflict: channelConflict(seller, client.owner),
      recordedAt,
    },
  };
}

/** A sale to a client the seller does not own on the date is recorded but flagged (nobody owning it included). */
export const channelConflict = (seller: Side, owner: Side | null): SaleRecorded['data']['channelConflict'] =>
  sameSide(owner, seller) ? null : { owner };
