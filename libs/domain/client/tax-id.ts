/**
 * Tax ids arrive written every way people write them ('PL 123-456-32-18', '123.456.32.18'). Duplicate
 * clients are detected by tax id, so two spellings of one id must normalise to the same text.
 */
const SEPARATORS = /[\s\-./]/g;
const ALLOWED = /^[A-Za-z0-9]{1,32}$/;

/**
 * Removes spaces, dashes, dots and slashes and upper-cases the rest; a country prefix ('PL') is kept,
 * as given. Null when nothing is left, when any other character remains, or when it is longer than 32.
 * The check runs before upper-casing: 'ß' would otherwise become 'SS' and pass.
 */
export function normaliseTaxId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const stripped = raw.replace(SEPARATORS, '');
  return ALLOWED.test(stripped) ? stripped.toUpperCase() : null;
}
