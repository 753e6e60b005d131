import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { chunkModules } from '@onestop/desktop-shell/web-bundles';

// One page for /kiosk, /guide, /display and /status, each screen a chunk of its own
// (src/main.tsx). The hall server answers each of those routes (and anything under them) with
// this index.html, and serves the hashed files under /assets/ (also under /<route>/assets/), so
// an absolute base works at every route. The manifest and the chunks' module lists
// (dist/.vite/) let src/bundles.test.ts check what each device loads.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The version each device tells the hall in its heartbeat (packages/client/src/heartbeat.ts).
  define: { __ONESTOP_VERSION__: JSON.stringify(appVersion()) },
  plugins: [react(), chunkModules()],
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});

/** The release's version, from the repository's package.json. */
function appVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
