import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { chunkModules } from '@onestop/desktop-shell/web-bundles';

// One page for /counter, /pad, /backoffice and /console, each screen a chunk of its own
// (src/main.tsx). A relative base works at every route: the hall server answers `/assets/…` and
// `/<route>/assets/…` from this dist. Asset names carry the app's name so they never clash with
// the kiosk's under `/assets/`. The manifest and the chunks' module lists (dist/.vite/) let
// src/bundles.test.ts check what each device loads.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  // The version each device tells the hall in its heartbeat (packages/client/src/heartbeat.ts).
  define: { __ONESTOP_VERSION__: JSON.stringify(appVersion()) },
  plugins: [react(), chunkModules()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/counter-[name]-[hash].js',
        chunkFileNames: 'assets/counter-[name]-[hash].js',
        assetFileNames: 'assets/counter-[name]-[hash][extname]',
        // ECharts (charts and its renderer, zrender) is larger than one chunk should be: two
        // chunks of their own, loaded with the reports tab only. React (with react-dom and its
        // scheduler) is a chunk of its own too: every screen loads it, it changes only with an
        // upgrade, so it stays cached across hall releases, and the entry stays under 500 kB.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ },
          ],
        },
      },
    },
  },
});

/** The release's version, from the repository's package.json. */
function appVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
