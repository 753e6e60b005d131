import { describe, expect, it } from 'vitest';
import { runReconnectDrill } from './reconnect-drill';

// The small version; `npm run drill:reconnect` runs it with 300 devices.

describe('reconnect drill', () => {
  it('brings every device back in sync by itself after a restart', async () => {
    const report = await runReconnectDrill(60);
    expect(report.behind).toBe(0);
    expect(report.serverSeq).toBeGreaterThanOrEqual(10);
  }, 90_000);
});
