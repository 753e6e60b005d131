import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One single-page app for /kiosk, /guide, /display and /status. The hall server answers each
// of those routes (and anything under them) with this index.html, and serves the hashed files
// under /assets/ (also under /<route>/assets/), so an absolute base works at every route.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
