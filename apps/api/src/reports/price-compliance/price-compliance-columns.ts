/**
 * GET /reports/price-compliance as CSV: one row per entry; the kind-specific details are spread over
 * columns, a column that does not apply to the kind being empty.
 */
import type { Money } from '@cl/domain/policy/terms';
import { sideKey } from '@cl/domain/shared/sides';
import type { PriceComplianceFact } from '@cl/projections/sales/price-compliance.projection';
import type { CsvColumn } from '../../shared/csv';
import type { PriceComplianceEntryView } from './price-compliance.dto';

type Details = Partial<{
  saleId: string;
  specialPriceId: string;
  date: string;
  currency: string;
  territory: string;
  unitPrice: Money;
  floor: Money;
  total: Money;
  ownerKey: string | null;
  validFrom: string;
  validTo: string;
  effectiveFrom: string;
  reason: string;
  maxAboveFloorBp: number;
  violations: Extract<PriceComplianceFact, { kind: 'floor-refusal' }>['details']['violations'];
}>;

const d = (r: PriceComplianceEntryView) => r.details as Details;
const currencyOf = (x: Details) => x.currency ?? x.unitPrice?.currency ?? x.total?.currency;

/** `<sku> <unit price> < <floor> (<policy>)`, one per violated line, separated by '; '. */
const violationsCell = (x: Details) =>
  x.violations?.map((v) => `${v.sku} ${v.unitPrice.minor} < ${v.floor.minor} (${v.policyId})`).join('; ');

export const PRICE_COMPLIANCE_COLUMNS: readonly CsvColumn<PriceComplianceEntryView>[] = [
  { header: 'id', description: 'the entry id', value: (r) => r.id },
  {
    header: 'kind',
    description: 'floor-refusal, special-price-approved, special-price-revoked, channel-conflict or above-discretion-band',
    value: (r) => r.kind,
  },
  { header: 'at', description: 'ISO instant: refused, approved, revoked or recorded at', value: (r) => r.at },
  { header: 'clientId', description: 'the client', value: (r) => r.clientId },
  { header: 'clientLegalName', description: "the client's legal name now", value: (r) => r.clientLegalName },
  {
    header: 'seller',
    description: "sale entries: 'company' or 'distributor:<id>'",
    value: (r) => (r.seller ? sideKey(r.seller) : undefined),
  },
  {
    header: 'distributorIds',
    description: 'the distributors the entry concerns, space-separated',
    value: (r) => r.distributorIds.join(' '),
  },
  { header: 'skus', description: 'the products, space-separated', value: (r) => r.skus.join(' ') },
  { header: 'by', description: "who acted: '<party>:<userId>'", value: (r) => `${r.by.party}:${r.by.userId}` },
  { header: 'saleId', description: 'sale entries', value: (r) => d(r).saleId },
  { header: 'specialPriceId', description: 'special-price entries', value: (r) => d(r).specialPriceId },
  { header: 'date', description: 'sale entries: the sale date', value: (r) => d(r).date },
  { header: 'territory', description: "channel-conflict and above-discretion-band: the client's territory", value: (r) => d(r).territory },
  { header: 'currency', description: 'ISO 4217 of the amounts', value: (r) => currencyOf(d(r)) },
  {
    header: 'unitPriceMinor',
    description: 'above-discretion-band and special-price-approved: the unit price',
    value: (r) => d(r).unitPrice?.minor,
  },
  { header: 'floorMinor', description: 'above-discretion-band: the floor', value: (r) => d(r).floor?.minor },
  { header: 'maxAboveFloorBp', description: 'above-discretion-band: the band', value: (r) => d(r).maxAboveFloorBp },
  { header: 'totalMinor', description: "channel-conflict: the sale's total", value: (r) => d(r).total?.minor },
  {
    header: 'owner',
    description: "channel-conflict: the client's owner on the sale date ('none' when nobody owned it)",
    value: (r) => (r.kind === 'channel-conflict' ? (d(r).ownerKey ?? 'none') : undefined),
  },
  {
    header: 'violations',
    description: "floor-refusal: '<sku> <unit price> < <floor> (<policy>)' per line, '; '-separated",
    value: (r) => violationsCell(d(r)),
  },
  { header: 'validFrom', description: 'special-price-approved', value: (r) => d(r).validFrom },
  { header: 'validTo', description: 'special-price-approved', value: (r) => d(r).validTo },
  { header: 'effectiveFrom', description: 'special-price-revoked', value: (r) => d(r).effectiveFrom },
  { header: 'reason', description: 'special-price entries', value: (r) => d(r).reason },
];
