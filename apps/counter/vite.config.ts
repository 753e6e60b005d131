import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One single-page app for /counter, /pad, /backoffice and /console. A relative base works at
// every route: the hall server answers `/assets/…` and `/<route>/assets/…` from this dist.
// Asset names carry the app's name so they never clash with the kiosk's under `/assets/`.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/counter-[name]-[hash].js',
        chunkFileNames: 'assets/counter-[name]-[hash].js',
        assetFileNames: 'assets/counter-[name]-[hash][extname]',
      },
    },
  },
});
