import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
      'apps/*/electron/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Server tests open real SQLite files and sockets; run files in forks so a SIGKILL drill
    // or a native handle in one file cannot disturb another.
    pool: 'forks',
  },
});
