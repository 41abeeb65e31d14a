import { parseArgs, UsageError } from './args';

describe('cli arguments', () => {
  it('separates positional words from flags', () => {
    expect(parseArgs(['token', '--party', 'distributor', '--distributor', 'acme'])).toEqual({
      positional: ['token'],
      flags: { party: 'distributor', distributor: 'acme' },
    });
  });

  it('refuses a flag without a value', () => {
    expect(() => parseArgs(['token', '--party'])).toThrow(UsageError);
  });
});
