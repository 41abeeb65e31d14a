import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * With neither JWT_SECRET nor JWKS_URL configured, tokens are signed with a secret generated once under
 * DATA_DIR (readable by its owner only). The service never runs without authentication.
 *
 * Several processes may start together on a fresh DATA_DIR (the API and the CLI): the file is created
 * exclusively, and whoever loses the race reads the winner's secret instead of failing.
 */
export function localSecretPath(dataDir: string): string {
  return join(dataDir, 'jwt-secret');
}

export function loadOrCreateLocalSecret(dataDir: string): { secret: string; created: boolean } {
  const file = localSecretPath(dataDir);
  if (existsSync(file)) return { secret: readExisting(file), created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: readExisting(file), created: false };
  }
  return { secret, created: true };
}

/**
 * The winner of a creation race opens the file empty and writes it an instant later: wait briefly
 * for the content rather than sign with an empty secret.
 */
function readExisting(file: string): string {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length > 0) return secret;
    if (Date.now() > deadline) throw new Error(`${file} is empty: delete it to generate a new local secret`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}
