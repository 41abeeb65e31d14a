import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_NODE_FLAGS } from './node-flags';

describe('the flags `npm run cli` runs with', () => {
  it('are those of package.json\'s cli script, given before the entry point', () => {
    const scripts = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.cli).toBe(['node', ...CLI_NODE_FLAGS, 'dist/apps/cli/src/main.js'].join(' '));
  });
});
