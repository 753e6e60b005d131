import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One single-page app for /kiosk, /guide, /display and /status; the hall server serves its
// index.html at each route and its hashed assets at /assets/.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
