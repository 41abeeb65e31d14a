/// <reference types="node" />
/**
 * The partner console: `npm run build` writes it to dist/console, which the API serves at /console.
 * JSX goes through Vite's own transformer (Oxc in Vite 8), set to Preact's automatic runtime: no plugin.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // Everything as files under /console/assets: the console's CSP allows no inline script or style.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  logLevel: 'warn',
});
