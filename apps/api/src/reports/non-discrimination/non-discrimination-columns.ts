/**
 * GET /reports/non-discrimination as CSV: one row per channel of each group (territory, SKU, month,
 * currency), with the differences beyond the tolerance that involve the channel and the sales behind it.
 */
import type { CsvColumn } from '../../shared/csv';
import type { ChannelPriceView, NonDiscriminationReport, PriceGroupView } from './non-discrimination.dto';

export interface ChannelCsvRow {
  group: PriceGroupView;
  channel: ChannelPriceView;
}

export const channelCsvRows = (report: NonDiscriminationReport): ChannelCsvRow[] =>
  report.groups.flatMap((group) => group.channels.map((channel) => ({ group, channel })));

const differencesOf = ({ group, channel }: ChannelCsvRow) =>
  group.differences.filter((d) => d.lower === channel.channel || d.higher === channel.channel);

/** The largest ratio among them; a difference against a zero price has none and is left out. */
function largestBp(row: ChannelCsvRow): number | undefined {
  const ratios = differencesOf(row).flatMap((d) => (d.differenceBp === null ? [] : [d.differenceBp]));
  return ratios.length > 0 ? Math.max(...ratios) : undefined;
}

export const NON_DISCRIMINATION_COLUMNS: readonly CsvColumn<ChannelCsvRow>[] = [
  { header: 'territory', description: "the clients' territory", value: (r) => r.group.territory },
  { header: 'sku', description: 'the product', value: (r) => r.group.sku },
  { header: 'month', description: 'YYYY-MM of the sale dates', value: (r) => r.group.month },
  { header: 'currency', description: 'ISO 4217; amounts are minor units of it', value: (r) => r.group.currency },
  { header: 'channel', description: "'company' or 'distributor:<id>'", value: (r) => r.channel.channel },
  { header: 'quantity', description: 'units sold', value: (r) => r.channel.quantity },
  { header: 'amountMinor', description: 'what they were sold for', value: (r) => r.channel.amountMinor },
  { header: 'unitPriceMinor', description: 'amountMinor / quantity, rounded to two decimals', value: (r) => r.channel.unitPriceMinor },
  {
    header: 'beyondTolerance',
    description: "true when the channel's price differs from another's beyond the tolerance",
    value: (r) => differencesOf(r).length > 0,
  },
  { header: 'maxDifferenceBp', description: 'the largest such difference, in bp of the lower price', value: largestBp },
  {
    header: 'differsFrom',
    description: 'the channels it differs from beyond the tolerance, space-separated',
    value: (r) =>
      differencesOf(r)
        .map((d) => (d.lower === r.channel.channel ? d.higher : d.lower))
        .join(' '),
  },
  {
    header: 'saleIds',
    description: "the channel's sales behind a difference, space-separated",
    value: (r) =>
      r.group.sales
        .filter((s) => s.channel === r.channel.channel)
        .map((s) => s.saleId)
        .join(' '),
  },
];
