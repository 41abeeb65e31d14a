import { normaliseTaxId } from './tax-id';

describe('normaliseTaxId', () => {
  it.each([
    ['PL 123-456-32-18', 'PL1234563218'],
    ['123.456.32.18', '1234563218'],
    ['pl1234563218', 'PL1234563218'],
    ['  DE 123/456/789 ', 'DE123456789'],
    ['1234563218', '1234563218'],
    ['A'.repeat(32), 'A'.repeat(32)],
  ])('%j → %j', (raw, normalised) => {
    expect(normaliseTaxId(raw)).toBe(normalised);
  });

  it('gives two spellings of one id the same text, so duplicates are found', () => {
    expect(normaliseTaxId('PL 123-456-32-18')).toBe(normaliseTaxId('pl123.456.32.18'));
  });

  it.each([
    ['empty', ''],
    ['only separators', ' - . / '],
    ['another character', 'PL123_456'],
    ['a letter outside A-Z', 'PLÓ123'],
    ["a letter that upper-cases into A-Z ('ß' → 'SS')", 'ßß123'],
    ['longer than 32', 'A'.repeat(33)],
    ['not a string', 1234563218],
  ])('refuses %s', (_, raw) => {
    expect(normaliseTaxId(raw)).toBeNull();
  });
});
