import * as fs from 'node:fs';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalSecret, localSecretPath } from './local-secret';

// Pass-through spies, so a test can make another process "win" between the check and the write.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, existsSync: jest.fn(actual.existsSync), readFileSync: jest.fn(actual.readFileSync) };
});

describe('the local signing secret under DATA_DIR', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cl-secret-'));
  });
  afterEach(() => {
    jest.mocked(fs.existsSync).mockClear();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is created once, readable by its owner only, and read back afterwards', () => {
    const dataDir = join(dir, 'nested');
    const first = loadOrCreateLocalSecret(dataDir);
    expect(first.created).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    if (process.platform !== 'win32') expect(statSync(localSecretPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateLocalSecret(dataDir)).toEqual({ secret: first.secret, created: false });
  });

  it('reads the secret another process created between the check and the write (no EEXIST crash)', () => {
    // The API and the CLI start together on a fresh DATA_DIR: both see no file, the other one writes first.
    writeFileSync(localSecretPath(dir), 'written-by-the-other-process-0123456789\n', { mode: 0o600 });
    jest.mocked(fs.existsSync).mockReturnValueOnce(false);
    expect(loadOrCreateLocalSecret(dir)).toEqual({ secret: 'written-by-the-other-process-0123456789', created: false });
  });

  it("waits for the winner's content when the file is still empty", () => {
    writeFileSync(localSecretPath(dir), 'filled-an-instant-later-0123456789abcdef\n', { mode: 0o600 });
    jest.mocked(fs.existsSync).mockReturnValueOnce(false);
    jest.mocked(fs.readFileSync).mockReturnValueOnce('');
    expect(loadOrCreateLocalSecret(dir).secret).toBe('filled-an-instant-later-0123456789abcdef');
  });
});
