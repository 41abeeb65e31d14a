import { parseArgs, UsageError } from './args';

describe('cli arguments', () => {
  it('separates positional words from flags', () => {
    expect(parseArgs(['token', '--party', 'distributor', '--distributor', 'acme'])).toEqual({
      positional: ['token'],
      flags: { party: 'distributor', distributor: 'acme' },
    });
  });

  it('reads a switch the caller names as a flag without a value', () => {
    expect(parseArgs(['demo', '--force', '--year', '2025'], ['force'])).toEqual({
      positional: ['demo'],
      flags: { force: 'true', year: '2025' },
    });
    expect(() => parseArgs(['demo', '--force', '--year'], ['force'])).toThrow(UsageError);
  });

  it('refuses a flag without a value', () => {
    expect(() => parseArgs(['token', '--party'])).toThrow(UsageError);
  });
});
