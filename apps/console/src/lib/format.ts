/** How the console writes money, instants and sides. Amounts arrive as integer minor units. */
import type { Side } from './ownership';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' });
    formatters.set(currency, f);
  }
  return f;
}

/** `PLN 1,234.56` from 123456 minor units; the currency's own number of decimals. */
export function money(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  const f = formatter(currency);
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

/** A short amount for chart axes: `1.2M`, `350k`. */
export function compact(minor: number, currency: string): string {
  const digits = formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 }).format(minor / 10 ** digits);
}

/** `2026-03-02 09:15 UTC`: every instant the API sends is UTC, and so is what the console shows. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function side(s: Side | null | undefined): string {
  if (!s) return 'nobody';
  return s.party === 'company' ? 'the company' : `distributor ${s.distributorId}`;
}

export function actor(a: { party: string; userId: string; distributorId?: string } | null | undefined): string {
  if (!a) return '—';
  if (a.party === 'system') return `system (${a.userId})`;
  return a.distributorId ? `${a.userId} (distributor ${a.distributorId})` : `${a.userId} (${a.party})`;
}

export const percent = (bp: number): string => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;
