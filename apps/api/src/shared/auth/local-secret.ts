import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * With neither JWT_SECRET nor JWKS_URL configured, tokens are signed with a secret generated once under
 * DATA_DIR (readable by its owner only). The service never runs without authentication.
 */
export function localSecretPath(dataDir: string): string {
  return join(dataDir, 'jwt-secret');
}

export function loadOrCreateLocalSecret(dataDir: string): { secret: string; created: boolean } {
  const file = localSecretPath(dataDir);
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, created: true };
}
