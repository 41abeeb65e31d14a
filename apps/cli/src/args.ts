export class UsageError extends Error {}

/**
 * `a b --flag value --other v` → positional [a, b], flags {flag, other}. Every flag takes a value,
 * except the `switches` named by the caller, which take none and read as 'true' when given.
 */
export function parseArgs(argv: string[], switches: readonly string[] = []): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (switches.includes(arg.slice(2))) {
      flags[arg.slice(2)] = 'true';
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    flags[arg.slice(2)] = value;
    i++;
  }
  return { positional, flags };
}
