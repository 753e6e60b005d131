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
    // expect.poll waits for a screen or a server to get somewhere, not a speed: 1 s (vitest's
    // default) failed a kiosk's first paint behind a lazy chunk on a busy CI machine.
    expect: { poll: { timeout: 10_000 } },
    // Server tests open real SQLite files and sockets; run files in forks so a SIGKILL drill
    // or a native handle in one file cannot disturb another.
    pool: 'forks',
  },
});
